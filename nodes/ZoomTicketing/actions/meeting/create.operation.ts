import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	eventTypeField,
	hostField,
	isVersion1,
	passcodeField,
	readHost,
	scheduleFields,
	scheduleForField,
	trackingFieldsField,
	VERSION_1,
	VERSION_2,
	withDisplay,
} from '../../descriptions/event';
import { buildMeetingSettings, meetingSettingsCollection } from '../../descriptions/meetingSettings';
import { buildRecurrence, recurrenceFields } from '../../descriptions/recurrence';
import { ZOOM_EVENT_TYPES } from '../../helpers/eventKind';
import { eventOutput } from '../../helpers/eventOutput';
import {
	assertEnum,
	assertInteger,
	assertStartTime,
	assertTimeZone,
	hasUtcOffset,
	InvalidParameterError,
	requireString,
} from '../../helpers/validation';
import { zoomApiRequest } from '../../transport';
import { buildCommonFields } from './common';

const TYPES = ZOOM_EVENT_TYPES.meeting;
type MeetingTypeName = keyof typeof TYPES;

/** Version 1 chose the type by name in `meetingType`; version 2 uses Zoom's number in `type`, as webinars do. */
const version1Type: INodeProperties = {
	displayName: 'Type',
	name: 'meetingType',
	type: 'options',
	options: [
		{ name: 'Scheduled', value: 'scheduled', description: 'One meeting at a set time' },
		{ name: 'Instant', value: 'instant', description: 'Starts now; nobody can register for it' },
		{ name: 'Recurring With Fixed Time', value: 'recurringFixedTime', description: 'Repeats daily, weekly or monthly at the same time' },
		{ name: 'Recurring With No Fixed Time', value: 'recurringNoFixedTime', description: 'One link that can be used at any time' },
	],
	default: 'scheduled',
};

const properties: INodeProperties[] = [
	...withDisplay(VERSION_1, [version1Type]),
	...withDisplay(VERSION_2, [eventTypeField('meeting', { instant: true })]),
	{
		displayName: 'Topic',
		name: 'topic',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Product launch',
		description: 'Up to 200 characters',
	},
	...withDisplay(VERSION_1, [
		...scheduleFields('meeting', { meetingType: ['scheduled', 'recurringFixedTime'] }),
		...recurrenceFields({ show: { meetingType: ['recurringFixedTime'] } }),
	]),
	...withDisplay(VERSION_2, [
		...scheduleFields('meeting', { type: [TYPES.scheduled, TYPES.recurringFixedTime] }),
		...recurrenceFields({ show: { type: [TYPES.recurringFixedTime] } }),
	]),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Agenda', name: 'agenda', type: 'string', typeOptions: { rows: 3 }, default: '', description: 'Up to 2000 characters' },
			{
				displayName: 'Default Passcode',
				name: 'default_password',
				type: 'boolean',
				default: true,
				description: 'Whether Zoom generates a passcode when none is given (if the account requires one)',
			},
			hostField('meeting', 'Whose meeting this is'),
			passcodeField(),
			{
				displayName: 'Pre-Schedule',
				name: 'pre_schedule',
				type: 'boolean',
				default: false,
				description: 'Whether to create a pre-scheduled meeting (GovCloud accounts only)',
			},
			scheduleForField('meeting'),
			{ displayName: 'Template ID', name: 'template_id', type: 'string', default: '', description: 'ID of a meeting template of the host' },
			trackingFieldsField(),
		],
	},
	meetingSettingsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['meeting'], operation: ['create'] } }, properties);

function missingTimeZone(): InvalidParameterError {
	return new InvalidParameterError(
		'Time Zone',
		'a start time without an offset needs a time zone',
		'an IANA time zone, or a start time ending in Z or an offset such as +02:00',
	);
}

function meetingType(this: IExecuteFunctions, itemIndex: number): number {
	if (isVersion1.call(this)) {
		const name = assertEnum(this.getNodeParameter('meetingType', itemIndex) as MeetingTypeName, 'Type', Object.keys(TYPES) as MeetingTypeName[]);
		return TYPES[name];
	}
	return assertEnum(Number(this.getNodeParameter('type', itemIndex)), 'Type', Object.values(TYPES));
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const type = meetingType.call(this, itemIndex);
	const read = (name: string, fallback?: unknown) => this.getNodeParameter(name, itemIndex, fallback);
	const additionalFields = read('additionalFields', {}) as IDataObject;
	const settingsValues = read('settings', {}) as IDataObject;

	const body: IDataObject = {
		type,
		topic: requireString(read('topic'), 'Topic', { maxLength: 200 }),
		...buildCommonFields(additionalFields),
	};
	if (type === TYPES.scheduled || type === TYPES.recurringFixedTime) {
		const timezone = read('timezone', '') as string;
		const startTime = read('startTime');
		if (timezone) body.timezone = assertTimeZone(timezone, 'Time Zone');
		else if (!hasUtcOffset(startTime)) throw missingTimeZone();
		body.start_time = assertStartTime(startTime, 'Start Time', timezone || undefined);
		body.duration = assertInteger(read('duration', 60), 'Duration (Minutes)', { min: 1, max: 1440 });
	}
	if (type === TYPES.recurringFixedTime) body.recurrence = buildRecurrence(read, body.timezone as string | undefined);

	const settings = buildMeetingSettings(settingsValues);
	if (type === TYPES.instant && (settings.approval_type === 0 || settings.approval_type === 1)) {
		throw new InvalidParameterError('Approval Type', 'instant meetings cannot require registration', 'No Registration Required, or a scheduled or recurring meeting');
	}
	if (Object.keys(settings).length > 0) body.settings = settings;

	const meeting = await zoomApiRequest.call(this, 'POST', `/users/${encodeURIComponent(readHost(additionalFields.userId))}/meetings`, body);
	return eventOutput('meeting', meeting);
}
