import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { passcodeField, readPasscode, readTrackingFields, trackingFieldsField } from '../../descriptions/event';
import { buildWebinarSettings, webinarSettingsOptions } from '../../descriptions/webinarSettings';
import {
	assertInteger,
	assertStartTime,
	assertTimeZone,
	compact,
	InvalidParameterError,
	optionalString,
} from '../../helpers/validation';

export const webinarSettingsField: INodeProperties = {
	displayName: 'Settings',
	name: 'settings',
	type: 'collection',
	placeholder: 'Add Setting',
	default: {},
	options: webinarSettingsOptions,
};

/** Top-level webinar fields create and update share; `trackingEntryName` is "fields" in version 1. */
export function webinarDetailOptions(trackingEntryName: string): INodeProperties[] {
	return [
		{
			displayName: 'Agenda',
			name: 'agenda',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			description: 'Webinar description',
		},
		passcodeField(),
		trackingFieldsField(trackingEntryName),
	];
}

export interface WebinarInput {
	topic?: unknown;
	type?: number;
	startTime?: unknown;
	duration?: unknown;
	timezone?: unknown;
	details: IDataObject;
	/** Zoom's recurrence object, built by the shared recurrence fields. */
	recurrence?: IDataObject;
	settings: IDataObject;
}

/** Validates and builds the body of POST /users/{userId}/webinars or PATCH /webinars/{id}. */
export function buildWebinarBody(input: WebinarInput): IDataObject {
	const body: IDataObject = {};
	const topic = optionalString(input.topic, 'Topic', { maxLength: 200 });
	if (topic) body.topic = topic;
	if (input.type !== undefined) body.type = input.type;
	const timezone = input.timezone === undefined || input.timezone === '' ? undefined : assertTimeZone(input.timezone, 'Time Zone');
	if (timezone) body.timezone = timezone;
	if (input.startTime !== undefined && input.startTime !== '') body.start_time = assertStartTime(input.startTime, 'Start Time');
	if (input.duration !== undefined && input.duration !== '') body.duration = assertInteger(input.duration, 'Duration', { min: 1 });
	if (input.type === 6 && body.start_time !== undefined) {
		throw new InvalidParameterError('Start Time', 'a recurring webinar with no fixed time has no start time', 'no start time for type "Recurring, No Fixed Time"');
	}

	const { tracking_fields: tracking, password, ...details } = input.details;
	Object.assign(body, compact(details));
	const passcode = readPasscode(password);
	if (passcode !== undefined) body.password = passcode;
	const fields = readTrackingFields(tracking);
	if (fields) body.tracking_fields = fields;

	if (input.recurrence) {
		if (input.type !== undefined && input.type !== 9) {
			throw new InvalidParameterError('Recurrence', 'only a recurring webinar with a fixed time has a recurrence', 'a recurrence only with type "Recurring, Fixed Time"');
		}
		body.recurrence = input.recurrence;
	}

	const built = buildWebinarSettings(compact(input.settings));
	if (Object.keys(built).length > 0) body.settings = built;
	return body;
}
