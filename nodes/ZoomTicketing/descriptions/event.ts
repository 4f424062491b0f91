import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeParameterResourceLocator, INodeProperties } from 'n8n-workflow';

import { ZOOM_EVENT_TYPES, type EventKind } from '../helpers/eventKind';
import { assertOccurrenceId, InvalidParameterError, parseMeetingReference, requireString } from '../helpers/validation';

/*
 * Parameters meetings and webinars share: one name, one type, one wording, with the kind filled
 * in. Where Zoom's API differs (type numbers, instant meetings, reminder flags, the default
 * passcode's name) the difference is an argument here, not a second definition.
 */

export const VERSION_1: IDisplayOptions = { show: { '@version': [1] } };
export const VERSION_2: IDisplayOptions = { show: { '@version': [2] } };

export function withDisplay(displayOptions: IDisplayOptions, properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => ({ ...property, displayOptions: { ...property.displayOptions, show: { ...property.displayOptions?.show, ...displayOptions.show } } }));
}

export function typeNumber(kind: EventKind, typeName: string): number {
	return (ZOOM_EVENT_TYPES[kind] as Record<string, number>)[typeName];
}

const TYPE_LABELS: Record<string, { name: string; description: string }> = {
	scheduled: { name: 'Scheduled', description: 'One session at a set time' },
	instant: { name: 'Instant', description: 'Starts now; nobody can register for it' },
	recurringFixedTime: { name: 'Recurring With Fixed Time', description: 'Repeats daily, weekly or monthly at the same time' },
	recurringNoFixedTime: { name: 'Recurring With No Fixed Time', description: 'One link that can be used at any time' },
};

/** Zoom's `type` as a choice of its numbers (the same numbers Zoom's answers carry in `type`). */
export function eventTypeField(kind: EventKind, options: { instant: boolean }): INodeProperties {
	const names = Object.keys(ZOOM_EVENT_TYPES[kind]).filter((typeName) => options.instant || typeName !== 'instant');
	const scheduled = typeNumber(kind, 'scheduled');
	return {
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: names.map((typeName) => ({ ...TYPE_LABELS[typeName], value: typeNumber(kind, typeName) })),
		default: scheduled,
	};
}

export function timeZoneField(description: string, overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Time Zone Name or ID',
		name: 'timezone',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTimeZones' },
		default: '',
		description: `${description}. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
		...overrides,
	};
}

/** `of` is the kind of event, or "meeting or webinar" where both are possible. */
export function occurrenceIdField(of: string, purpose: string, name = 'occurrenceId'): INodeProperties {
	return {
		displayName: 'Occurrence ID',
		name,
		type: 'string',
		default: '',
		placeholder: 'e.g. 1748772000000',
		description: `${purpose} of a recurring ${of}`,
	};
}

/** The occurrence ID a user gave, checked, or undefined when empty. */
export function readOccurrenceId(value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	return assertOccurrenceId(value, 'Occurrence ID');
}

export function occurrenceQuery(occurrenceId: string | undefined): IDataObject {
	return occurrenceId ? { occurrence_id: occurrenceId } : {};
}

export function showPreviousOccurrencesField(kind: EventKind, name = 'showPreviousOccurrences'): INodeProperties {
	return {
		displayName: 'Show Previous Occurrences',
		name,
		type: 'boolean',
		default: false,
		description: `Whether to include occurrences of a recurring ${kind} that have already happened`,
	};
}

export function simplifyField(kind: EventKind): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: `Whether to return only the main fields and the event page details of the ${kind} instead of the raw data with every setting`,
	};
}

export function hostField(kind: EventKind, purpose: string): INodeProperties {
	return {
		displayName: 'Host (User ID or Email)',
		name: 'userId',
		type: 'string',
		default: 'me',
		description: `${purpose}; "me" is the connected user (${kind}s belong to their host)`,
	};
}

export function readHost(value: unknown): string {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : 'me';
}

/** Tracking fields; `entryName` is "field" from version 2 on (version 1 of webinars said "fields"). */
export function trackingFieldsField(entryName = 'field'): INodeProperties {
	return {
		displayName: 'Tracking Fields',
		name: 'tracking_fields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Tracking Field',
		default: {},
		options: [
			{
				displayName: 'Tracking Field',
				name: entryName,
				values: [
					{ displayName: 'Field', name: 'field', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	};
}

export function notifyRegistrantsField(kind: EventKind, name = 'notifyRegistrants'): INodeProperties {
	return {
		displayName: kind === 'webinar' ? 'Notify Panelists and Registrants' : 'Notify Registrants',
		name,
		type: 'boolean',
		default: false,
		description: `Whether Zoom emails the ${kind === 'webinar' ? 'panelists and registrants' : 'registrants'} about the cancellation`,
	};
}

/**
 * The numeric ID of the meeting or webinar chosen in the locator, whichever mode was used. The
 * locator's raw value is parsed here rather than with n8n's extractValue, so a bad URL gets our
 * message naming what is wrong instead of n8n's generic one.
 */
export function eventIdParameter(this: IExecuteFunctions, kind: EventKind, itemIndex: number, parameter = `${kind}Id`): string {
	const locator = this.getNodeParameter(parameter, itemIndex) as INodeParameterResourceLocator | string | number;
	const value = typeof locator === 'object' && locator !== null ? locator.value : locator;
	return parseMeetingReference(value, kind === 'meeting' ? 'Meeting' : 'Webinar').id;
}

export function isVersion1(this: IExecuteFunctions): boolean {
	return this.getNode().typeVersion < 2;
}

/** Zoom's `tracking_fields` from the Tracking Fields collection, whichever entry name it was saved under. */
export function readTrackingFields(value: unknown): IDataObject[] | undefined {
	const collection = (value ?? {}) as IDataObject;
	const entries = (collection.field ?? collection.fields ?? []) as IDataObject[];
	const kept = entries.filter((entry) => (entry.field ?? '') !== '' || (entry.value ?? '') !== '');
	if (kept.length === 0) return undefined;
	return kept.map((entry) => ({ field: requireString(entry.field, 'Tracking Fields'), value: String(entry.value ?? '') }));
}

const PASSCODE = /^[A-Za-z0-9@\-_*]{1,10}$/;

/** Zoom's passcode rule, the same for meetings and webinars. */
export function readPasscode(value: unknown): string | undefined {
	if (value === undefined || value === '') return undefined;
	const passcode = String(value);
	if (!PASSCODE.test(passcode)) {
		throw new InvalidParameterError('Passcode', 'it has characters Zoom does not allow or is too long', 'up to 10 letters, digits or @ - _ *');
	}
	return passcode;
}

/** Start time, duration and time zone of a scheduled meeting or webinar, shown under `show`. */
export function scheduleFields(kind: EventKind, show: IDataObject): INodeProperties[] {
	const displayOptions = { show: show as Record<string, Array<string | number>> };
	return [
		{
			displayName: 'Start Time',
			name: 'startTime',
			type: 'dateTime',
			required: true,
			default: '',
			description: `In the ${kind}'s time zone unless it carries an offset (e.g. 2026-05-01T10:00:00 or 2026-05-01T08:00:00Z)`,
			displayOptions,
		},
		{
			displayName: 'Duration (Minutes)',
			name: 'duration',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 1440 },
			default: 60,
			displayOptions,
		},
		timeZoneField('IANA time zone of the start time and of the invitation', { displayOptions }),
	];
}

/**
 * The Update Fields collection: only what is set is sent. `startTimeName` and `timezone` are
 * version arguments (version 1 of meetings said `start_time`, version 1 of webinars took the time
 * zone as free text); `extra` holds what only one kind can change.
 */
export function updateFieldsCollection(
	kind: EventKind,
	options: { startTimeName: string; timezone: INodeProperties; extra: INodeProperties[] },
): INodeProperties {
	return {
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields set here are sent; everything else stays as it is',
		options: ([
			{ displayName: 'Agenda', name: 'agenda', type: 'string', typeOptions: { rows: 3 }, default: '' },
			{ displayName: 'Duration (Minutes)', name: 'duration', type: 'number', typeOptions: { minValue: 1, maxValue: 1440 }, default: 60 },
			passcodeField(),
			{
				displayName: 'Start Time',
				name: options.startTimeName,
				type: 'dateTime',
				default: '',
				description: `In the ${kind}'s time zone unless it carries an offset`,
			},
			options.timezone,
			{ displayName: 'Topic', name: 'topic', type: 'string', typeOptions: { maxLength: 200 }, default: '' },
			eventTypeField(kind, { instant: false }),
			...options.extra,
		] as INodeProperties[]).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

export function updateRecurrenceField(kind: EventKind): INodeProperties {
	return {
		displayName: 'Update Recurrence',
		name: 'updateRecurrence',
		type: 'boolean',
		default: false,
		description: `Whether to replace the recurrence of a recurring ${kind} with a fixed time`,
	};
}

export function scheduleForField(kind: EventKind): INodeProperties {
	return {
		displayName: 'Schedule For',
		name: 'schedule_for',
		type: 'string',
		placeholder: 'e.g. host@example.com',
		default: '',
		description: `Email of the user to schedule the ${kind} for (needs scheduling privilege)`,
	};
}

export function passcodeField(): INodeProperties {
	return {
		displayName: 'Passcode',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: 'Up to 10 characters: letters, digits and @ - _ *',
	};
}
