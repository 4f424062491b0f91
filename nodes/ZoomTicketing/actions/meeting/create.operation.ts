import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { meetingSettingsCollection, buildMeetingSettings } from '../../descriptions/meetingSettings';
import { buildRecurrence, recurrenceFields } from '../../descriptions/recurrence';
import {
	assertEmail,
	assertInteger,
	assertStartTime,
	assertTimeZone,
	hasUtcOffset,
	InvalidParameterError,
	optionalString,
	requireString,
} from '../../helpers/validation';
import { zoomApiRequest } from '../../transport';
import { meetingOutput } from './common';

const MEETING_TYPES = { instant: 1, scheduled: 2, recurringNoFixedTime: 3, recurringFixedTime: 8 } as const;
type MeetingKind = keyof typeof MEETING_TYPES;

const show = { resource: ['meeting'], operation: ['create'] };

const properties: INodeProperties[] = [
	{
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
	},
	{
		displayName: 'Topic',
		name: 'topic',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Product launch',
		description: 'Up to 200 characters',
	},
	{
		displayName: 'Start Time',
		name: 'startTime',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'In the meeting\'s time zone unless it carries an offset (e.g. 2026-05-01T10:00:00 or 2026-05-01T08:00:00Z)',
		displayOptions: { show: { meetingType: ['scheduled', 'recurringFixedTime'] } },
	},
	{
		displayName: 'Duration (Minutes)',
		name: 'duration',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 1440 },
		default: 60,
		displayOptions: { show: { meetingType: ['scheduled', 'recurringFixedTime'] } },
	},
	{
		displayName: 'Time Zone Name or ID',
		name: 'timezone',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTimeZones' },
		default: '',
		description:
			'IANA time zone of the start time and of the invitation. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { meetingType: ['scheduled', 'recurringFixedTime'] } },
	},
	...recurrenceFields({ show: { meetingType: ['recurringFixedTime'] } }),
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
			{
				displayName: 'Passcode',
				name: 'password',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: 'Up to 10 characters: letters, digits and @ - _ *',
			},
			{
				displayName: 'Pre-Schedule',
				name: 'pre_schedule',
				type: 'boolean',
				default: false,
				description: 'Whether to create a pre-scheduled meeting (GovCloud accounts only)',
			},
			{
				displayName: 'Schedule For',
				name: 'schedule_for',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description: 'Email of the user to schedule the meeting for (needs scheduling privilege)',
			},
			{ displayName: 'Template ID', name: 'template_id', type: 'string', default: '', description: 'ID of a meeting template of the host' },
			{
				displayName: 'Tracking Fields',
				name: 'tracking_fields',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				options: [
					{
						displayName: 'Field',
						name: 'field',
						values: [
							{ displayName: 'Field', name: 'field', type: 'string', default: '' },
							{ displayName: 'Value', name: 'value', type: 'string', default: '' },
						],
					},
				],
			},
			{
				displayName: 'User',
				name: 'userId',
				type: 'string',
				default: 'me',
				description: 'User ID or email of the host; "me" is the connected user',
			},
		],
	},
	meetingSettingsCollection(),
];

export const description = updateDisplayOptions({ show }, properties);

function missingTimeZone(): InvalidParameterError {
	return new InvalidParameterError(
		'Time Zone',
		'a start time without an offset needs a time zone',
		'an IANA time zone, or a start time ending in Z or an offset such as +02:00',
	);
}

const PASSCODE = /^[A-Za-z0-9@\-_*]{1,10}$/;

/** The request body parts shared by create and update (everything but type and topic). */
export function buildCommonFields(fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	const agenda = optionalString(fields.agenda, 'Agenda', { maxLength: 2000 });
	if (agenda !== undefined) body.agenda = agenda;
	if (fields.password !== undefined && fields.password !== '') {
		const password = String(fields.password);
		if (!PASSCODE.test(password)) {
			throw new InvalidParameterError('Passcode', 'it has characters Zoom does not allow or is too long', 'up to 10 letters, digits or @ - _ *');
		}
		body.password = password;
	}
	if (typeof fields.default_password === 'boolean') body.default_password = fields.default_password;
	if (typeof fields.pre_schedule === 'boolean') body.pre_schedule = fields.pre_schedule;
	if (fields.schedule_for) body.schedule_for = assertEmail(fields.schedule_for, 'Schedule For');
	const templateId = optionalString(fields.template_id, 'Template ID');
	if (templateId !== undefined) body.template_id = templateId;
	const tracking = ((fields.tracking_fields as IDataObject | undefined)?.field ?? []) as IDataObject[];
	if (tracking.length > 0) {
		body.tracking_fields = tracking.map((entry) => ({
			field: requireString(entry.field, 'Tracking Fields'),
			value: String(entry.value ?? ''),
		}));
	}
	return body;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const kind = this.getNodeParameter('meetingType', itemIndex) as MeetingKind;
	const read = (name: string, fallback?: unknown) => this.getNodeParameter(name, itemIndex, fallback);
	const additionalFields = read('additionalFields', {}) as IDataObject;
	const settingsValues = read('settings', {}) as IDataObject;

	const body: IDataObject = {
		type: MEETING_TYPES[kind],
		topic: requireString(read('topic'), 'Topic', { maxLength: 200 }),
		...buildCommonFields(additionalFields),
	};
	if (kind === 'scheduled' || kind === 'recurringFixedTime') {
		const timezone = read('timezone', '') as string;
		const startTime = read('startTime');
		if (timezone) body.timezone = assertTimeZone(timezone, 'Time Zone');
		else if (!hasUtcOffset(startTime)) throw missingTimeZone();
		body.start_time = assertStartTime(startTime, 'Start Time', timezone || undefined);
		body.duration = assertInteger(read('duration', 60), 'Duration (Minutes)', { min: 1, max: 1440 });
	}
	if (kind === 'recurringFixedTime') body.recurrence = buildRecurrence(read, body.timezone as string | undefined);

	const settings = buildMeetingSettings(settingsValues);
	if (kind === 'instant' && (settings.approval_type === 0 || settings.approval_type === 1)) {
		throw new InvalidParameterError('Approval Type', 'instant meetings cannot require registration', 'No Registration Required, or a scheduled or recurring meeting');
	}
	if (Object.keys(settings).length > 0) body.settings = settings;

	const userId = String(additionalFields.userId ?? 'me').trim() || 'me';
	const meeting = await zoomApiRequest.call(this, 'POST', `/users/${encodeURIComponent(userId)}/meetings`, body);
	return meetingOutput(meeting);
}
