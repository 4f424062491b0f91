import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

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
import { meetingLocator } from '../../descriptions/meetingLocator';
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

const updateFields = (startTimeName: string, extra: INodeProperties[]) =>
	updateFieldsCollection('meeting', { startTimeName, timezone: timeZoneField('IANA time zone of the start time'), extra });

const properties: INodeProperties[] = [
	meetingLocator(),
	occurrenceIdField('meeting', 'Change only this occurrence; leave empty to change all occurrences'),
	...withDisplay(VERSION_1, [updateFields('start_time', [scheduleForField('meeting')])]),
	...withDisplay(VERSION_2, [updateFields('startTime', [scheduleForField('meeting'), trackingFieldsField()])]),
	updateRecurrenceField('meeting'),
	...recurrenceFields({ show: { updateRecurrence: [true] } }),
	meetingSettingsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['meeting'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const meetingId = eventIdParameter.call(this, 'meeting', itemIndex);
	const read = (name: string, fallback?: unknown) => this.getNodeParameter(name, itemIndex, fallback);
	const occurrenceId = readOccurrenceId(read('occurrenceId', ''));
	const fields = read('updateFields', {}) as IDataObject;
	const startTime = fields[isVersion1.call(this) ? 'start_time' : 'startTime'];

	const body: IDataObject = buildCommonFields(fields);
	if (fields.topic !== undefined) body.topic = requireString(fields.topic, 'Topic', { maxLength: 200 });
	if (fields.type !== undefined) {
		const { scheduled, recurringNoFixedTime, recurringFixedTime } = ZOOM_EVENT_TYPES.meeting;
		body.type = assertEnum(Number(fields.type), 'Type', [scheduled, recurringNoFixedTime, recurringFixedTime]);
	}
	if (fields.timezone !== undefined && fields.timezone !== '') body.timezone = assertTimeZone(fields.timezone, 'Time Zone');
	// A local start time without a new time zone is meant in the meeting's own zone, read below.
	let localStartTime: string | undefined;
	if (startTime !== undefined && startTime !== '') {
		body.start_time = assertStartTime(startTime, 'Start Time', (body.timezone as string | undefined) ?? 'UTC');
		if (!body.timezone && !hasUtcOffset(startTime)) localStartTime = String(startTime);
	}
	if (fields.duration !== undefined) body.duration = assertInteger(fields.duration, 'Duration (Minutes)', { min: 1, max: 1440 });
	if (read('updateRecurrence', false) === true) body.recurrence = buildRecurrence(read, body.timezone as string | undefined);
	const settings = buildMeetingSettings(read('settings', {}) as IDataObject);
	if (Object.keys(settings).length > 0) body.settings = settings;
	if (Object.keys(body).length === 0) {
		throw new InvalidParameterError('Update Fields', 'nothing to change', 'at least one field, setting or the recurrence');
	}

	const qs = occurrenceQuery(occurrenceId);
	if (localStartTime !== undefined) {
		const current = await zoomApiRequest.call(this, 'GET', `/meetings/${meetingId}`);
		const zone = typeof current.timezone === 'string' && current.timezone !== '' ? current.timezone : 'UTC';
		body.start_time = assertStartTime(localStartTime, 'Start Time', zone);
	}
	await zoomApiRequest.call(this, 'PATCH', `/meetings/${meetingId}`, body, qs);
	const meeting = await zoomApiRequest.call(this, 'GET', `/meetings/${meetingId}`, {}, qs);
	return eventOutput('meeting', meeting);
}
