import type { IDataObject, INodeProperties } from 'n8n-workflow';

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

/** Top-level webinar fields other than topic, type and schedule (shared by create and update). */
export const webinarDetailOptions: INodeProperties[] = [
	{
		displayName: 'Agenda',
		name: 'agenda',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'Webinar description',
	},
	{
		displayName: 'Passcode',
		name: 'password',
		type: 'string',
		typeOptions: { password: true, maxLength: 10 },
		default: '',
		description: 'Up to 10 characters; must meet the account passcode rules',
	},
	{
		displayName: 'Tracking Fields',
		name: 'tracking_fields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Tracking Field',
		default: {},
		options: [
			{
				displayName: 'Tracking Field',
				name: 'fields',
				values: [
					{ displayName: 'Field', name: 'field', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
];

function trackingFields(value: unknown): IDataObject[] | undefined {
	const fields = ((value as IDataObject | undefined)?.fields ?? []) as IDataObject[];
	const kept = fields.filter((entry) => entry.field);
	return kept.length > 0 ? kept.map(({ field, value: entryValue }) => ({ field, value: entryValue ?? '' })) : undefined;
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
	if (password !== undefined && password !== '') body.password = optionalString(password, 'Passcode', { maxLength: 10 });
	const fields = trackingFields(tracking);
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
