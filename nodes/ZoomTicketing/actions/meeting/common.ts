import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';

import { assertOccurrenceId, parseMeetingReference } from '../../helpers/validation';

/** The meeting ID from the locator, whichever mode the user chose; a bad value fails before any call. */
export function meetingIdParameter(this: IExecuteFunctions, itemIndex: number, name = 'meetingId', label = 'Meeting'): string {
	const locator = this.getNodeParameter(name, itemIndex) as INodeParameterResourceLocator | string | number;
	const value = typeof locator === 'object' && locator !== null ? locator.value : locator;
	return parseMeetingReference(value, label).id;
}

export function occurrenceIdOption(options: IDataObject, label = 'Occurrence ID'): string | undefined {
	const value = options.occurrenceId;
	if (value === undefined || value === '') return undefined;
	return assertOccurrenceId(value, label);
}

interface DialInNumber {
	country?: string;
	country_name?: string;
	city?: string;
	number?: string;
	type?: string;
}

/**
 * Zoom's meeting object, shaped for an event page: what attendees may see under `eventPage`,
 * and the start URL (which starts the meeting as its host) set apart under `hostOnly`.
 */
export function meetingOutput(meeting: IDataObject): IDataObject {
	const { start_url: startUrl, ...rest } = meeting;
	const settings = (meeting.settings ?? {}) as IDataObject;
	const dialIn = ((settings.global_dial_in_numbers ?? []) as DialInNumber[]).map((entry) => ({
		country: entry.country_name ?? entry.country,
		city: entry.city,
		number: entry.number,
		type: entry.type,
	}));
	const eventPage: IDataObject = {
		id: meeting.id,
		topic: meeting.topic,
		startTime: meeting.start_time,
		duration: meeting.duration,
		timezone: meeting.timezone,
		joinUrl: meeting.join_url,
		passcode: meeting.password,
		dialIn,
	};
	if (meeting.registration_url) eventPage.registrationUrl = meeting.registration_url;
	if (meeting.pstn_password) eventPage.dialInPasscode = meeting.pstn_password;
	if (meeting.h323_password) eventPage.h323Passcode = meeting.h323_password;
	if (Array.isArray(meeting.occurrences)) {
		eventPage.occurrences = (meeting.occurrences as IDataObject[]).map((occurrence) => ({
			occurrenceId: occurrence.occurrence_id,
			startTime: occurrence.start_time,
			duration: occurrence.duration,
			status: occurrence.status,
		}));
	}
	const output: IDataObject = { ...rest, eventPage };
	if (startUrl) {
		output.hostOnly = {
			startUrl,
			warning: 'Starts the meeting as its host. Never show it to attendees or put it on an event page.',
		};
	}
	return output;
}

const SIMPLE_FIELDS = ['id', 'uuid', 'topic', 'type', 'status', 'start_time', 'duration', 'timezone', 'agenda', 'host_email', 'created_at'];

/** The fields an event workflow uses, without Zoom's full settings object. */
export function simplifiedMeetingOutput(meeting: IDataObject): IDataObject {
	const full = meetingOutput(meeting);
	const simple: IDataObject = {};
	for (const key of SIMPLE_FIELDS) if (full[key] !== undefined) simple[key] = full[key];
	simple.eventPage = full.eventPage;
	if (full.hostOnly) simple.hostOnly = full.hostOnly;
	return simple;
}

export const simplifyProperty = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean' as const,
	default: true,
	description: 'Whether to return only the main fields and the event page details instead of the raw data with every setting',
};
