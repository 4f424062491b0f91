import { DateTime } from 'luxon';

export interface DateWindow {
	/** yyyy-MM-dd, inclusive. */
	from: string;
	/** yyyy-MM-dd, inclusive. */
	to: string;
}

/**
 * Splits an inclusive range of UTC days into consecutive windows of at most one calendar month,
 * the longest range Zoom's "list recordings" accepts. The windows neither overlap nor leave gaps.
 */
export function monthWindows(from: string, to: string): DateWindow[] {
	const start = DateTime.fromISO(from, { zone: 'utc' }).startOf('day');
	const end = DateTime.fromISO(to, { zone: 'utc' }).startOf('day');
	if (!start.isValid || !end.isValid) throw new RangeError(`"${from}" to "${to}" is not a range of dates`);
	if (end < start) throw new RangeError(`"${to}" is before "${from}"`);

	const windows: DateWindow[] = [];
	let cursor = start;
	while (cursor <= end) {
		const last = DateTime.min(cursor.plus({ months: 1 }).minus({ days: 1 }), end);
		windows.push({ from: cursor.toISODate() as string, to: last.toISODate() as string });
		cursor = last.plus({ days: 1 });
	}
	return windows;
}
