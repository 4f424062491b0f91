import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import {
	eventTypeField,
	hostField,
	isVersion1,
	readHost,
	scheduleFields,
	scheduleForField,
	VERSION_1,
	VERSION_2,
	withDisplay,
} from '../../descriptions/event';
import { buildRecurrence, recurrenceFields } from '../../descriptions/recurrence';
import { ZOOM_EVENT_TYPES } from '../../helpers/eventKind';
import { eventOutput, webinarOutputV1 } from '../../helpers/eventOutput';
import { assertEnum, requireString } from '../../helpers/validation';
import { zoomApiRequest } from '../../transport';
import { buildWebinarBody, webinarDetailOptions, webinarSettingsField } from './fields';

const TYPES = ZOOM_EVENT_TYPES.webinar;

const additionalFields = (trackingEntryName: string): INodeProperties => ({
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: (
		[
			...webinarDetailOptions(trackingEntryName),
			{
				// Zoom names it default_passcode for webinars and default_password for meetings.
				displayName: 'Default Passcode',
				name: 'default_passcode',
				type: 'boolean',
				default: true,
				description: 'Whether Zoom generates a passcode when none is given and the user setting asks for one',
			},
			hostField('webinar', 'Whose webinar this is'),
			scheduleForField('webinar'),
			{
				displayName: 'Template ID',
				name: 'template_id',
				type: 'string',
				default: '',
				description: 'Webinar template to schedule from',
			},
		] as INodeProperties[]
	).sort((a, b) => a.displayName.localeCompare(b.displayName)),
});

/** Version 1: the time zone as free text and the duration shown for every type. */
const version1Schedule: INodeProperties[] = [
	{
		displayName: 'Start Time',
		name: 'startTime',
		type: 'dateTime',
		default: '',
		description: 'Local time in the time zone below, or UTC when it ends in Z',
		displayOptions: { show: { type: [TYPES.scheduled, TYPES.recurringFixedTime] } },
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
];

const properties: INodeProperties[] = [
	eventTypeField('webinar', { instant: false }),
	{
		displayName: 'Topic',
		name: 'topic',
		type: 'string',
		typeOptions: { maxLength: 200 },
		default: '',
		required: true,
		placeholder: 'e.g. Product Launch 2026',
	},
	...withDisplay(VERSION_1, version1Schedule),
	...withDisplay(VERSION_2, scheduleFields('webinar', { type: [TYPES.scheduled, TYPES.recurringFixedTime] })),
	...recurrenceFields({ show: { type: [TYPES.recurringFixedTime] } }),
	...withDisplay(VERSION_1, [additionalFields('fields')]),
	...withDisplay(VERSION_2, [additionalFields('field')]),
	webinarSettingsField,
];

export const description = updateDisplayOptions({ show: { resource: ['webinar'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const type = assertEnum(Number(this.getNodeParameter('type', itemIndex)), 'Type', Object.values(TYPES));
	const { userId, ...details } = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const timezone = this.getNodeParameter('timezone', itemIndex, '') as string;
	const read = (name: string, fallback?: unknown) => this.getNodeParameter(name, itemIndex, fallback);
	const body = buildWebinarBody({
		topic: requireString(this.getNodeParameter('topic', itemIndex), 'Topic', { maxLength: 200 }),
		type,
		startTime: type === TYPES.recurringNoFixedTime ? undefined : this.getNodeParameter('startTime', itemIndex, ''),
		duration: this.getNodeParameter('duration', itemIndex, ''),
		timezone,
		details,
		recurrence: type === TYPES.recurringFixedTime ? buildRecurrence(read, timezone || undefined) : undefined,
		settings: this.getNodeParameter('settings', itemIndex, {}) as IDataObject,
	});
	const webinar = await zoomApiRequest.call(this, 'POST', `/users/${encodeURIComponent(readHost(userId))}/webinars`, body);
	return isVersion1.call(this) ? webinarOutputV1(webinar) : eventOutput('webinar', webinar);
}
