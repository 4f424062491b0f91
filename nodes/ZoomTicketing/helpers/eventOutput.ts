import type { IDataObject } from 'n8n-workflow';

import type { EventKind } from './eventKind';

interface DialInNumber {
	country?: string;
	country_name?: string;
	city?: string;
	number?: string;
	type?: string;
}

/**
 * The host's start URL, apart from what attendees may see. The one place that decides whether
 * an output carries it.
 */
function hostOnly(startUrl: unknown, kind: EventKind): IDataObject | undefined {
	if (!startUrl) return undefined;
	return {
		startUrl,
		warning: `Starts the ${kind} as its host. Never show it to attendees or put it on an event page.`,
	};
}

/** What an event page shows: join link, passcodes, dial-in numbers, registration link, occurrences. */
function eventPage(event: IDataObject): IDataObject {
	const settings = (event.settings ?? {}) as IDataObject;
	const dialIn = ((settings.global_dial_in_numbers ?? []) as DialInNumber[]).map((entry) => ({
		country: entry.country_name ?? entry.country,
		city: entry.city,
		number: entry.number,
		type: entry.type,
	}));
	const page: IDataObject = {
		id: event.id,
		topic: event.topic,
		startTime: event.start_time,
		duration: event.duration,
		timezone: event.timezone,
		joinUrl: event.join_url,
		passcode: event.password,
		dialIn,
	};
	if (event.registration_url) page.registrationUrl = event.registration_url;
	if (event.pstn_password) page.dialInPasscode = event.pstn_password;
	// Zoom calls it h323_password on meetings and h323_passcode on webinars.
	const h323 = event.h323_password ?? event.h323_passcode;
	if (h323) page.h323Passcode = h323;
	if (Array.isArray(event.occurrences)) {
		page.occurrences = (event.occurrences as IDataObject[]).map((occurrence) => ({
			occurrenceId: occurrence.occurrence_id,
			startTime: occurrence.start_time,
			duration: occurrence.duration,
			status: occurrence.status,
		}));
	}
	return page;
}

/** Zoom's meeting or webinar object as Zoom names it, plus `eventPage` and the start URL under `hostOnly`. */
export function eventOutput(kind: EventKind, event: IDataObject): IDataObject {
	const { start_url: startUrl, ...rest } = event;
	const output: IDataObject = { ...rest, eventPage: eventPage(event) };
	const host = hostOnly(startUrl, kind);
	if (host) output.hostOnly = host;
	return output;
}

const SIMPLE_FIELDS = ['id', 'uuid', 'topic', 'type', 'status', 'start_time', 'duration', 'timezone', 'agenda', 'host_email', 'created_at'];

/** The fields an event workflow uses, without Zoom's full settings object. */
export function simplifiedEventOutput(kind: EventKind, event: IDataObject): IDataObject {
	const full = eventOutput(kind, event);
	const simple: IDataObject = {};
	for (const key of SIMPLE_FIELDS) if (full[key] !== undefined) simple[key] = full[key];
	simple.eventPage = full.eventPage;
	if (full.hostOnly) simple.hostOnly = full.hostOnly;
	return simple;
}

/**
 * Version 1 of the webinar output, kept for saved workflows: the event-page fields flat beside
 * Zoom's fields, dial-in numbers as Zoom sends them.
 */
export function webinarOutputV1(webinar: IDataObject): IDataObject {
	const settings = (webinar.settings ?? {}) as IDataObject;
	const { start_url: startUrl, ...rest } = webinar;
	const host = hostOnly(startUrl, 'webinar');
	return {
		...rest,
		joinUrl: webinar.join_url ?? null,
		passcode: webinar.password ?? null,
		registrationUrl: webinar.registration_url ?? null,
		dialInNumbers: settings.global_dial_in_numbers ?? [],
		...(host ? { hostOnly: { startUrl: host.startUrl } } : {}),
	};
}

export function deletedOutput(kind: EventKind, id: string, occurrenceId?: string): IDataObject {
	return { deleted: true, [`${kind}Id`]: id, ...(occurrenceId ? { occurrenceId } : {}) };
}

export function endedOutput(kind: EventKind, id: string): IDataObject {
	return { ended: true, [`${kind}Id`]: id };
}
