import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { getWebinarId, webinarLocator } from '../../descriptions/webinarLocator';
import { buildRecurrence, recurrenceFields } from '../../descriptions/recurrence';
import { assertEnum, InvalidParameterError } from '../../helpers/validation';
import { zoomApiRequest } from '../../transport';
import { occurrenceIdOption, occurrenceQuery } from './common';
import { buildWebinarBody, webinarDetailOptions, webinarSettingsField } from './fields';

const properties: INodeProperties[] = [
	webinarLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: ([
			...webinarDetailOptions,
			{
				displayName: 'Duration (Minutes)',
				name: 'duration',
				type: 'number',
				typeOptions: { minValue: 1, numberPrecision: 0 },
				default: 60,
			},
			{
				displayName: 'Start Time',
				name: 'startTime',
				type: 'dateTime',
				default: '',
				description: 'Local time in the time zone, or UTC when it ends in Z',
			},
			{
				displayName: 'Time Zone',
				name: 'timezone',
				type: 'string',
				default: '',
				placeholder: 'e.g. Europe/Berlin',
			},
			{
				displayName: 'Topic',
				name: 'topic',
				type: 'string',
				typeOptions: { maxLength: 200 },
				default: '',
			},
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				options: [
					{ name: 'Webinar', value: 5 },
					{ name: 'Recurring, No Fixed Time', value: 6 },
					{ name: 'Recurring, Fixed Time', value: 9 },
				],
				default: 5,
			},
		] as INodeProperties[]).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	{
		displayName: 'Update Recurrence',
		name: 'updateRecurrence',
		type: 'boolean',
		default: false,
		description: 'Whether to replace the recurrence of a recurring webinar with a fixed time',
	},
	...recurrenceFields({ show: { updateRecurrence: [true] } }),
	webinarSettingsField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [occurrenceIdOption],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['webinar'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const webinarId = getWebinarId.call(this, itemIndex);
	const { topic, type, startTime, duration, timezone, ...details } = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const read = (name: string, fallback?: unknown) => this.getNodeParameter(name, itemIndex, fallback);
	const recurrence = read('updateRecurrence', false) === true ? buildRecurrence(read, typeof timezone === 'string' && timezone ? timezone : undefined) : undefined;
	const body = buildWebinarBody({
		topic,
		type: type === undefined ? undefined : assertEnum(type, 'Type', [5, 6, 9]),
		startTime,
		duration,
		timezone,
		details,
		recurrence,
		settings: this.getNodeParameter('settings', itemIndex, {}) as IDataObject,
	});
	if (Object.keys(body).length === 0) {
		throw new InvalidParameterError('Update Fields', 'nothing to update', 'at least one field, recurrence value or setting');
	}
	const qs = occurrenceQuery(this.getNodeParameter('options', itemIndex, {}) as IDataObject);
	await zoomApiRequest.call(this, 'PATCH', `/webinars/${webinarId}`, body, qs);
	return { webinarId, updated: true, ...body };
}
