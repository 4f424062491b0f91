import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { byId, futureStart, ReportFixture } from './support';

interface GroundTruthPerson {
	key: string;
	registrantId: string;
	email: string;
	name: string;
	guest: boolean;
	sessions: Array<{ joinTime: string; leaveTime: string; durationSeconds: number }>;
	totalSeconds: number;
}

interface RunRecord {
	uuid: string;
	startTime: string;
	participants: GroundTruthPerson[];
}

interface Person extends IDataObject {
	registrantId: string | null;
	email: string | null;
	guest: boolean;
	host: boolean;
	absent: boolean;
	attended: boolean;
	sessions: number;
	rejoins: number;
	totalSeconds: number;
	totalMinutes: number;
	firstJoin: string | null;
	lastLeave: string | null;
	occurrenceUuid: string | null;
}

type Session = { join: number; leave: number };

/** Who joins when: absentees, rejoins (with a gap), back-to-back reconnects and plain stays. */
function sessionsFor(index: number): Session[] | undefined {
	if (index % 8 === 7) return undefined;
	if (index % 3 === 0) return [{ join: index % 5, leave: 20 }, { join: 26, leave: 50 + (index % 10) }];
	if (index % 7 === 1) return [{ join: 2, leave: 10 }, { join: 10, leave: 31 }];
	if (index % 11 === 5) return [{ join: 1, leave: 5 }, { join: 9, leave: 14 }, { join: 40, leave: 58 }];
	return [{ join: index % 10, leave: 60 - (index % 7) }];
}

function findPerson(people: Person[], truth: GroundTruthPerson): Person {
	const found = truth.registrantId
		? people.find((person) => person.registrantId === truth.registrantId)
		: people.find((person) => person.email?.toLowerCase() === truth.email.toLowerCase());
	assert.ok(found, `no summary for ${truth.email}`);
	return found;
}

const HOST_EMAIL = 'host@example.com';

function assertMatchesTruth(person: Person, truth: GroundTruthPerson): void {
	const label = truth.email;
	// The simulator counts everyone without a registration as a guest; the summary tells the host apart.
	const isHost = truth.email === HOST_EMAIL;
	assert.equal(person.totalSeconds, truth.totalSeconds, `${label}: seconds`);
	assert.equal(person.totalMinutes, Math.round((truth.totalSeconds / 60) * 100) / 100, `${label}: minutes`);
	assert.equal(person.sessions, truth.sessions.length, `${label}: sessions`);
	assert.equal(person.firstJoin, truth.sessions[0].joinTime, `${label}: first join`);
	assert.equal(person.lastLeave, truth.sessions.at(-1)?.leaveTime, `${label}: last leave`);
	assert.equal(person.guest, truth.guest && !isHost, `${label}: guest`);
	assert.equal(person.host, isHost, `${label}: host`);
	assert.equal(person.absent, false, `${label}: absent`);
}

describe('Report resource in the n8n engine against a meeting run by the simulator', () => {
	let fixture: ReportFixture;
	let meetingId: number;
	let registrantIds: string[];
	let run: RunRecord;

	before(async () => {
		fixture = await ReportFixture.start();
		await fixture.control('PUT', 'config', { reportDelaySeconds: 0 });
		({ id: meetingId, registrantIds } = await fixture.seedEvent('meeting', { topic: 'Ticketed masterclass', duration: 60 }, 40));

		const participants: IDataObject[] = [];
		registrantIds.forEach((registrantId, index) => {
			const sessions = sessionsFor(index);
			if (sessions) participants.push({ registrantId, sessions });
		});
		participants.push({ guest: true, name: 'Walk-in Guest', email: 'walk.in@example.org', sessions: [{ join: 5, leave: 15 }, { join: 20, leave: 41 }] });
		participants.push({ guest: true, name: 'Phone Guest', sessions: [{ join: 0, leave: 60 }] });
		participants.push({ email: HOST_EMAIL, name: 'Host', sessions: [{ join: 0, leave: 61 }] });
		run = await fixture.control<RunRecord>('POST', 'runs', {
			meetingId,
			durationMinutes: 60,
			participants,
			polls: [
				{ email: 'attendee1@attendees.example.com', question: 'Was it useful?', answer: 'Yes' },
				{ email: 'attendee2@attendees.example.com', question: 'Was it useful?', answer: 'Very' },
			],
			qa: [{ email: 'attendee3@attendees.example.com', question: 'Will there be slides?', answer: 'Yes, by email' }],
			recording: false,
			wait: true,
		});
	});

	after(async () => {
		await fixture.close();
	});

	it("matches the simulator's ground truth for every person, with absentees and guests", async () => {
		const result = await fixture.runNode({
			resource: 'report',
			operation: 'attendanceSummary',
			eventType: 'meeting',
			meetingId: byId(meetingId),
			occurrence: 'latest',
			attendedWhen: 'minutes',
			minimumMinutes: 30,
			includeAbsent: true,
		});
		const people = result.json('Zoom') as Person[];
		const absentIndexes = registrantIds.map((_, index) => index).filter((index) => !sessionsFor(index));

		assert.equal(run.participants.length, 40 - absentIndexes.length + 3);
		assert.equal(people.length, 43);
		for (const truth of run.participants) {
			const person = findPerson(people, truth);
			assertMatchesTruth(person, truth);
			assert.equal(person.attended, truth.totalSeconds >= 30 * 60, `${truth.email}: attended`);
		}

		const absent = people.filter((person) => person.absent);
		assert.deepEqual(
			absent.map((person) => person.registrantId).sort(),
			absentIndexes.map((index) => registrantIds[index]).sort(),
		);
		assert.ok(absent.every((person) => !person.attended && person.totalSeconds === 0 && person.firstJoin === null));

		const guests = people.filter((person) => person.guest);
		assert.equal(guests.length, 2);
		assert.ok(guests.every((person) => person.registrantId === null));

		const rejoiner = findPerson(people, run.participants.find((truth) => truth.sessions.length === 2 && truth.sessions[1].joinTime !== truth.sessions[0].leaveTime) as GroundTruthPerson);
		assert.equal(rejoiner.rejoins, 1);
		const reconnected = findPerson(people, run.participants.find((truth) => truth.sessions.length === 2 && truth.sessions[1].joinTime === truth.sessions[0].leaveTime) as GroundTruthPerson);
		assert.equal(reconnected.rejoins, 0, 'back-to-back sessions are one stretch');
		assert.equal((reconnected.intervals as unknown[]).length, 1);
		assert.equal(people[0].scheduledMinutes, 60);
	});

	it('uses a percentage of the scheduled duration as the attendance rule', async () => {
		const result = await fixture.runNode({
			resource: 'report',
			operation: 'attendanceSummary',
			eventType: 'meeting',
			meetingId: byId(meetingId),
			occurrence: 'latest',
			attendedWhen: 'percent',
			minimumPercent: 75,
			includeAbsent: false,
		});
		const people = result.json('Zoom') as Person[];
		assert.equal(people.length, run.participants.length);
		for (const person of people) {
			assert.equal(person.shareOfScheduled, Math.round((person.totalSeconds / 3600) * 10_000) / 100);
			assert.equal(person.attended, person.totalSeconds >= 0.75 * 3600);
		}
	});

	it('lists every join session with the registrant id', async () => {
		const result = await fixture.runNode({
			resource: 'report',
			operation: 'meetingParticipants',
			meetingId: byId(meetingId),
			occurrence: 'latest',
			returnAll: true,
		});
		const rows = result.json('Zoom');
		const sessions = run.participants.reduce((total, truth) => total + truth.sessions.length, 0);
		assert.equal(rows.length, sessions);
		const registered = rows.filter((row) => row.registrant_id);
		assert.equal(registered.length, sessions - 4);
		const limited = await fixture.runNode({ resource: 'report', operation: 'meetingParticipants', meetingId: byId(meetingId), occurrence: 'latest', returnAll: false, limit: 7 });
		assert.equal(limited.json('Zoom').length, 7);
	});

	it('reads poll results and Q&A', async () => {
		const polls = await fixture.runNode({ resource: 'report', operation: 'pollResults', eventType: 'meeting', meetingId: byId(meetingId), occurrence: 'latest', output: 'answer' });
		assert.deepEqual(
			polls
				.json('Zoom')
				.map((row) => `${row.email as string}: ${row.answer as string}`)
				.sort(),
			['attendee1@attendees.example.com: Yes', 'attendee2@attendees.example.com: Very'],
		);
		const qa = await fixture.runNode({ resource: 'report', operation: 'questionsAndAnswers', eventType: 'meeting', meetingId: byId(meetingId), occurrence: 'latest' });
		const [question] = qa.json('Zoom');
		assert.equal(question.question, 'Will there be slides?');
		assert.equal(question.asker_email, 'attendee3@attendees.example.com');
	});

	it('refuses a percentage above 100 before any request', async () => {
		const since = await fixture.lastRequestSeq();
		const result = await fixture.runNode({
			resource: 'report',
			operation: 'attendanceSummary',
			eventType: 'meeting',
			meetingId: byId(meetingId),
			occurrence: 'latest',
			attendedWhen: 'percent',
			minimumPercent: 150,
			includeAbsent: false,
		});
		assert.match(String(result.nodeError('Zoom')?.message), /Minimum Percent.*item 0/);
		assert.deepEqual(await fixture.requests(since), []);
	});

	it('says when a report is not ready yet, and when to retry', async () => {
		await fixture.control('PUT', 'config', { reportDelaySeconds: 1800 });
		const seeded = await fixture.control<{ meetings: Array<{ id: number }> }>('POST', 'seed', {
			meetings: [{ topic: 'Just ended', type: 2, start_time: futureStart(), duration: 30 }],
		});
		const justEnded = seeded.meetings[0].id;
		await fixture.control('POST', 'runs', {
			meetingId: justEnded,
			durationMinutes: 30,
			participants: [{ email: 'early@example.org', sessions: [{ join: 0, leave: 30 }] }],
			recording: false,
			wait: true,
		});
		const early = await fixture.runNode({ resource: 'report', operation: 'meetingParticipants', meetingId: byId(justEnded), occurrence: 'latest', returnAll: true });
		const error = early.nodeError('Zoom');
		assert.match(String(error?.message), /not finished the report/);
		assert.match(String(error?.description), /Retry later/);

		await fixture.control('POST', 'clock/advance', { minutes: 31 });
		const later = await fixture.runNode({ resource: 'report', operation: 'meetingParticipants', meetingId: byId(justEnded), occurrence: 'latest', returnAll: true });
		assert.equal(later.json('Zoom').length, 1);
		await fixture.control('PUT', 'config', { reportDelaySeconds: 0 });
	});

	it('sent only requests that match Zoom\'s OpenAPI description', async () => {
		assert.deepEqual(await fixture.openApiMismatches(), []);
	});
});

describe('Report resource: a recurring meeting, each occurrence reported on its own', () => {
	let fixture: ReportFixture;
	let meetingId: number;
	const runs: RunRecord[] = [];

	before(async () => {
		fixture = await ReportFixture.start();
		await fixture.control('PUT', 'config', { reportDelaySeconds: 0 });
		const firstDay = new Date(Date.now() - 4 * 86_400_000);
		firstDay.setUTCHours(9, 0, 0, 0);
		const seeded = await fixture.control<{ meetings: Array<{ id: number; occurrences: Array<{ occurrence_id: string; start_time: string }> }> }>('POST', 'seed', {
			meetings: [
				{
					topic: 'Three-day course',
					type: 8,
					start_time: firstDay.toISOString().replace(/\.\d+Z$/, 'Z'),
					duration: 90,
					timezone: 'UTC',
					recurrence: { type: 1, repeat_interval: 1, end_times: 3 },
					settings: { approval_type: 0, registration_type: 1 },
				},
			],
		});
		meetingId = seeded.meetings[0].id;
		const occurrences = seeded.meetings[0].occurrences;
		const cast = [
			[{ email: 'day1.only@example.org', sessions: [{ join: 0, leave: 90 }] }, { email: 'every.day@example.org', sessions: [{ join: 0, leave: 45 }] }],
			[{ email: 'every.day@example.org', sessions: [{ join: 10, leave: 30 }, { join: 40, leave: 70 }] }],
			[
				{ email: 'every.day@example.org', sessions: [{ join: 0, leave: 90 }] },
				{ email: 'day3.only@example.org', sessions: [{ join: 60, leave: 90 }] },
			],
		];
		for (let day = 0; day < 3; day++) {
			runs.push(
				await fixture.control<RunRecord>('POST', 'runs', {
					meetingId,
					occurrenceId: occurrences[day].occurrence_id,
					startAt: occurrences[day].start_time,
					durationMinutes: 90,
					participants: cast[day],
					recording: false,
					wait: true,
				}),
			);
		}
	});

	after(async () => {
		await fixture.close();
	});

	it('lists the three past instances with their UUIDs', async () => {
		const result = await fixture.runNode({ resource: 'report', operation: 'pastInstances', eventType: 'meeting', meetingId: byId(meetingId) });
		const instances = result.json('Zoom');
		assert.deepEqual(
			instances.map((instance) => instance.uuid),
			runs.map((run) => run.uuid),
		);
		for (const instance of instances) {
			const uuid = String(instance.uuid);
			const once = encodeURIComponent(uuid);
			assert.equal(instance.encoded_uuid, uuid.startsWith('/') || uuid.includes('//') ? encodeURIComponent(once) : once);
		}
	});

	it('summarises every occurrence separately, each matching its ground truth', async () => {
		const result = await fixture.runNode({
			resource: 'report',
			operation: 'attendanceSummary',
			eventType: 'meeting',
			meetingId: byId(meetingId),
			occurrence: 'all',
			attendedWhen: 'anyTime',
			includeAbsent: false,
		});
		const people = result.json('Zoom') as Person[];
		assert.equal(people.length, 5);
		for (const run of runs) {
			const ofRun = people.filter((person) => person.occurrenceUuid === run.uuid);
			assert.equal(ofRun.length, run.participants.length, `occurrence ${run.uuid}`);
			for (const truth of run.participants) assertMatchesTruth(findPerson(ofRun, truth), truth);
		}
	});

	it('with Continue On Fail, a bad item becomes an error item paired to it and the others are reported', async () => {
		const since = await fixture.lastRequestSeq();
		const result = await fixture.runNode(
			{
				resource: 'report',
				operation: 'attendanceSummary',
				eventType: 'meeting',
				meetingId: byId(meetingId),
				occurrence: 'uuid',
				occurrenceUuid: '={{ $json.uuid }}',
				attendedWhen: 'anyTime',
				includeAbsent: false,
			},
			[{ uuid: runs[0].uuid }, { uuid: '' }, { uuid: runs[2].uuid }],
			{ onError: 'continueRegularOutput' },
		);
		const items = result.items('Zoom');
		const errors = items.filter((item) => item.json.error);
		assert.equal(errors.length, 1);
		assert.match(String((errors[0].json.error as IDataObject).message), /Occurrence UUID.*item 1/);
		assert.deepEqual(errors[0].pairedItem, { item: 1 });
		const reported = items.filter((item) => !item.json.error);
		assert.deepEqual(
			reported.map((item) => [(item.pairedItem as { item: number }).item, item.json.occurrenceUuid]),
			[
				[0, runs[0].uuid],
				[0, runs[0].uuid],
				[2, runs[2].uuid],
				[2, runs[2].uuid],
			],
		);
		const reportCalls = (await fixture.requests(since)).filter((call) => call.operationId === 'reportMeetingParticipants');
		assert.equal(reportCalls.length, 2, 'nothing was sent for the bad item');
	});

	it('reports one occurrence chosen by UUID', async () => {
		const result = await fixture.runNode({
			resource: 'report',
			operation: 'attendanceSummary',
			eventType: 'meeting',
			meetingId: byId(meetingId),
			occurrence: 'uuid',
			occurrenceUuid: runs[1].uuid,
			attendedWhen: 'anyTime',
			includeAbsent: false,
		});
		const [person] = result.json('Zoom') as Person[];
		assert.equal(person.email, 'every.day@example.org');
		assert.equal(person.totalMinutes, 50);
		assert.equal(person.rejoins, 1);
	});

	it('sent only requests that match Zoom\'s OpenAPI description', async () => {
		assert.deepEqual(await fixture.openApiMismatches(), []);
	});
});

describe('Report resource: a webinar, with absentees from Zoom\'s absentee report', () => {
	let fixture: ReportFixture;
	let webinarId: number;
	let registrantIds: string[];
	let run: RunRecord;

	before(async () => {
		fixture = await ReportFixture.start();
		await fixture.control('PUT', 'config', { reportDelaySeconds: 0 });
		({ id: webinarId, registrantIds } = await fixture.seedEvent('webinar', { topic: 'Product launch', duration: 45 }, 12));
		run = await fixture.control<RunRecord>('POST', 'runs', {
			webinarId,
			durationMinutes: 45,
			participants: [
				...registrantIds.slice(0, 8).map((registrantId, index) => ({
					registrantId,
					sessions: index % 2 === 0 ? [{ join: 0, leave: 45 }] : [{ join: 3, leave: 12 }, { join: 15, leave: 30 }],
				})),
				{ guest: true, name: 'Panel Guest', email: 'panel.guest@example.org', sessions: [{ join: 0, leave: 45 }] },
			],
			polls: [{ email: 'attendee1@attendees.example.com', name: 'Attendee One', question: 'Ready to buy?', answer: 'Soon' }],
			qa: [{ email: 'attendee2@attendees.example.com', question: 'Is there a discount?' }],
			recording: false,
			wait: true,
		});
	});

	after(async () => {
		await fixture.close();
	});

	it('lists every join session of the webinar', async () => {
		const result = await fixture.runNode({ resource: 'report', operation: 'webinarParticipants', webinarId: byId(webinarId), occurrence: 'latest', returnAll: true });
		const rows = result.json('Zoom');
		assert.equal(rows.length, 4 + 4 * 2 + 1);
		assert.equal(rows.filter((row) => row.registrant_id).length, 12);
	});

	it("reads the webinar's poll results and Q&A", async () => {
		const polls = await fixture.runNode({ resource: 'report', operation: 'pollResults', eventType: 'webinar', webinarId: byId(webinarId), occurrence: 'latest', output: 'respondent' });
		const [respondent] = polls.json('Zoom');
		assert.equal(respondent.email, 'attendee1@attendees.example.com');
		assert.equal(respondent.eventType, 'webinar');
		assert.deepEqual(
			(respondent.question_details as IDataObject[]).map((answer) => [answer.question, answer.answer]),
			[['Ready to buy?', 'Soon']],
		);
		const qa = await fixture.runNode({ resource: 'report', operation: 'questionsAndAnswers', eventType: 'webinar', webinarId: byId(webinarId), occurrence: 'latest' });
		assert.deepEqual(
			qa.json('Zoom').map((question) => [question.asker_email, question.question]),
			[['attendee2@attendees.example.com', 'Is there a discount?']],
		);
	});

	it('summarises the webinar and adds the four absentees Zoom reports', async () => {
		const result = await fixture.runNode({
			resource: 'report',
			operation: 'attendanceSummary',
			eventType: 'webinar',
			webinarId: byId(webinarId),
			occurrence: 'latest',
			attendedWhen: 'minutes',
			minimumMinutes: 30,
			includeAbsent: true,
		});
		const people = result.json('Zoom') as Person[];
		assert.equal(people.length, 8 + 1 + 4);
		for (const truth of run.participants) {
			const person = findPerson(people, truth);
			assertMatchesTruth(person, truth);
			assert.equal(person.attended, truth.totalSeconds >= 1800);
		}
		assert.deepEqual(
			people
				.filter((person) => person.absent)
				.map((person) => person.registrantId)
				.sort(),
			registrantIds.slice(8).sort(),
		);
		const calls = await fixture.requests();
		assert.ok(calls.some((call) => call.operationId === 'webinarAbsentees' && call.status === 200));
	});

	it('sent only requests that match Zoom\'s OpenAPI description', async () => {
		assert.deepEqual(await fixture.openApiMismatches(), []);
	});
});

describe('Report resource: a webinar whose report spans several pages', () => {
	let fixture: ReportFixture;
	let webinarId: number;
	let run: RunRecord;

	before(async () => {
		fixture = await ReportFixture.start();
		await fixture.control('PUT', 'config', { reportDelaySeconds: 0 });
		({ id: webinarId } = await fixture.seedEvent('webinar', { topic: 'Large launch', duration: 60 }, 250, false));
		run = await fixture.control<RunRecord>('POST', 'runs', {
			webinarId,
			durationMinutes: 60,
			allRegistrants: { join: 0, leave: 60, rejoinEvery: 2, rejoinGapMinutes: 4 },
			recording: false,
			wait: true,
		});
	});

	after(async () => {
		await fixture.close();
	});

	it('reads all 375 rows over two pages and still matches the ground truth', async () => {
		const since = await fixture.lastRequestSeq();
		const result = await fixture.runNode({
			resource: 'report',
			operation: 'attendanceSummary',
			eventType: 'webinar',
			webinarId: byId(webinarId),
			occurrence: 'latest',
			attendedWhen: 'anyTime',
			includeAbsent: false,
		});
		const people = result.json('Zoom') as Person[];
		assert.equal(run.participants.reduce((total, truth) => total + truth.sessions.length, 0), 375);
		assert.equal(people.length, 250);
		for (const truth of run.participants) assertMatchesTruth(findPerson(people, truth), truth);
		const pages = (await fixture.requests(since)).filter((call) => call.operationId === 'reportWebinarParticipants');
		assert.equal(pages.length, 2);
		assert.ok(pages.every((page) => page.status === 200 && Number(page.query.page_size) === 300));
	});

	it('sent only requests that match Zoom\'s OpenAPI description', async () => {
		assert.deepEqual(await fixture.openApiMismatches(), []);
	});
});
