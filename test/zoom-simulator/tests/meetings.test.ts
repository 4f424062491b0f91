import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import { registrationMeeting, registrationWebinar, serverToServerToken, testZoom, type TestZoom } from './helpers';

describe('meetings, webinars and registrants', () => {
	let zoom: TestZoom;
	before(async () => {
		zoom = await testZoom();
	});
	beforeEach(async () => {
		await zoom.control('POST', '/reset');
		zoom.token = await serverToServerToken(zoom.running.baseUrl);
	});
	after(async () => {
		assert.deepEqual((await zoom.control('GET', '/violations')).body.violations, []);
		await zoom.close();
	});

	it('creates instant, scheduled, no-fixed-time and recurring meetings with their occurrences', async () => {
		const instant = await zoom.api('POST', '/users/me/meetings', { type: 1, topic: 'Now' });
		assert.equal(instant.status, 201);
		assert.equal(instant.body.type, 1);
		assert.match(instant.body.join_url, /^https:\/\/zoom\.us\/j\/\d{11}\?pwd=/);
		assert.match(instant.body.password, /^\d{6}$/);
		assert.ok(instant.body.settings.global_dial_in_numbers.length > 0);

		const floating = await zoom.api('POST', '/users/me/meetings', { type: 3, recurrence: { type: 1 } });
		assert.equal(floating.body.start_time, undefined);
		assert.equal(floating.body.occurrences, undefined);

		const weekly = await zoom.api('POST', '/users/me/meetings', {
			type: 8,
			topic: 'Tue/Thu',
			start_time: '2030-03-05T09:30:00',
			timezone: 'America/New_York',
			recurrence: { type: 2, weekly_days: '3,5', end_times: 4 },
		});
		assert.equal(weekly.status, 201, JSON.stringify(weekly.body));
		const starts = weekly.body.occurrences.map((o: { start_time: string }) => o.start_time);
		assert.deepEqual(starts, ['2030-03-05T14:30:00Z', '2030-03-07T14:30:00Z', '2030-03-12T13:30:00Z', '2030-03-14T13:30:00Z']);

		const monthly = await zoom.api('POST', '/users/me/meetings', {
			type: 8,
			start_time: '2030-01-01T10:00:00Z',
			recurrence: { type: 3, monthly_week: -1, monthly_week_day: 6, end_date_time: '2030-04-30T00:00:00Z' },
		});
		assert.deepEqual(
			monthly.body.occurrences.map((o: { start_time: string }) => o.start_time.slice(0, 10)),
			['2030-01-25', '2030-02-22', '2030-03-29', '2030-04-26'],
		);

		const daily = await zoom.api('POST', '/users/me/meetings', { type: 8, start_time: '2030-01-01T10:00:00Z', recurrence: { type: 1, repeat_interval: 2, end_times: 3 } });
		assert.deepEqual(daily.body.occurrences.map((o: { start_time: string }) => o.start_time), ['2030-01-01T10:00:00Z', '2030-01-03T10:00:00Z', '2030-01-05T10:00:00Z']);

		const missing = await zoom.api('POST', '/users/me/meetings', { type: 8, start_time: '2030-01-01T10:00:00Z' });
		assert.equal(missing.status, 400);
		assert.equal(missing.body.errors[0].field, 'recurrence');
	});

	it('gets, lists, updates and deletes meetings and occurrences', async () => {
		const created = (
			await zoom.api('POST', '/users/me/meetings', { type: 8, start_time: '2030-01-01T10:00:00Z', recurrence: { type: 1, end_times: 3 } })
		).body;
		for (let i = 0; i < 4; i++) await zoom.api('POST', '/users/me/meetings', { ...registrationMeeting, topic: `M${i}` });
		const occurrence = created.occurrences[1].occurrence_id;
		const one = await zoom.api('GET', `/meetings/${created.id}`, undefined, { occurrence_id: occurrence });
		assert.equal(one.body.start_time, '2030-01-02T10:00:00Z');

		const first = await zoom.api('GET', '/users/me/meetings', undefined, { type: 'scheduled', page_size: 2 });
		assert.equal(first.body.total_records, 5);
		assert.equal(first.body.meetings.length, 2);
		const ids = first.body.meetings.map((m: { id: number }) => m.id);
		let token = first.body.next_page_token;
		while (token) {
			const page = await zoom.api('GET', '/users/me/meetings', undefined, { type: 'scheduled', page_size: 2, next_page_token: token });
			ids.push(...page.body.meetings.map((m: { id: number }) => m.id));
			token = page.body.next_page_token;
		}
		assert.equal(new Set(ids).size, 5);

		assert.equal((await zoom.api('PATCH', `/meetings/${created.id}`, { duration: 30 }, { occurrence_id: occurrence })).status, 204);
		const patched = await zoom.api('GET', `/meetings/${created.id}`, undefined, { occurrence_id: occurrence });
		assert.equal(patched.body.duration, 30);
		assert.equal((await zoom.api('PATCH', `/meetings/${created.id}`, { topic: 'Renamed', settings: { waiting_room: true } })).status, 204);
		const renamed = (await zoom.api('GET', `/meetings/${created.id}`)).body;
		assert.equal(renamed.topic, 'Renamed');
		assert.equal(renamed.settings.waiting_room, true);
		assert.equal(renamed.settings.mute_upon_entry, false);

		assert.equal((await zoom.api('DELETE', `/meetings/${created.id}`, undefined, { occurrence_id: occurrence })).status, 204);
		assert.equal((await zoom.api('GET', `/meetings/${created.id}`)).body.occurrences.length, 2);
		await zoom.api('PATCH', `/meetings/${created.id}`, { agenda: 'only the agenda' });
		assert.equal((await zoom.api('GET', `/meetings/${created.id}`)).body.occurrences.length, 2, 'a deleted occurrence stays deleted');
		const badOccurrence = await zoom.api('DELETE', `/meetings/${created.id}`, undefined, { occurrence_id: occurrence });
		assert.equal(badOccurrence.status, 400);
		assert.equal(badOccurrence.body.code, 300);

		assert.equal((await zoom.api('DELETE', `/meetings/${created.id}`)).status, 204);
		const gone = await zoom.api('GET', `/meetings/${created.id}`);
		assert.equal(gone.status, 404);
		assert.deepEqual(gone.body, { code: 3001, message: `Meeting does not exist: ${created.id}.` });
		assert.equal((await zoom.api('PUT', `/meetings/${created.id}/status`, { action: 'recover' })).status, 204);
		assert.equal((await zoom.api('GET', `/meetings/${created.id}`)).status, 200);
	});

	it('refuses requests that do not match the document, naming the field', async () => {
		const cases: Array<[string, string, unknown, string]> = [
			['POST', '/users/me/meetings', { type: 2, duration: 5000 }, 'duration'],
			['POST', '/users/me/meetings', { settings: { approval_type: 9 } }, 'settings.approval_type'],
			['POST', '/users/me/meetings', { recurrence: { type: 7 } }, 'recurrence.type'],
			['GET', '/meetings/abc', undefined, 'meetingId'],
			['GET', '/users/me/meetings?page_size=301', undefined, 'page_size'],
			['GET', '/users/me/meetings?type=weird', undefined, 'type'],
		];
		for (const [method, path, body, field] of cases) {
			const [p, q] = path.split('?');
			const query = Object.fromEntries(new URLSearchParams(q ?? ''));
			const result = await zoom.api(method, p, body, query);
			assert.equal(result.status, 400, path);
			assert.equal(result.body.code, 300);
			assert.equal(result.body.errors[0].field, field);
			assert.ok(result.body.message.includes(field));
		}
		const notJson = await fetch(`${zoom.running.apiBaseUrl}/users/me/meetings`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${zoom.token}`, 'Content-Type': 'application/json' },
			body: '{"topic":',
		});
		assert.deepEqual(await notJson.json(), { code: 300, message: 'Request Body should be a valid JSON object.' });
		const timezone = await zoom.api('POST', '/users/me/meetings', { timezone: 'Mars/Base' });
		assert.equal(timezone.body.errors[0].field, 'timezone');
	});

	it('adds registrants idempotently, with custom questions, and changes their status', async () => {
		const meeting = (await zoom.api('POST', '/users/me/meetings', { ...registrationMeeting, settings: { approval_type: 1 } })).body;
		assert.match(meeting.registration_url, /\/meeting\/register\//);
		await zoom.api('PATCH', `/meetings/${meeting.id}/registrants/questions`, {
			questions: [{ field_name: 'org', required: true }],
			custom_questions: [{ title: 'Ticket number', type: 'short', required: true }],
		});
		const noAnswer = await zoom.api('POST', `/meetings/${meeting.id}/registrants`, { email: 'a@example.com', first_name: 'A', org: 'X' });
		assert.equal(noAnswer.status, 400);
		assert.equal(noAnswer.body.errors[0].field, 'custom_questions');
		const input = { email: 'A@Example.com', first_name: 'A', org: 'X', custom_questions: [{ title: 'Ticket number', value: 'T-1' }] };
		const first = await zoom.api('POST', `/meetings/${meeting.id}/registrants`, input);
		assert.equal(first.status, 201);
		const second = await zoom.api('POST', `/meetings/${meeting.id}/registrants`, { ...input, email: 'a@example.com' });
		assert.equal(second.body.registrant_id, first.body.registrant_id);
		assert.equal(second.body.join_url, first.body.join_url);

		const pending = await zoom.api('GET', `/meetings/${meeting.id}/registrants`, undefined, { status: 'pending' });
		assert.equal(pending.body.total_records, 1);
		assert.deepEqual(pending.body.registrants[0].custom_questions, [{ title: 'Ticket number', value: 'T-1' }]);
		await zoom.api('PUT', `/meetings/${meeting.id}/registrants/status`, { action: 'approve', registrants: [{ id: first.body.registrant_id }] });
		assert.equal((await zoom.api('GET', `/meetings/${meeting.id}/registrants`)).body.total_records, 1);
		await zoom.api('PUT', `/meetings/${meeting.id}/registrants/status`, { action: 'cancel', registrants: [{ email: 'a@example.com' }] });
		assert.equal((await zoom.api('GET', `/meetings/${meeting.id}/registrants`)).body.total_records, 0);
		assert.equal((await zoom.api('GET', `/meetings/${meeting.id}/registrants`, undefined, { status: 'denied' })).body.total_records, 1);

		const third = await zoom.api('POST', `/meetings/${meeting.id}/registrants`, { ...input, auto_approve: true });
		assert.equal(third.body.registrant_id, first.body.registrant_id);
		assert.equal((await zoom.api('GET', `/meetings/${meeting.id}/registrants`)).body.total_records, 1);
		const fourth = await zoom.api('POST', `/meetings/${meeting.id}/registrants`, input);
		assert.equal(fourth.status, 429);
		assert.equal(fourth.headers.get('x-ratelimit-type'), 'Daily-limit');
		assert.match(fourth.headers.get('retry-after')!, /^\d{4}-\d{2}-\d{2}T00:00:00Z$/);

		assert.equal((await zoom.api('DELETE', `/meetings/${meeting.id}/registrants/${first.body.registrant_id}`)).status, 204);
		const again = await zoom.api('DELETE', `/meetings/${meeting.id}/registrants/${first.body.registrant_id}`);
		assert.equal(again.status, 400);
		assert.equal(again.body.code, 3000);
		assert.equal((await zoom.api('GET', `/meetings/${meeting.id}/registrants/${first.body.registrant_id}`)).body.code, 3079);
	});

	it('batch-adds at most 30 registrants, only where Zoom allows it', async () => {
		const meeting = (await zoom.api('POST', '/users/me/meetings', registrationMeeting)).body;
		const people = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ email: `p${i + from}@example.com`, first_name: 'P', last_name: String(i + from) }));
		const tooMany = await zoom.api('POST', `/meetings/${meeting.id}/batch_registrants`, { registrants: people(31) });
		assert.equal(tooMany.status, 400);
		assert.equal(tooMany.body.errors[0].field, 'registrants');
		const batch = await zoom.api('POST', `/meetings/${meeting.id}/batch_registrants`, { auto_approve: true, registrants: people(30) });
		assert.equal(batch.status, 201);
		assert.equal(batch.body.registrants.length, 30);
		const overlap = await zoom.api('POST', `/meetings/${meeting.id}/batch_registrants`, { auto_approve: true, registrants: people(30, 15) });
		assert.equal(overlap.body.registrants[0].registrant_id, batch.body.registrants[15].registrant_id);
		const audit = (await zoom.control('GET', `/registrants/${meeting.id}`)).body;
		assert.equal(audit.total, 45);
		assert.equal(audit.duplicateEmails, 0);

		const recurring = (await zoom.api('POST', '/users/me/meetings', { type: 8, start_time: '2030-01-01T10:00:00Z', recurrence: { type: 1, end_times: 2 }, settings: { approval_type: 0 } })).body;
		const wrongType = await zoom.api('POST', `/meetings/${recurring.id}/batch_registrants`, { registrants: people(1) });
		assert.equal(wrongType.status, 400);
		assert.equal(wrongType.body.code, 303);
		const open = (await zoom.api('POST', '/users/me/meetings', { type: 2, start_time: '2030-01-01T10:00:00Z' })).body;
		const noRegistration = await zoom.api('POST', `/meetings/${open.id}/batch_registrants`, { registrants: people(1) });
		assert.equal(noRegistration.status, 400);

		const webinar = (await zoom.api('POST', '/users/me/webinars', registrationWebinar)).body;
		assert.equal((await zoom.api('POST', `/webinars/${webinar.id}/batch_registrants`, { registrants: people(30) })).status, 201);
		const series = (await zoom.api('POST', '/users/me/webinars', { type: 9, start_time: '2030-01-01T10:00:00Z', recurrence: { type: 1, end_times: 2 }, settings: { approval_type: 0 } })).body;
		const webinarWrongType = await zoom.api('POST', `/webinars/${series.id}/batch_registrants`, { registrants: people(1) });
		assert.equal(webinarWrongType.status, 400);
		assert.equal(webinarWrongType.body.code, 300);
	});

	it('limits meeting creates and updates to 100 per user per day', async () => {
		await zoom.control('PUT', '/plan', { rateLimits: false });
		let last;
		for (let i = 0; i < 100; i++) last = await zoom.api('POST', '/users/me/meetings', { topic: `M${i}` });
		assert.equal(last!.status, 201);
		const refused = await zoom.api('POST', '/users/me/meetings', { topic: 'one too many' });
		assert.equal(refused.status, 429);
		assert.equal(refused.headers.get('x-ratelimit-type'), 'Daily-limit');
		assert.equal(refused.headers.get('x-ratelimit-limit'), '100');
		assert.equal(refused.headers.get('x-ratelimit-remaining'), '0');
		assert.equal(refused.headers.get('x-ratelimit-category'), 'Light');
		assert.equal((await zoom.api('POST', '/users/me/webinars', { topic: 'webinars count apart' })).status, 201);
		await zoom.control('POST', '/clock/advance', { days: 1 });
		zoom.token = await serverToServerToken(zoom.running.baseUrl);
		assert.equal((await zoom.api('POST', '/users/me/meetings', { topic: 'next day' })).status, 201);
	});

	it('manages panelists and polls', async () => {
		const webinar = (await zoom.api('POST', '/users/me/webinars', registrationWebinar)).body;
		const panelists = Array.from({ length: 30 }, (_, i) => ({ email: `pan${i}@example.com`, name: `Pan ${i}` }));
		assert.equal((await zoom.api('POST', `/webinars/${webinar.id}/panelists`, { panelists })).status, 201);
		assert.equal((await zoom.api('POST', `/webinars/${webinar.id}/panelists`, { panelists: [...panelists, { email: 'x@example.com', name: 'X' }] })).status, 400);
		assert.equal((await zoom.api('GET', `/webinars/${webinar.id}/panelists`)).body.total_records, 30);
		const quiz = await zoom.api('POST', `/webinars/${webinar.id}/polls`, { title: 'Quiz', poll_type: 3, questions: [{ name: 'Q', type: 'single', answers: ['a', 'b'] }] });
		assert.equal(quiz.status, 400);
		const poll = await zoom.api('POST', `/webinars/${webinar.id}/polls`, { title: 'Quiz', poll_type: 3, questions: [{ name: 'Q', type: 'single', answers: ['a', 'b'], right_answers: ['a'] }] });
		assert.equal(poll.body.status, 'notstart');
		assert.equal((await zoom.api('GET', `/webinars/${webinar.id}/polls/${poll.body.id}`)).body.title, 'Quiz');
	});

	it('requires Zoom double encoding for UUIDs that begin with / or contain //', async () => {
		const meeting = (await zoom.api('POST', '/users/me/meetings', registrationMeeting)).body;
		const run = (await zoom.control('POST', '/runs', { meetingId: meeting.id, participants: [], wait: true })).body;
		await zoom.control('POST', '/runs', { meetingId: meeting.id, participants: [], wait: true });
		const third = (await zoom.control('POST', '/runs', { meetingId: meeting.id, participants: [], wait: true })).body;
		const instances = (await zoom.api('GET', `/past_meetings/${meeting.id}/instances`)).body.meetings as Array<{ uuid: string }>;
		assert.equal(instances.length, 3);
		assert.equal(instances[0].uuid, run.uuid);
		const awkward = instances.map((i) => i.uuid).find((u) => u.startsWith('/') || u.includes('//'));
		assert.ok(awkward, `one of ${instances.map((i) => i.uuid)} or ${third.uuid} must need double encoding`);
		const single = await zoom.api('GET', `/past_meetings/${encodeURIComponent(awkward)}`);
		assert.equal(single.status, 404);
		const double = await zoom.api('GET', `/past_meetings/${encodeURIComponent(encodeURIComponent(awkward))}`);
		assert.equal(double.status, 200);
		assert.equal(double.body.uuid, awkward);
	});
});
