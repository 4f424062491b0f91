import { DateTime, IANAZone } from 'luxon';

/**
 * A value a user typed that Zoom would refuse. Thrown by the pure checks below; the router turns
 * it into a NodeOperationError that names the parameter, the item and what is allowed.
 */
export class InvalidParameterError extends Error {
	constructor(
		readonly parameter: string,
		readonly problem: string,
		readonly allowed: string,
	) {
		super(`Invalid value for "${parameter}": ${problem}`);
		this.name = 'InvalidParameterError';
	}
}

function show(value: unknown): string {
	if (typeof value === 'string') return `"${value.length > 80 ? `${value.slice(0, 77)}...` : value}"`;
	return JSON.stringify(value) ?? String(value);
}

export function requireString(value: unknown, parameter: string, options: { maxLength?: number } = {}): string {
	if (typeof value !== 'string' || value.trim() === '') {
		throw new InvalidParameterError(parameter, 'a value is required', 'a non-empty text');
	}
	const text = value.trim();
	if (options.maxLength !== undefined && text.length > options.maxLength) {
		throw new InvalidParameterError(
			parameter,
			`${text.length} characters is too long`,
			`at most ${options.maxLength} characters`,
		);
	}
	return text;
}

export function optionalString(value: unknown, parameter: string, options: { maxLength?: number } = {}): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value !== 'string') {
		throw new InvalidParameterError(parameter, `${show(value)} is not text`, 'text');
	}
	return requireString(value, parameter, options);
}

export function assertInteger(
	value: unknown,
	parameter: string,
	range: { min?: number; max?: number } = {},
): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	const { min, max } = range;
	const allowed =
		min !== undefined && max !== undefined
			? `a whole number from ${min} to ${max}`
			: min !== undefined
				? `a whole number of at least ${min}`
				: max !== undefined
					? `a whole number of at most ${max}`
					: 'a whole number';
	if (typeof number !== 'number' || !Number.isInteger(number)) {
		throw new InvalidParameterError(parameter, `${show(value)} is not a whole number`, allowed);
	}
	if ((min !== undefined && number < min) || (max !== undefined && number > max)) {
		throw new InvalidParameterError(parameter, `${number} is out of range`, allowed);
	}
	return number;
}

export function assertEnum<T extends string | number>(value: unknown, parameter: string, allowed: readonly T[]): T {
	if (!allowed.includes(value as T)) {
		throw new InvalidParameterError(parameter, `${show(value)} is not one of the allowed values`, `one of ${allowed.map((entry) => show(entry)).join(', ')}`);
	}
	return value as T;
}

// Deliberately simple: Zoom's own check is "looks like an address"; anything stricter
// would refuse addresses Zoom accepts.
const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]{2,}$/;

export function isEmail(value: string): boolean {
	return value.length <= 254 && EMAIL.test(value);
}

export function assertEmail(value: unknown, parameter: string): string {
	const text = typeof value === 'string' ? value.trim() : value;
	if (typeof text !== 'string' || !isEmail(text)) {
		throw new InvalidParameterError(parameter, `${show(value)} is not an email address`, 'an email address such as name@example.com');
	}
	return text;
}

/** A comma- or semicolon-separated list of email addresses, as Zoom's `alternative_hosts` takes. */
export function assertEmailList(value: unknown, parameter: string): string {
	const text = requireString(value, parameter);
	const entries = text
		.split(/[,;]/)
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
	for (const entry of entries) {
		if (!isEmail(entry)) {
			throw new InvalidParameterError(parameter, `${show(entry)} is not an email address`, 'email addresses separated by commas');
		}
	}
	return entries.join(';');
}

export function assertTimeZone(value: unknown, parameter: string): string {
	if (typeof value !== 'string' || !IANAZone.isValidZone(value.trim())) {
		throw new InvalidParameterError(parameter, `${show(value)} is not an IANA time zone`, 'an IANA time zone name such as Europe/Berlin or America/New_York');
	}
	return value.trim();
}

export function hasUtcOffset(value: unknown): boolean {
	return typeof value === 'string' && /(Z|[+-]\d{2}:?\d{2})$/i.test(value.trim());
}

/**
 * An ISO 8601 date-time as Zoom's OpenAPI wants it (RFC 3339, always sent in UTC:
 * `yyyy-MM-ddTHH:mm:ssZ`). A value without an offset is read in `zone`, which is what a user
 * typing "10:00" for a meeting in Berlin means.
 */
export function assertStartTime(value: unknown, parameter: string, zone = 'UTC'): string {
	const allowed = 'an ISO 8601 date and time such as 2026-05-01T10:00:00 or 2026-05-01T08:00:00Z';
	const text = typeof value === 'string' ? value.trim() : value instanceof Date ? value.toISOString() : undefined;
	if (text === undefined || text === '') {
		throw new InvalidParameterError(parameter, 'a date and time is required', allowed);
	}
	if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) {
		throw new InvalidParameterError(parameter, `${show(text)} is not an ISO 8601 date and time`, allowed);
	}
	const parsed = hasUtcOffset(text) ? DateTime.fromISO(text, { setZone: true }) : DateTime.fromISO(text, { zone });
	if (!parsed.isValid) {
		throw new InvalidParameterError(parameter, `${show(text)} is not a valid date and time (${parsed.invalidExplanation ?? parsed.invalidReason})`, allowed);
	}
	return parsed.toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");
}

export interface ParsedMeetingReference {
	id: string;
	passcode?: string;
	host?: string;
}

const MEETING_ID = /^\d{9,12}$/;
const ZOOM_HOST = /^(?:[a-z0-9-]+\.)*(?:zoom\.us|zoom\.com|zoomgov\.com)$/i;
const JOIN_PATH = /^\/(?:j|w|s|wc(?:\/join)?|webinar\/register|meeting\/register)\/(\d{9,12})(?:\/[a-z]*)?\/?$/i;
const WEB_CLIENT_PATH = /^\/wc\/(\d{9,12})\/(?:join|start)\/?$/i;

/**
 * A meeting or webinar ID typed by a user: digits (spaces and dashes allowed, as Zoom prints
 * them) or a join URL from zoom.us, a vanity subdomain (acme.zoom.us) or Zoom for Government.
 */
export function parseMeetingReference(value: unknown, parameter: string): ParsedMeetingReference {
	const allowed =
		'a numeric meeting ID (e.g. 857 4606 5432) or a join URL such as https://zoom.us/j/85746065432?pwd=..., https://acme.zoom.us/j/... or https://zoomgov.com/j/...';
	if (typeof value === 'number' && Number.isSafeInteger(value)) value = String(value);
	if (typeof value !== 'string' || value.trim() === '') {
		throw new InvalidParameterError(parameter, 'a meeting ID or URL is required', allowed);
	}
	const text = value.trim();
	const digits = text.replace(/[\s-]/g, '');
	if (MEETING_ID.test(digits)) return { id: digits };
	if (/^\d+$/.test(digits)) {
		throw new InvalidParameterError(parameter, `${show(text)} has ${digits.length} digits; meeting IDs have 9 to 12`, allowed);
	}

	const candidate = /^[a-z]+:\/\//i.test(text) ? text : `https://${text}`;
	if (!URL.canParse(candidate)) {
		throw new InvalidParameterError(parameter, `${show(text)} is neither a meeting ID nor a URL`, allowed);
	}
	const url = new URL(candidate);
	if (!ZOOM_HOST.test(url.hostname)) {
		throw new InvalidParameterError(parameter, `${show(url.hostname)} is not a Zoom domain`, allowed);
	}
	const match = JOIN_PATH.exec(url.pathname) ?? WEB_CLIENT_PATH.exec(url.pathname);
	if (!match) {
		throw new InvalidParameterError(parameter, `no meeting ID found in ${show(text)}`, allowed);
	}
	const passcode = url.searchParams.get('pwd') ?? undefined;
	return { id: match[1], host: url.hostname.toLowerCase(), ...(passcode ? { passcode } : {}) };
}

/** Occurrence IDs are the occurrence's start as epoch milliseconds. */
export function assertOccurrenceId(value: unknown, parameter: string): string {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (!/^\d{10,16}$/.test(text)) {
		throw new InvalidParameterError(parameter, `${show(value)} is not an occurrence ID`, 'an occurrence ID as Zoom returns it in "occurrences" (e.g. 1748772000000)');
	}
	return text;
}

/** Drops undefined, empty strings and empty objects, so that a PATCH carries only what was set. */
export function compact<T extends Record<string, unknown>>(value: T): Partial<T> {
	const result: Record<string, unknown> = {};
	for (const [key, entry] of Object.entries(value)) {
		if (entry === undefined || entry === '' || entry === null) continue;
		if (typeof entry === 'object' && !Array.isArray(entry)) {
			const nested = compact(entry as Record<string, unknown>);
			if (Object.keys(nested).length === 0) continue;
			result[key] = nested;
			continue;
		}
		result[key] = entry;
	}
	return result as Partial<T>;
}
