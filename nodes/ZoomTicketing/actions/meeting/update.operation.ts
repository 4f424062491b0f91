import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { meetingLocator } from '../../descriptions/meetingLocator';
import { buildMeetingSettings, meetingSettingsCollection } from '../../descriptions/meetingSettings';
import { buildRecurrence, recurrenceFields } from '../../descriptions/recurrence';
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
import { meetingIdParameter, meetingOutput, occurrenceIdOption } from './common';
import { buildCommonFields } from './create.operation';

const properties: INodeProperties[] = [
	meetingLocator(),
	{
		displayName: 'Occurrence ID',
		name: 'occurrenceId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 1748772000000',
		description: 'Change only this occurrence of a recurring meeting; leave empty to change all occurrences',
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields set here are sent; everything else stays as it is',
		options: [
			{ displayName: 'Agenda', name: 'agenda', type: 'string', typeOptions: { rows: 3 }, default: '' },
			{
				displayName: 'Duration (Minutes)',
				name: 'duration',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 1440 },
				default: 60,
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
				displayName: 'Schedule For',
				name: 'schedule_for',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
			},
			{
				displayName: 'Start Time',
				name: 'start_time',
				type: 'dateTime',
				default: '',
				description: 'In the meeting\'s time zone unless it carries an offset',
			},
			{
				displayName: 'Time Zone Name or ID',
				name: 'timezone',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getTimeZones' },
				default: '',
				description:
					'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			},
			{ displayName: 'Topic', name: 'topic', type: 'string', default: '' },
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				options: [
					{ name: 'Scheduled', value: 2 },
					{ name: 'Recurring With No Fixed Time', value: 3 },
					{ name: 'Recurring With Fixed Time', value: 8 },
				],
				default: 2,
			},
		],
	},
	{
		displayName: 'Update Recurrence',
		name: 'updateRecurrence',
		type: 'boolean',
		default: false,
		description: 'Whether to replace the recurrence of a recurring meeting with fixed time',
	},
	...recurrenceFields({ show: { updateRecurrence: [true] } }),
	meetingSettingsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['meeting'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const meetingId = meetingIdParameter.call(this, itemIndex);
	const read = (name: string, fallback?: unknown) => this.getNodeParameter(name, itemIndex, fallback);
	const occurrenceId = occurrenceIdOption({ occurrenceId: read('occurrenceId', '') });
	const fields = read('updateFields', {}) as IDataObject;

	const body: IDataObject = buildCommonFields(fields);
	if (fields.topic !== undefined) body.topic = requireString(fields.topic, 'Topic', { maxLength: 200 });
	if (fields.type !== undefined) body.type = assertEnum(Number(fields.type), 'Type', [2, 3, 8] as const);
	if (fields.timezone !== undefined && fields.timezone !== '') body.timezone = assertTimeZone(fields.timezone, 'Time Zone');
	// A local start time without a new time zone is meant in the meeting's own zone, read below.
	let localStartTime: string | undefined;
	if (fields.start_time !== undefined && fields.start_time !== '') {
		body.start_time = assertStartTime(fields.start_time, 'Start Time', (body.timezone as string | undefined) ?? 'UTC');
		if (!body.timezone && !hasUtcOffset(fields.start_time)) localStartTime = String(fields.start_time);
	}
	if (fields.duration !== undefined) body.duration = assertInteger(fields.duration, 'Duration (Minutes)', { min: 1, max: 1440 });
	if (read('updateRecurrence', false) === true) body.recurrence = buildRecurrence(read, body.timezone as string | undefined);
	const settings = buildMeetingSettings(read('settings', {}) as IDataObject);
	if (Object.keys(settings).length > 0) body.settings = settings;
	if (Object.keys(body).length === 0) {
		throw new InvalidParameterError('Update Fields', 'nothing to change', 'at least one field, setting or the recurrence');
	}

	const qs: IDataObject = occurrenceId ? { occurrence_id: occurrenceId } : {};
	if (localStartTime !== undefined) {
		const current = await zoomApiRequest.call(this, 'GET', `/meetings/${meetingId}`);
		const zone = typeof current.timezone === 'string' && current.timezone !== '' ? current.timezone : 'UTC';
		body.start_time = assertStartTime(localStartTime, 'Start Time', zone);
	}
	await zoomApiRequest.call(this, 'PATCH', `/meetings/${meetingId}`, body, qs);
	const meeting = await zoomApiRequest.call(this, 'GET', `/meetings/${meetingId}`, {}, qs);
	return meetingOutput(meeting);
}
