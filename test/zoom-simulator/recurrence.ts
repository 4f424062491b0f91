import { zoomTime } from './clock';
import { invalidField } from './errors';
import type { Occurrence, Recurrence } from './state/types';
import { parseStartTime, wallClock, zoneOffset } from './timezones';

const DAY = 86_400_000;
const MAX_OCCURRENCES = 60;
const MAX_INTERVAL: Record<number, number> = { 1: 99, 2: 50, 3: 10 };

export function checkRecurrence(recurrence: Recurrence): void {
	const interval = recurrence.repeat_interval ?? 1;
	if (interval < 1 || interval > MAX_INTERVAL[recurrence.type]) throw invalidField('recurrence.repeat_interval');
	if (recurrence.end_times !== undefined && recurrence.end_date_time !== undefined) {
		throw invalidField('recurrence.end_date_time', 'Cannot be used with end_times.');
	}
	if (recurrence.end_times !== undefined && (recurrence.end_times < 1 || recurrence.end_times > MAX_OCCURRENCES)) {
		throw invalidField('recurrence.end_times');
	}
	if (recurrence.type === 2 && !recurrence.weekly_days) throw invalidField('recurrence.weekly_days');
	if (
		recurrence.type === 3 &&
		recurrence.monthly_day === undefined &&
		(recurrence.monthly_week === undefined || recurrence.monthly_week_day === undefined)
	) {
		throw invalidField('recurrence.monthly_day');
	}
}

/** Moves an instant by whole wall-clock days in a zone, keeping its local time of day. */
function addLocalDays(utcMs: number, days: number, timeZone: string): number {
	const wall = utcMs + zoneOffset(utcMs, timeZone) + days * DAY;
	const guess = wall - zoneOffset(wall, timeZone);
	return wall - zoneOffset(guess, timeZone);
}

function nthWeekdayOfMonth(year: number, month: number, week: number, weekday: number): number | undefined {
	const daysInMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
	const matching: number[] = [];
	for (let day = 1; day <= daysInMonth; day++) {
		if (new Date(Date.UTC(year, month, day)).getUTCDay() + 1 === weekday) matching.push(day);
	}
	return week === -1 ? matching[matching.length - 1] : matching[week - 1];
}

/** The occurrences of a recurring meeting or webinar with a fixed time (types 8 and 9). */
export function expandOccurrences(recurrence: Recurrence, startMs: number, duration: number, timeZone: string): Occurrence[] {
	const interval = recurrence.repeat_interval ?? 1;
	const limit = recurrence.end_date_time ? MAX_OCCURRENCES : (recurrence.end_times ?? 1);
	const endMs = recurrence.end_date_time ? parseStartTime(recurrence.end_date_time, timeZone, 'recurrence.end_date_time') : Infinity;
	const starts: number[] = [];
	const push = (ms: number) => {
		if (ms >= startMs && ms <= endMs + DAY - 1 && starts.length < limit) starts.push(ms);
	};
	const start = wallClock(startMs, timeZone);
	for (let step = 0; starts.length < limit && step < 400; step++) {
		if (recurrence.type === 1) {
			const at = addLocalDays(startMs, step * interval, timeZone);
			if (at > endMs + DAY) break;
			push(at);
		} else if (recurrence.type === 2) {
			const weekStart = addLocalDays(startMs, step * 7 * interval - (start.weekday - 1), timeZone);
			if (weekStart > endMs + DAY) break;
			const days = String(recurrence.weekly_days ?? '1')
				.split(',')
				.map(Number)
				.sort((a, b) => a - b);
			for (const weekday of days) push(addLocalDays(weekStart, weekday - 1, timeZone));
		} else {
			const monthIndex = start.month + step * interval;
			const year = start.year + Math.floor(monthIndex / 12);
			const month = monthIndex % 12;
			const day =
				recurrence.monthly_day !== undefined
					? recurrence.monthly_day
					: nthWeekdayOfMonth(year, month, recurrence.monthly_week!, recurrence.monthly_week_day!);
			if (day === undefined || day > new Date(Date.UTC(year, month + 1, 0)).getUTCDate()) continue;
			const dayShift = Math.round((Date.UTC(year, month, day) - Date.UTC(start.year, start.month, start.day)) / DAY);
			const at = addLocalDays(startMs, dayShift, timeZone);
			if (at > endMs + DAY) break;
			push(at);
		}
	}
	return starts.map((ms) => ({ occurrence_id: String(ms), start_time: zoomTime(ms), duration, status: 'available' }));
}
