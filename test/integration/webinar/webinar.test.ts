import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { byId, futureStart, ZoomFixture } from '../registrants/support';

describe('Webinar resource (real n8n engine, simulator)', () => {
	let zoom: ZoomFixture;
	let recurringId: string;

	before(async () => {
		zoom = await ZoomFixture.start('pro');
	});
	after(async () => {
		await zoom?.close();
	});

	it('creates a recurring webinar with a fixed time and returns what an event page needs', async () => {
		const since = await zoom.mark();
		const run = await zoom.runNode({
			resource: 'webinar',
			operation: 'create',
			topic: 'Monthly product update',
			type: 9,
			startTime: '2031-03-04T17:00:00',
			duration: 45,
			timezone: 'America/New_York',
			recurrenceType: 3,
			monthlyBy: 'week',
			monthlyWeek: 1,
			monthlyWeekDay: 3,
			recurrenceEnd: 'count',
			endTimes: 6,
			additionalFields: { agenda: 'What shipped this month', password: 'ship1t' },
			settings: {
				approval_type: 0,
				registration_type: 3,
				practice_session: true,
				on_demand: true,
				post_webinar_survey: true,
				survey_url: 'https://example.com/survey',
				email_language: 'de-DE',
				panelists_video: true,
				attendees_and_panelists_reminder_email_notification: 3,
				follow_up_absentees_email_notification: 2,
				question_and_answer: { values: { enable: true, allow_anonymous_questions: false, answer_questions: 'all' } },
				alternative_hosts: 'cohost@example.com',
			},
		});
		const [webinar] = run.json('Zoom');
		recurringId = String(webinar.id);
		assert.equal(webinar.type, 9);
		assert.match(String(webinar.joinUrl), /^https?:\/\//);
		assert.equal(webinar.passcode, 'ship1t');
		assert.ok(Array.isArray(webinar.dialInNumbers) && (webinar.dialInNumbers as IDataObject[]).length > 0, 'dial-in numbers');
		assert.equal((webinar.occurrences as IDataObject[]).length, 6);
		assert.equal(webinar.start_url, undefined, 'the host link is kept apart');
		assert.ok((webinar.hostOnly as IDataObject).startUrl);

		const [sent] = (await zoom.requests(since)).filter((call) => call.operationId === 'webinarCreate');
		assert.equal(sent.status, 201);
		assert.deepEqual(await zoom.refused(since), []);
		const settings = webinar.settings as IDataObject;
		assert.equal(settings.email_language, 'de-DE');
		assert.deepEqual(settings.attendees_and_panelists_reminder_email_notification, { enable: true, type: 3 });
		assert.deepEqual((settings.question_and_answer as IDataObject).answer_questions, 'all');
	});

	it('refuses bad input before any request, naming the parameter', async () => {
		const since = await zoom.mark();
		const cases: Array<[IDataObject, RegExp]> = [
			[{ type: 9, startTime: futureStart(), timezone: 'Europe/Berlin', recurrenceType: 2 }, /Weekly Days/],
			[{ type: 5, startTime: futureStart(), timezone: 'Mars/Olympus' }, /Time Zone/],
			[{ type: 5, startTime: 'next tuesday', timezone: 'Europe/Berlin' }, /Start Time/],
			[{ type: 9, startTime: futureStart(), recurrenceType: 1, repeatInterval: 91 }, /Repeat Every/],
			[{ type: 9, startTime: futureStart(), recurrenceType: 3, monthlyBy: 'day', monthlyDay: 32 }, /Day of the Month/],
			[{ type: 5, startTime: futureStart(), settings: { contact_email: 'nobody' } }, /Contact Email/],
		];
		for (const [parameters, expected] of cases) {
			const run = await zoom.runNode({ resource: 'webinar', operation: 'create', topic: 'Bad', duration: 30, ...parameters });
			assert.match(String(run.nodeError('Zoom')?.message), expected);
		}
		const posted = (await zoom.requests(since)).filter((call) => call.method === 'POST');
		assert.deepEqual(posted, []);
	});

	it('gets a webinar by join URL, lists, updates only the given fields, and deletes one occurrence', async () => {
		const [byUrl] = (
			await zoom.runNode({
				resource: 'webinar',
				operation: 'get',
				webinarId: { __rl: true, mode: 'url', value: `https://zoom.us/w/${recurringId}?tk=abc` },
			})
		).json('Zoom');
		assert.equal(String(byUrl.id), recurringId);

		const listed = (await zoom.runNode({ resource: 'webinar', operation: 'getMany', returnAll: true })).json('Zoom');
		assert.ok(listed.some((webinar) => String(webinar.id) === recurringId));

		const since = await zoom.mark();
		await zoom.runNode({ resource: 'webinar', operation: 'update', webinarId: byId(recurringId), updateFields: { topic: 'Renamed update' } });
		const patch = (await zoom.requests(since)).find((call) => call.operationId === 'webinarUpdate');
		assert.equal(patch?.status, 204);
		const [after] = (await zoom.runNode({ resource: 'webinar', operation: 'get', webinarId: byId(recurringId) })).json('Zoom');
		assert.equal(after.topic, 'Renamed update');
		assert.equal(after.agenda, 'What shipped this month');

		const occurrence = String((after.occurrences as IDataObject[])[1].occurrence_id);
		const [deleted] = (
			await zoom.runNode({ resource: 'webinar', operation: 'delete', webinarId: byId(recurringId), options: { occurrence_id: occurrence } })
		).json('Zoom');
		assert.equal(deleted.deleted, true);
		const [remaining] = (await zoom.runNode({ resource: 'webinar', operation: 'get', webinarId: byId(recurringId) })).json('Zoom');
		const status = (remaining.occurrences as IDataObject[]).find((entry) => entry.occurrence_id === occurrence)?.status;
		assert.notEqual(status, 'available');
	});

	it('ends a live webinar and removes panelists', async () => {
		const [webinar] = (
			await zoom.runNode({ resource: 'webinar', operation: 'create', topic: 'Live now', type: 5, startTime: futureStart(0), duration: 60, timezone: 'UTC' })
		).json('Zoom');
		const webinarId = String(webinar.id);
		await zoom.runNode({
			resource: 'panelist',
			operation: 'add',
			webinarId: byId(webinarId),
			inputMode: 'list',
			panelistList: JSON.stringify(Array.from({ length: 35 }, (_, index) => ({ name: `Speaker ${index}`, email: `speaker${index}@example.com` }))),
		});
		const panelists = (await zoom.runNode({ resource: 'panelist', operation: 'getMany', webinarId: byId(webinarId) })).json('Zoom');
		assert.equal(panelists.length, 35);
		const first = panelists.find((panelist) => panelist.email === 'speaker0@example.com');
		const removed = await zoom.runNode({ resource: 'panelist', operation: 'remove', webinarId: byId(webinarId), panelistId: String(first?.id) });
		assert.deepEqual(removed.json('Zoom'), [{ webinarId, panelistId: String(first?.id), removed: true }]);
		assert.equal((await zoom.runNode({ resource: 'panelist', operation: 'getMany', webinarId: byId(webinarId) })).json('Zoom').length, 34);
		await zoom.runNode({ resource: 'panelist', operation: 'removeAll', webinarId: byId(webinarId) });
		assert.equal((await zoom.runNode({ resource: 'panelist', operation: 'getMany', webinarId: byId(webinarId) })).json('Zoom').length, 0);

		await zoom.control('POST', 'runs', { webinarId, durationMinutes: 60, pace: { msPerMinute: 60_000 } });
		const [ended] = (await zoom.runNode({ resource: 'webinar', operation: 'end', webinarId: byId(webinarId) })).json('Zoom');
		assert.deepEqual(ended, { webinarId, ended: true });
	});

	it('creates, gets, updates and deletes a poll on a meeting', async () => {
		const seeded = await zoom.control<{ meetings: IDataObject[] }>('POST', 'seed', { meetings: [{ topic: 'Class', type: 2, start_time: futureStart(), duration: 60 }] });
		const meeting = { resource: 'poll', eventType: 'meeting', meetingId: byId(String(seeded.meetings[0].id)) };
		const [created] = (
			await zoom.runNode({
				...meeting,
				operation: 'create',
				title: 'Check-in',
				pollType: 2,
				questions: { question: [{ name: 'One word for today', type: 'short_answer', answerMaxCharacter: 40 }] },
			})
		).json('Zoom');
		const pollId = String(created.id);
		await zoom.runNode({
			...meeting,
			operation: 'update',
			pollId,
			title: 'Check-in quiz',
			pollType: 3,
			questions: { question: [{ name: '2 + 2?', type: 'single', answers: '3, 4', rightAnswers: '4' }] },
		});
		const [got] = (await zoom.runNode({ ...meeting, operation: 'get', pollId })).json('Zoom');
		assert.equal(got.title, 'Check-in quiz');
		assert.deepEqual((got.questions as IDataObject[])[0].right_answers, ['4']);
		await zoom.runNode({ ...meeting, operation: 'delete', pollId });
		assert.equal((await zoom.runNode({ ...meeting, operation: 'getMany' })).json('Zoom').length, 0);
	});
});
