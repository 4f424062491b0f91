import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { buildRecurrence, recurrenceFields } from '../../descriptions/recurrence';
import { webinarEventPage } from '../../descriptions/webinarOutput';
import { assertEnum, requireString } from '../../helpers/validation';
import { zoomApiRequest } from '../../transport';
import { buildWebinarBody, webinarDetailOptions, webinarSettingsField } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Topic',
		name: 'topic',
		type: 'string',
		typeOptions: { maxLength: 200 },
		default: '',
		required: true,
		placeholder: 'e.g. Product Launch 2026',
	},
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: [
			{ name: 'Webinar', value: 5, description: 'A single scheduled webinar' },
			{ name: 'Recurring, No Fixed Time', value: 6 },
			{ name: 'Recurring, Fixed Time', value: 9, description: 'Set the Recurrence below' },
		],
		default: 5,
	},
	{
		displayName: 'Start Time',
		name: 'startTime',
		type: 'dateTime',
		default: '',
		description: 'Local time in the time zone below, or UTC when it ends in Z',
		displayOptions: { show: { type: [5, 9] } },
	},
	{
		displayName: 'Duration (Minutes)',
		name: 'duration',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 60,
	},
	{
		displayName: 'Time Zone',
		name: 'timezone',
		type: 'string',
		default: '',
		placeholder: 'e.g. Europe/Berlin',
		description: "IANA time zone of the start time; empty uses the host's time zone",
	},
	...recurrenceFields({ show: { type: [9] } }),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: ([
			...webinarDetailOptions,
			{
				displayName: 'Default Passcode',
				name: 'default_passcode',
				type: 'boolean',
				default: true,
				description: 'Whether Zoom generates a passcode when none is given and the user setting asks for one',
			},
			{
				displayName: 'Host (User ID or Email)',
				name: 'userId',
				type: 'string',
				default: 'me',
				description: "Whose webinar this is; 'me' is the connected user",
			},
			{
				displayName: 'Schedule For',
				name: 'schedule_for',
				type: 'string',
				default: '',
				placeholder: 'e.g. host@example.com',
				description: 'Email or user ID of the user to schedule the webinar for',
			},
			{
				displayName: 'Template ID',
				name: 'template_id',
				type: 'string',
				default: '',
				description: 'Webinar template to schedule from',
			},
		] as INodeProperties[]).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	webinarSettingsField,
];

export const description = updateDisplayOptions({ show: { resource: ['webinar'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const type = assertEnum(this.getNodeParameter('type', itemIndex), 'Type', [5, 6, 9]);
	const { userId, ...details } = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const timezone = this.getNodeParameter('timezone', itemIndex, '') as string;
	const read = (name: string, fallback?: unknown) => this.getNodeParameter(name, itemIndex, fallback);
	const body = buildWebinarBody({
		topic: requireString(this.getNodeParameter('topic', itemIndex), 'Topic', { maxLength: 200 }),
		type,
		startTime: type === 6 ? undefined : this.getNodeParameter('startTime', itemIndex, ''),
		duration: this.getNodeParameter('duration', itemIndex, ''),
		timezone,
		details,
		recurrence: type === 9 ? buildRecurrence(read, timezone || undefined) : undefined,
		settings: this.getNodeParameter('settings', itemIndex, {}) as IDataObject,
	});
	const user = typeof userId === 'string' && userId.trim() !== '' ? userId.trim() : 'me';
	const webinar = await zoomApiRequest.call(this, 'POST', `/users/${encodeURIComponent(user)}/webinars`, body);
	return webinarEventPage(webinar);
}
