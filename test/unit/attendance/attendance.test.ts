import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
	AttendanceAccumulator,
	clipIntervals,
	coveredMilliseconds,
	mergeIntervals,
	personKey,
	sessionFromReportRow,
	summarizeAttendance,
	toZoomTime,
	type AttendanceSession,
} from '../../../nodes/ZoomTicketing/helpers/attendance';

const at = (minute: number) => toZoomTime(Date.UTC(2026, 2, 1, 10, 0, 0) + minute * 60_000);

function session(overrides: Partial<AttendanceSession> & { from: number; to?: number }): AttendanceSession {
	const { from, to, ...rest } = overrides;
	return { joinTime: at(from), leaveTime: to === undefined ? undefined : at(to), ...rest };
}

describe('mergeIntervals', () => {
	it('merges overlapping and back-to-back intervals and keeps gaps', () => {
		assert.deepEqual(
			mergeIntervals([
				{ start: 50, end: 60 },
				{ start: 0, end: 10 },
				{ start: 10, end: 20 },
				{ start: 15, end: 18 },
				{ start: 30, end: 40 },
				{ start: 35, end: 45 },
			]),
			[
				{ start: 0, end: 20 },
				{ start: 30, end: 45 },
				{ start: 50, end: 60 },
			],
		);
	});

	it('drops intervals that end before they start and does not change its input', () => {
		const input = [
			{ start: 5, end: 1 },
			{ start: 2, end: 4 },
		];
		assert.deepEqual(mergeIntervals(input), [{ start: 2, end: 4 }]);
		assert.deepEqual(input, [
			{ start: 5, end: 1 },
			{ start: 2, end: 4 },
		]);
	});

	it('counts covered time once', () => {
		assert.equal(
			coveredMilliseconds([
				{ start: 0, end: 100 },
				{ start: 50, end: 150 },
			]),
			150,
		);
	});

	it('clips to a span', () => {
		assert.deepEqual(
			clipIntervals(
				[
					{ start: -10, end: 10 },
					{ start: 20, end: 30 },
					{ start: 95, end: 120 },
					{ start: 200, end: 300 },
				],
				0,
				100,
			),
			[
				{ start: 0, end: 10 },
				{ start: 20, end: 30 },
				{ start: 95, end: 100 },
			],
		);
	});
});

describe('personKey', () => {
	it('prefers registrant id, then e-mail, then Zoom user id with name, then name', () => {
		assert.deepEqual(personKey({ registrantId: 'r1', email: 'A@x.org' }), { key: 'registrant:r1', keyType: 'registrant' });
		assert.deepEqual(personKey({ email: 'A@X.org', zoomUserId: 'u1' }), { key: 'email:a@x.org', keyType: 'email' });
		assert.deepEqual(personKey({ zoomUserId: 'u1', name: 'Ann' }), { key: 'user:u1:ann', keyType: 'user' });
		assert.deepEqual(personKey({ name: 'Ann' }), { key: 'name:ann', keyType: 'name' });
	});
});

describe('sessionFromReportRow', () => {
	it('reads the report fields, treating empty strings as missing', () => {
		assert.deepEqual(
			sessionFromReportRow({
				registrant_id: '',
				user_email: 'ann@example.com',
				name: 'Ann',
				participant_user_id: '',
				id: 'zu1',
				join_time: '2026-03-01T10:00:00Z',
				leave_time: '2026-03-01T10:30:00Z',
				status: 'in_meeting',
			}),
			{
				registrantId: undefined,
				email: 'ann@example.com',
				name: 'Ann',
				zoomUserId: 'zu1',
				joinTime: '2026-03-01T10:00:00Z',
				leaveTime: '2026-03-01T10:30:00Z',
				waitingRoom: false,
			},
		);
		assert.equal(sessionFromReportRow({ name: 'no join time' }), undefined);
	});
});

describe('summarizeAttendance', () => {
	it('merges a rejoining registrant into one person with first join, last leave and total', () => {
		const [ann] = summarizeAttendance(
			[
				session({ registrantId: 'r1', email: 'ann@example.com', name: 'Ann', from: 0, to: 20 }),
				session({ registrantId: 'r1', email: 'ann@example.com', name: 'Ann', from: 30, to: 50 }),
				session({ registrantId: 'r1', email: 'ann@example.com', name: 'Ann', from: 45, to: 55 }),
			],
			{ scheduledMinutes: 60 },
		);
		assert.equal(ann.key, 'registrant:r1');
		assert.equal(ann.sessions, 3);
		assert.equal(ann.rejoins, 1);
		assert.equal(ann.totalSeconds, 45 * 60);
		assert.equal(ann.totalMinutes, 45);
		assert.equal(ann.firstJoin, at(0));
		assert.equal(ann.lastLeave, at(55));
		assert.equal(ann.shareOfScheduled, 75);
		assert.deepEqual(ann.intervals, [
			{ joinTime: at(0), leaveTime: at(20) },
			{ joinTime: at(30), leaveTime: at(55) },
		]);
		assert.equal(ann.guest, false);
		assert.equal(ann.attended, true);
	});

	it('keeps guests apart by e-mail or name and marks them', () => {
		const people = summarizeAttendance([
			session({ email: 'Guest@Example.com', name: 'G', from: 0, to: 5 }),
			session({ email: 'guest@example.com', name: 'G again', from: 10, to: 15 }),
			session({ name: 'Dial-in', from: 0, to: 60 }),
		]);
		assert.equal(people.length, 2);
		const byEmail = people.find((person) => person.keyType === 'email');
		assert.equal(byEmail?.totalMinutes, 10);
		assert.equal(byEmail?.guest, true);
		assert.equal(people.find((person) => person.keyType === 'name')?.totalMinutes, 60);
	});

	it('marks the host apart from guests', () => {
		const people = summarizeAttendance(
			[session({ email: 'Host@Example.com', from: 0, to: 60 }), session({ email: 'walk.in@example.org', from: 0, to: 10 })],
			{ hostEmails: ['host@example.com'] },
		);
		const host = people.find((person) => person.email === 'Host@Example.com');
		assert.equal(host?.host, true);
		assert.equal(host?.guest, false);
		assert.equal(people.find((person) => person.email === 'walk.in@example.org')?.guest, true);
	});

	it('applies a threshold in minutes or in percent of the scheduled duration', () => {
		const rows = [session({ registrantId: 'a', from: 0, to: 30 }), session({ registrantId: 'b', from: 0, to: 29 })];
		const byMinutes = summarizeAttendance(rows, { threshold: { unit: 'minutes', value: 30 } });
		assert.deepEqual(
			byMinutes.map((person) => person.attended),
			[true, false],
		);
		const byPercent = summarizeAttendance(rows, { scheduledMinutes: 60, threshold: { unit: 'percent', value: 50 } });
		assert.deepEqual(
			byPercent.map((person) => person.attended),
			[true, false],
		);
	});

	it('refuses a percentage threshold without a scheduled duration', () => {
		const accumulator = new AttendanceAccumulator().addAll([session({ registrantId: 'a', from: 0, to: 30 })]);
		assert.throws(() => accumulator.summarize({ threshold: { unit: 'percent', value: 80 } }), /scheduled duration/);
	});

	it('adds registrants who never joined as absent, matching by id or e-mail', () => {
		const people = summarizeAttendance([session({ registrantId: 'r1', from: 0, to: 10 }), session({ email: 'came@example.com', from: 0, to: 10 })], {
			registrants: [
				{ id: 'r1', email: 'one@example.com', firstName: 'One' },
				{ id: 'r2', email: 'came@example.com', firstName: 'Came' },
				{ id: 'r3', email: 'three@example.com', firstName: 'Three', lastName: 'Absent' },
				{ id: 'r3', email: 'three@example.com', firstName: 'Three', lastName: 'Absent' },
			],
		});
		const absent = people.filter((person) => person.absent);
		assert.equal(absent.length, 1);
		assert.equal(absent[0].registrantId, 'r3');
		assert.equal(absent[0].name, 'Three Absent');
		assert.equal(absent[0].attended, false);
		assert.equal(absent[0].totalSeconds, 0);
	});

	it('counts waiting-room rows as presence without time', () => {
		const [waiting] = summarizeAttendance([{ ...session({ registrantId: 'w', from: 0, to: 10 }), waitingRoom: true }]);
		assert.equal(waiting.sessions, 0);
		assert.equal(waiting.totalSeconds, 0);
		assert.equal(waiting.attended, false);
	});

	it('clips sessions to the meeting span and closes open sessions at the end', () => {
		const [person] = summarizeAttendance([session({ registrantId: 'x', from: -5, to: 10 }), session({ registrantId: 'x', from: 50 })], {
			meetingStart: at(0),
			meetingEnd: at(60),
		});
		assert.equal(person.totalMinutes, 20);
		assert.equal(person.firstJoin, at(0));
		assert.equal(person.lastLeave, at(60));
	});

	it('rejects times that are not dates', () => {
		assert.throws(() => summarizeAttendance([{ joinTime: 'yesterday', registrantId: 'x' }]), /Join time "yesterday"/);
	});
});
