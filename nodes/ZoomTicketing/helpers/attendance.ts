/**
 * Attendance maths for Zoom participant reports: pure functions, no n8n context.
 *
 * Zoom's report API returns one row per join session. A person who rejoins, or whose client
 * reconnects, or who moves into a breakout room, appears on several rows whose times may overlap.
 * These helpers merge such rows into stretches of presence and summarise them per person.
 */

export interface Interval {
	/** Epoch milliseconds. */
	start: number;
	/** Epoch milliseconds, never before `start`. */
	end: number;
}

/** One join session as read from a participant report row. */
export interface AttendanceSession {
	registrantId?: string;
	email?: string;
	name?: string;
	/** The Zoom account's user id of a signed-in participant; stable across rejoins. */
	zoomUserId?: string;
	joinTime: string;
	/** Missing while a participant is still in the meeting. */
	leaveTime?: string;
	/** A waiting-room row: the person was there but not admitted. */
	waitingRoom?: boolean;
}

/** The subset of a row of `GET /report/{meetings|webinars}/{id}/participants` used here. */
export interface ZoomParticipantRow {
	registrant_id?: string;
	user_email?: string;
	name?: string;
	participant_user_id?: string;
	id?: string;
	join_time?: string;
	leave_time?: string;
	status?: string;
}

export interface Registrant {
	id?: string;
	email?: string;
	firstName?: string;
	lastName?: string;
}

export type AttendanceThreshold = { unit: 'minutes'; value: number } | { unit: 'percent'; value: number };

/** What the sessions are collected against. */
export interface SpanOptions {
	/** Start of the occurrence; sessions are clipped to [start, end] when both are given. */
	meetingStart?: string;
	meetingEnd?: string;
}

/** How the collected sessions are judged; only needed once all sessions are in. */
export interface JudgementOptions {
	/** Scheduled duration, for the share of the scheduled time each person attended. */
	scheduledMinutes?: number;
	/** Without a threshold, anyone with time in the meeting counts as attended. */
	threshold?: AttendanceThreshold;
	/** Registrants to report as absent when nobody matching them joined. */
	registrants?: Registrant[];
	/** E-mail addresses of the host (and alternative hosts): marked as host, not as guests. */
	hostEmails?: string[];
}

export type SummaryOptions = SpanOptions & JudgementOptions;

export type PersonKeyType = 'registrant' | 'email' | 'user' | 'name';

export interface PersonAttendance {
	key: string;
	keyType: PersonKeyType;
	registrantId: string | null;
	email: string | null;
	name: string;
	zoomUserId: string | null;
	/** Joined with the e-mail address of a host. */
	host: boolean;
	/** Joined without a registration (no registrant id) and is not a host. */
	guest: boolean;
	/** Registered but never joined. */
	absent: boolean;
	attended: boolean;
	/** Join sessions as Zoom reported them (waiting-room rows excluded). */
	sessions: number;
	/** Times the person came back after having left (merged stretches minus one). */
	rejoins: number;
	/** Merged stretches of presence. */
	intervals: Array<{ joinTime: string; leaveTime: string }>;
	totalSeconds: number;
	totalMinutes: number;
	firstJoin: string | null;
	lastLeave: string | null;
	/** Percentage of the scheduled duration, null when it is not known. */
	shareOfScheduled: number | null;
}

/** Sorts and merges intervals; overlapping and back-to-back intervals become one. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
	const sorted = intervals.filter((interval) => interval.end >= interval.start).sort((a, b) => a.start - b.start || a.end - b.end);
	const merged: Interval[] = [];
	for (const interval of sorted) {
		const last = merged[merged.length - 1];
		if (last && interval.start <= last.end) {
			last.end = Math.max(last.end, interval.end);
		} else {
			merged.push({ start: interval.start, end: interval.end });
		}
	}
	return merged;
}

/** Total length of intervals in milliseconds, counting overlaps once. */
export function coveredMilliseconds(intervals: readonly Interval[]): number {
	return mergeIntervals(intervals).reduce((total, interval) => total + interval.end - interval.start, 0);
}

/** Restricts intervals to [start, end]; intervals entirely outside disappear. */
export function clipIntervals(intervals: readonly Interval[], start: number, end: number): Interval[] {
	const clipped: Interval[] = [];
	for (const interval of intervals) {
		const from = Math.max(interval.start, start);
		const to = Math.min(interval.end, end);
		if (to > from) clipped.push({ start: from, end: to });
	}
	return clipped;
}

function clean(value: string | undefined): string | undefined {
	const trimmed = value?.trim();
	return trimmed ? trimmed : undefined;
}

export function sessionFromReportRow(row: ZoomParticipantRow): AttendanceSession | undefined {
	if (!row.join_time) return undefined;
	return {
		registrantId: clean(row.registrant_id),
		email: clean(row.user_email),
		name: clean(row.name),
		zoomUserId: clean(row.participant_user_id) ?? clean(row.id),
		joinTime: row.join_time,
		leaveTime: clean(row.leave_time),
		waitingRoom: row.status === 'in_waiting_room',
	};
}

/**
 * Identifies a person: registrant id, else e-mail (case-insensitive), else Zoom user id plus
 * display name, else the display name alone. Zoom's per-session `user_id` is deliberately not
 * used: it changes on every rejoin.
 */
export function personKey(session: Pick<AttendanceSession, 'registrantId' | 'email' | 'zoomUserId' | 'name'>): {
	key: string;
	keyType: PersonKeyType;
} {
	if (session.registrantId) return { key: `registrant:${session.registrantId}`, keyType: 'registrant' };
	if (session.email) return { key: `email:${session.email.toLowerCase()}`, keyType: 'email' };
	const name = (session.name ?? '').toLowerCase();
	if (session.zoomUserId) return { key: `user:${session.zoomUserId}:${name}`, keyType: 'user' };
	return { key: `name:${name}`, keyType: 'name' };
}

function parseTime(value: string | undefined, field: string): number | undefined {
	if (value === undefined) return undefined;
	const time = Date.parse(value);
	if (Number.isNaN(time)) throw new RangeError(`${field} "${value}" is not a date-time`);
	return time;
}

/** ISO 8601 in UTC, in Zoom's style (no milliseconds unless there are some). */
export function toZoomTime(epochMs: number): string {
	return new Date(epochMs).toISOString().replace('.000Z', 'Z');
}

function round2(value: number): number {
	return Math.round(value * 100) / 100;
}

type IdentityField = 'registrantId' | 'email' | 'name' | 'zoomUserId';

const IDENTITY_FIELDS: IdentityField[] = ['registrantId', 'email', 'name', 'zoomUserId'];

/** A value seen on a row, and the join time of that row. */
interface Seen {
	value: string;
	at: number;
}

interface PersonAccumulator {
	key: string;
	keyType: PersonKeyType;
	identity: Partial<Record<IdentityField, Seen>>;
	sessions: number;
	intervals: Interval[];
}

/** Keeps the value from the earliest row (ties: the smallest value), so row order never matters. */
function remember(person: PersonAccumulator, field: IdentityField, value: string | undefined, at: number): void {
	if (value === undefined) return;
	const current = person.identity[field];
	if (!current || at < current.at || (at === current.at && value < current.value)) {
		person.identity[field] = { value, at };
	}
}

/**
 * Collects sessions one at a time (a report page at a time) and produces one summary per person.
 * Only the per-person intervals are kept, never the raw rows. Collecting needs only the span;
 * the rules for the summary (threshold, scheduled duration, registrants) come at the end, so the
 * rows can be read while those are still being looked up.
 */
export class AttendanceAccumulator {
	private readonly people = new Map<string, PersonAccumulator>();

	private readonly span?: Interval;

	// Attendees share join and leave times (the start, the end, whole minutes), so a summary of
	// thousands of people formats only a few distinct instants.
	private readonly times = new Map<number, string>();

	constructor(options: SpanOptions = {}) {
		const start = parseTime(options.meetingStart, 'Meeting start');
		const end = parseTime(options.meetingEnd, 'Meeting end');
		if (start !== undefined && end !== undefined) {
			if (end < start) throw new RangeError('Meeting end is before meeting start');
			this.span = { start, end };
		}
	}

	add(session: AttendanceSession): void {
		const { key, keyType } = personKey(session);
		let person = this.people.get(key);
		if (!person) {
			person = { key, keyType, identity: {}, sessions: 0, intervals: [] };
			this.people.set(key, person);
		}
		const start = parseTime(session.joinTime, 'Join time') as number;
		for (const field of IDENTITY_FIELDS) remember(person, field, session[field], start);
		if (session.waitingRoom) return;

		const leave = parseTime(session.leaveTime, 'Leave time') ?? this.span?.end ?? start;
		person.sessions++;
		if (leave > start) person.intervals.push({ start, end: leave });
	}

	addAll(sessions: Iterable<AttendanceSession>): this {
		for (const session of sessions) this.add(session);
		return this;
	}

	summarize(options: JudgementOptions = {}): PersonAttendance[] {
		if (options.threshold?.unit === 'percent' && !(options.scheduledMinutes && options.scheduledMinutes > 0)) {
			throw new RangeError('A percentage threshold needs the scheduled duration of the meeting');
		}
		const hostEmails = new Set((options.hostEmails ?? []).map((email) => email.trim().toLowerCase()).filter(Boolean));
		const summaries = [...this.people.values()].map((person) => this.summarizePerson(person, options, hostEmails));
		if (options.registrants) summaries.push(...this.absentees(options.registrants, summaries, options));
		return summaries;
	}

	private summarizePerson(person: PersonAccumulator, options: JudgementOptions, hostEmails: Set<string>): PersonAttendance {
		const intervals = mergeIntervals(this.span ? clipIntervals(person.intervals, this.span.start, this.span.end) : person.intervals);
		const totalMs = intervals.reduce((total, interval) => total + interval.end - interval.start, 0);
		const totalSeconds = Math.round(totalMs / 1000);
		const { registrantId, email, name, zoomUserId } = person.identity;
		const host = !registrantId && email !== undefined && hostEmails.has(email.value.toLowerCase());
		return {
			key: person.key,
			keyType: person.keyType,
			registrantId: registrantId?.value ?? null,
			email: email?.value ?? null,
			name: name?.value ?? '',
			zoomUserId: zoomUserId?.value ?? null,
			host,
			guest: !registrantId && !host,
			absent: false,
			attended: isAttended(totalSeconds, options),
			sessions: person.sessions,
			rejoins: Math.max(0, intervals.length - 1),
			intervals: intervals.map((interval) => ({ joinTime: this.format(interval.start), leaveTime: this.format(interval.end) })),
			totalSeconds,
			totalMinutes: round2(totalSeconds / 60),
			firstJoin: intervals.length > 0 ? this.format(intervals[0].start) : null,
			lastLeave: intervals.length > 0 ? this.format(intervals[intervals.length - 1].end) : null,
			shareOfScheduled: share(totalSeconds, options.scheduledMinutes),
		};
	}

	private format(epochMs: number): string {
		let text = this.times.get(epochMs);
		if (text === undefined) {
			text = toZoomTime(epochMs);
			this.times.set(epochMs, text);
		}
		return text;
	}

	private absentees(registrants: Registrant[], present: PersonAttendance[], options: JudgementOptions): PersonAttendance[] {
		const presentIds = new Set(present.map((person) => person.registrantId).filter(Boolean));
		const presentEmails = new Set(present.map((person) => person.email?.toLowerCase()).filter(Boolean));
		const seen = new Set<string>();
		const absent: PersonAttendance[] = [];
		for (const registrant of registrants) {
			const id = clean(registrant.id);
			const email = clean(registrant.email);
			if (id && presentIds.has(id)) continue;
			if (email && presentEmails.has(email.toLowerCase())) continue;
			const { key, keyType } = personKey({ registrantId: id, email });
			if (seen.has(key)) continue;
			seen.add(key);
			absent.push({
				key,
				keyType,
				registrantId: id ?? null,
				email: email ?? null,
				name: [registrant.firstName, registrant.lastName].filter(Boolean).join(' '),
				zoomUserId: null,
				host: false,
				guest: false,
				absent: true,
				attended: false,
				sessions: 0,
				rejoins: 0,
				intervals: [],
				totalSeconds: 0,
				totalMinutes: 0,
				firstJoin: null,
				lastLeave: null,
				shareOfScheduled: share(0, options.scheduledMinutes),
			});
		}
		return absent;
	}
}

/** Percentage of the scheduled duration, null when that is not known. */
function share(totalSeconds: number, scheduledMinutes: number | undefined): number | null {
	if (!scheduledMinutes || scheduledMinutes <= 0) return null;
	return round2((totalSeconds / (scheduledMinutes * 60)) * 100);
}

function isAttended(totalSeconds: number, options: JudgementOptions): boolean {
	const threshold = options.threshold;
	if (!threshold) return totalSeconds > 0;
	if (threshold.unit === 'minutes') return totalSeconds > 0 && totalSeconds >= threshold.value * 60;
	const scheduledSeconds = (options.scheduledMinutes as number) * 60;
	return totalSeconds > 0 && totalSeconds * 100 >= threshold.value * scheduledSeconds;
}

export function summarizeAttendance(sessions: Iterable<AttendanceSession>, options: SummaryOptions = {}): PersonAttendance[] {
	return new AttendanceAccumulator(options).addAll(sessions).summarize(options);
}
