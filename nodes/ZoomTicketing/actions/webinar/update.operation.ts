import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import {
	eventIdParameter,
	isVersion1,
	occurrenceIdField,
	occurrenceQuery,
	readOccurrenceId,
	scheduleForField,
	timeZoneField,
	trackingFieldsField,
	updateFieldsCollection,
	updateRecurrenceField,
	VERSION_1,
	VERSION_2,
	withDisplay,
} from '../../descriptions/event';
import { buildRecurrence, recurrenceFields } from '../../descriptions/recurrence';
import { webinarLocator } from '../../descriptions/webinarLocator';
import { ZOOM_EVENT_TYPES } from '../../helpers/eventKind';
import { eventOutput } from '../../helpers/eventOutput';
import { assertEnum, InvalidParameterError } from '../../helpers/validation';
import { zoomApiRequest } from '../../transport';
import { buildWebinarBody, webinarSettingsField } from './fields';

const occurrencePurpose = 'Change only this occurrence; leave empty to change all occurrences';

/** Version 1: the time zone as free text, tracking entries under "fields", the occurrence under Options. */
const version1: INodeProperties[] = [
	updateFieldsCollection('webinar', {
		startTimeName: 'startTime',
		timezone: { displayName: 'Time Zone', name: 'timezone', type: 'string', default: '', placeholder: 'e.g. Europe/Berlin' },
		extra: [trackingFieldsField('fields')],
	}),
];

const properties: INodeProperties[] = [
	webinarLocator,
	...withDisplay(VERSION_2, [occurrenceIdField('webinar', occurrencePurpose)]),
	...withDisplay(VERSION_1, version1),
	...withDisplay(VERSION_2, [
		updateFieldsCollection('webinar', {
			startTimeName: 'startTime',
			timezone: timeZoneField('IANA time zone of the start time'),
			extra: [scheduleForField('webinar'), trackingFieldsField()],
		}),
	]),
	updateRecurrenceField('webinar'),
	...recurrenceFields({ show: { updateRecurrence: [true] } }),
	webinarSettingsField,
	...withDisplay(VERSION_1, [
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [occurrenceIdField('webinar', occurrencePurpose, 'occurrence_id')],
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['webinar'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const webinarId = eventIdParameter.call(this, 'webinar', itemIndex);
	const v1 = isVersion1.call(this);
	const { topic, type, startTime, duration, timezone, ...details } = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const read = (name: string, fallback?: unknown) => this.getNodeParameter(name, itemIndex, fallback);
	const recurrence = read('updateRecurrence', false) === true ? buildRecurrence(read, typeof timezone === 'string' && timezone ? timezone : undefined) : undefined;
	const body = buildWebinarBody({
		topic,
		type: type === undefined ? undefined : assertEnum(Number(type), 'Type', Object.values(ZOOM_EVENT_TYPES.webinar)),
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
	const occurrenceId = readOccurrenceId(v1 ? (read('options', {}) as IDataObject).occurrence_id : read('occurrenceId', ''));
	const qs = occurrenceQuery(occurrenceId);
	await zoomApiRequest.call(this, 'PATCH', `/webinars/${webinarId}`, body, qs);
	if (v1) return { webinarId, updated: true, ...body };
	return eventOutput('webinar', await zoomApiRequest.call(this, 'GET', `/webinars/${webinarId}`, {}, qs));
}
