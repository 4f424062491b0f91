import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import fc from 'fast-check';

import {
	coveredMilliseconds,
	mergeIntervals,
	summarizeAttendance,
	toZoomTime,
	type AttendanceSession,
	type Interval,
} from '../../../nodes/ZoomTicketing/helpers/attendance';

const MEETING_START = Date.UTC(2026, 2, 1, 9, 0, 0);
const MEETING_SECONDS = 4 * 3600;

const intervalArb: fc.Arbitrary<Interval> = fc
	.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 2_000 }))
	.map(([start, length]) => ({ start, end: start + length }));

/** A join session inside or around a 4-hour meeting, for one of a few people. */
const sessionArb: fc.Arbitrary<AttendanceSession> = fc
	.record({
		person: fc.integer({ min: 0, max: 5 }),
		from: fc.integer({ min: -600, max: MEETING_SECONDS }),
		length: fc.integer({ min: 0, max: 3 * 3600 }),
		renamed: fc.boolean(),
	})
	.map(({ person, from, length, renamed }) => ({
		registrantId: person < 3 ? `r${person}` : undefined,
		email: person === 3 ? (renamed ? 'Guest@Example.com' : 'guest@example.com') : undefined,
		// A guest known by e-mail may change their display name between sessions.
		name: person === 3 && renamed ? 'Guest (phone)' : `Person ${person}`,
		joinTime: toZoomTime(MEETING_START + from * 1000),
		leaveTime: toZoomTime(MEETING_START + (from + length) * 1000),
	}));

function normalize(people: ReturnType<typeof summarizeAttendance>) {
	return [...people].sort((a, b) => a.key.localeCompare(b.key));
}

describe('attendance properties', () => {
	it('merged intervals are sorted, disjoint with gaps, and cover exactly the input', () => {
		fc.assert(
			fc.property(fc.array(intervalArb, { maxLength: 40 }), (intervals) => {
				const merged = mergeIntervals(intervals);
				for (let i = 1; i < merged.length; i++) assert.ok(merged[i].start > merged[i - 1].end);
				for (const interval of intervals) {
					assert.ok(merged.some((m) => m.start <= interval.start && interval.end <= m.end));
				}
				const point = (t: number) => intervals.some((i) => i.start <= t && t < i.end);
				for (const m of merged) {
					if (m.end > m.start) assert.ok(point(m.start) && point(m.end - 1));
				}
			}),
		);
	});

	it('merging is order-independent', () => {
		fc.assert(
			fc.property(fc.array(intervalArb, { maxLength: 40 }).chain((intervals) => fc.tuple(fc.constant(intervals), fc.shuffledSubarray(intervals, { minLength: intervals.length }))), ([intervals, shuffled]) => {
				assert.deepEqual(mergeIntervals(shuffled), mergeIntervals(intervals));
			}),
		);
	});

	it('merging is idempotent and never increases the covered time', () => {
		fc.assert(
			fc.property(fc.array(intervalArb, { maxLength: 40 }), (intervals) => {
				const merged = mergeIntervals(intervals);
				assert.deepEqual(mergeIntervals(merged), merged);
				const naive = intervals.reduce((total, i) => total + i.end - i.start, 0);
				assert.ok(coveredMilliseconds(intervals) <= naive);
			}),
		);
	});

	it('a person never attends longer than the meeting span', () => {
		fc.assert(
			fc.property(fc.array(sessionArb, { maxLength: 60 }), (sessions) => {
				const people = summarizeAttendance(sessions, {
					meetingStart: toZoomTime(MEETING_START),
					meetingEnd: toZoomTime(MEETING_START + MEETING_SECONDS * 1000),
				});
				for (const person of people) {
					assert.ok(person.totalSeconds <= MEETING_SECONDS, `${person.key}: ${person.totalSeconds}s`);
					assert.ok(person.totalSeconds >= 0);
				}
			}),
		);
	});

	it('without a span, a person never attends longer than first join to last leave', () => {
		fc.assert(
			fc.property(fc.array(sessionArb, { maxLength: 60 }), (sessions) => {
				for (const person of summarizeAttendance(sessions)) {
					if (person.firstJoin === null || person.lastLeave === null) {
						assert.equal(person.totalSeconds, 0);
						continue;
					}
					const span = (Date.parse(person.lastLeave) - Date.parse(person.firstJoin)) / 1000;
					assert.ok(person.totalSeconds <= span);
				}
			}),
		);
	});

	it('a session list and its shuffled copy give the same summary', () => {
		fc.assert(
			fc.property(
				fc.array(sessionArb, { maxLength: 60 }).chain((sessions) => fc.tuple(fc.constant(sessions), fc.shuffledSubarray(sessions, { minLength: sessions.length }))),
				([sessions, shuffled]) => {
					const options = { scheduledMinutes: 240, threshold: { unit: 'percent' as const, value: 50 } };
					assert.deepEqual(normalize(summarizeAttendance(shuffled, options)), normalize(summarizeAttendance(sessions, options)));
				},
			),
		);
	});

	it('splitting a session in two back-to-back halves changes nothing but the session count', () => {
		fc.assert(
			fc.property(fc.array(sessionArb, { minLength: 1, maxLength: 30 }), fc.nat(), (sessions, pick) => {
				const index = pick % sessions.length;
				const target = sessions[index];
				const join = Date.parse(target.joinTime);
				const leave = Date.parse(target.leaveTime as string);
				const middle = toZoomTime(join + Math.floor((leave - join) / 2000) * 1000);
				const split = [...sessions.slice(0, index), { ...target, leaveTime: middle }, { ...target, joinTime: middle }, ...sessions.slice(index + 1)];
				const strip = (people: ReturnType<typeof summarizeAttendance>) => normalize(people).map(({ sessions: _sessions, ...rest }) => rest);
				assert.deepEqual(strip(summarizeAttendance(split)), strip(summarizeAttendance(sessions)));
			}),
		);
	});
});
