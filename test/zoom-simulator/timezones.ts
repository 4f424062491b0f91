import { invalidField } from './errors';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
	let format = formatters.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		formatters.set(timeZone, format);
	}
	return format;
}

export function isTimeZone(name: string): boolean {
	try {
		formatter(name);
		return true;
	} catch {
		return false;
	}
}

/** Milliseconds the zone is ahead of UTC at the instant `utcMs`. */
export function zoneOffset(utcMs: number, timeZone: string): number {
	const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(utcMs)).map((p) => [p.type, p.value]));
	const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
	return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/**
 * Zoom's `start_time`: `yyyy-MM-ddTHH:mm:ssZ` is UTC; without the `Z` it is a wall-clock time
 * in the meeting's `timezone`.
 */
export function parseStartTime(value: string, timeZone: string | undefined, field = 'start_time'): number {
	const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(value);
	if (!match) throw invalidField(field);
	const [, y, mo, d, h, mi, s, zone] = match;
	const wall = Date.UTC(+y, +mo - 1, +d, +h, +mi, +(s ?? 0));
	if (Number.isNaN(wall)) throw invalidField(field);
	if (zone === 'Z') return wall;
	if (zone) {
		const sign = zone.startsWith('-') ? -1 : 1;
		const digits = zone.slice(1).replace(':', '');
		return wall - sign * (+digits.slice(0, 2) * 60 + +digits.slice(2)) * 60_000;
	}
	const tz = timeZone && isTimeZone(timeZone) ? timeZone : 'UTC';
	const first = wall - zoneOffset(wall, tz);
	return wall - zoneOffset(first, tz);
}

/** The wall-clock fields of an instant in a time zone. */
export function wallClock(utcMs: number, timeZone: string): { year: number; month: number; day: number; weekday: number } {
	const shifted = new Date(utcMs + zoneOffset(utcMs, timeZone));
	return {
		year: shifted.getUTCFullYear(),
		month: shifted.getUTCMonth(),
		day: shifted.getUTCDate(),
		weekday: shifted.getUTCDay() + 1,
	};
}
