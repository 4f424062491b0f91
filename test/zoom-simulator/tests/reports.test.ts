import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';

import { registrationMeeting, registrationWebinar, testZoom, type TestZoom } from './helpers';

interface Row {
	id: string;
	user_email: string;
	registrant_id?: string;
	join_time: string;
	leave_time: string;
	duration: number;
}

describe('runs, reports and recordings', () => {
	let zoom: TestZoom;
	before(async () => {
		zoom = await testZoom();
		await zoom.control('PUT', '/plan', { rateLimits: false });
	});
	after(async () => {
		assert.deepEqual((await zoom.control('GET', '/violations')).body.violations, []);
		await zoom.close();
	});

	async function allRows(path: string, query: Record<string, string | number> = {}): Promise<Row[]> {
		const rows: Row[] = [];
		let token = '';
		do {
			const page = await zoom.api('GET', path, undefined, { ...query, ...(token ? { next_page_token: token } : {}) });
			assert.equal(page.status, 200, JSON.stringify(page.body));
			rows.push(...page.body.participants);
			token = page.body.next_page_token;
		} while (token);
		return rows;
	}

	it('reports one row per join session, exactly as the run’s ground truth', async () => {
		const meeting = (await zoom.api('POST', '/users/me/meetings', registrationMeeting)).body;
		const seeded = (await zoom.control('POST', '/seed', { registrants: [{ meetingId: meeting.id, count: 12 }] })).body.registrants[0].registrantIds as string[];
		const participants = seeded.slice(0, 9).map((registrantId, i) => ({
			registrantId,
			sessions: i % 3 === 0 ? [{ join: i, leave: 20 + i }, { join: 25 + i, leave: 55 }] : [{ join: i * 0.5, leave: 45 + i }],
		}));
		participants.push({ guest: true, name: 'Guest One', email: 'g1@example.com', sessions: [{ join: 3, leave: 9 }] } as never);
		participants.push({ guest: true, name: 'Guest Two', email: 'g2@example.com', sessions: [{ join: 30, leave: 60 }] } as never);
		participants.push({ host: true, sessions: [{ join: 0, leave: 60 }] } as never);
		const run = (await zoom.control('POST', '/runs', { meetingId: meeting.id, participants, reportDelaySeconds: 1800, wait: true })).body;

		const early = await zoom.api('GET', `/report/meetings/${meeting.id}/participants`);
		assert.equal(early.status, 404);
		assert.equal(early.body.code, 3001);
		assert.match(early.body.message, /try again after/);
		await zoom.control('POST', '/clock/advance', { minutes: 31 });
		zoom.token = await (await import('./helpers')).serverToServerToken(zoom.running.baseUrl);

		const rows = await allRows(`/report/meetings/${meeting.id}/participants`, { page_size: 4, include_fields: 'registrant_id' });
		const expected = run.participants.flatMap((p: any) =>
			p.sessions.map((s: any) => ({ email: p.email, registrantId: p.registrantId, join: s.joinTime, leave: s.leaveTime, seconds: s.durationSeconds })),
		);
		assert.equal(rows.length, 15);
		const hostRow = rows.find((r) => r.user_email === 'host@example.com');
		assert.equal(hostRow?.registrant_id, '');
		const actual = rows.map((r) => ({ email: r.user_email, registrantId: r.registrant_id, join: r.join_time, leave: r.leave_time, seconds: r.duration }));
		const key = (x: { email: string; join: string }) => `${x.email} ${x.join}`;
		assert.deepEqual(actual.sort((a, b) => key(a).localeCompare(key(b))), expected.sort((a: any, b: any) => key(a).localeCompare(key(b))));

		const withoutField = await zoom.api('GET', `/report/meetings/${meeting.id}/participants`);
		assert.equal(withoutField.body.participants[0].registrant_id, undefined);
		const past = await allRows(`/past_meetings/${meeting.id}/participants`, { page_size: 300 });
		assert.equal(past.length, 15);
		const details = (await zoom.api('GET', `/report/meetings/${meeting.id}`)).body;
		assert.equal(details.participants_count, 12);
		assert.equal(details.uuid, run.uuid);
	});

	it('plays a run back in real time and ends it early when the host ends the meeting', async () => {
		const meeting = (await zoom.api('POST', '/users/me/meetings', { ...registrationMeeting, duration: 60 })).body;
		const started = await zoom.control('POST', '/runs', {
			meetingId: meeting.id,
			// Slow enough that the host's early end comes long before the late guest joins, however busy the machine.
			pace: { msPerMinute: 1000 },
			participants: [
				{ guest: true, email: 'early@example.com', sessions: [{ join: 0, leave: 50 }] },
				{ guest: true, email: 'late@example.com', sessions: [{ join: 55, leave: 58 }] },
			],
		});
		assert.equal(started.status, 202);
		const deadline = Date.now() + 20_000;
		while ((await zoom.api('GET', `/meetings/${meeting.id}`)).body.status !== 'started') {
			assert.ok(Date.now() < deadline, 'the run did not start the meeting within 20 s');
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
		// A few simulated seconds in the meeting for the early guest (100 ms is 6 s at this pace).
		await new Promise((resolve) => setTimeout(resolve, 100));
		const live = await zoom.api('GET', '/users/me/meetings', undefined, { type: 'live' });
		assert.ok(live.body.meetings.some((m: { id: number }) => m.id === meeting.id));
		assert.equal((await zoom.api('PUT', `/meetings/${meeting.id}/status`, { action: 'end' })).status, 204);
		const run = (await zoom.control('GET', `/runs/${started.body.id}`)).body;
		assert.equal(run.status, 'ended');
		const early = run.participants.find((p: { email: string }) => p.email === 'early@example.com');
		const late = run.participants.find((p: { email: string }) => p.email === 'late@example.com');
		assert.equal(early.sessions.length, 1);
		assert.ok(early.totalSeconds > 0 && early.totalSeconds < 50 * 60);
		assert.equal(late.sessions.length, 0);
		const rows = await allRows(`/report/meetings/${meeting.id}/participants`);
		assert.equal(rows.length, 1);
		assert.equal(rows[0].duration, early.totalSeconds);
	});

	it('keeps each occurrence of a recurring meeting apart', async () => {
		const meeting = (
			await zoom.api('POST', '/users/me/meetings', {
				type: 8,
				start_time: '2030-05-01T10:00:00Z',
				recurrence: { type: 1, end_times: 3 },
				settings: { approval_type: 0 },
			})
		).body;
		const ids: string[] = [];
		for (const [index, occurrence] of meeting.occurrences.entries()) {
			const run = (
				await zoom.control('POST', '/runs', {
					meetingId: meeting.id,
					occurrenceId: occurrence.occurrence_id,
					participants: Array.from({ length: index + 1 }, (_, i) => ({ guest: true, email: `o${index}-${i}@example.com`, sessions: [{ join: 0, leave: 10 }] })),
					wait: true,
				})
			).body;
			ids.push(run.uuid);
		}
		const instances = (await zoom.api('GET', `/past_meetings/${meeting.id}/instances`)).body.meetings;
		assert.deepEqual(instances.map((i: { uuid: string }) => i.uuid), ids);
		for (const [index, uuid] of ids.entries()) {
			const rows = await allRows(`/report/meetings/${encodeURIComponent(encodeURIComponent(uuid))}/participants`);
			assert.equal(rows.length, index + 1);
		}
	});

	it('lists webinar absentees, polls and Q&A', async () => {
		const webinar = (await zoom.api('POST', '/users/me/webinars', registrationWebinar)).body;
		const ids = (await zoom.control('POST', '/seed', { registrants: [{ webinarId: webinar.id, count: 5 }] })).body.registrants[0].registrantIds;
		await zoom.control('POST', '/runs', {
			webinarId: webinar.id,
			participants: [{ registrantId: ids[0], sessions: [{ join: 0 }] }, { registrantId: ids[1], sessions: [{ join: 1 }] }],
			polls: [{ email: 'attendee1@attendees.example.com', name: 'Attendee 1', question: 'Useful?', answer: 'Yes' }],
			qa: [{ email: 'attendee2@attendees.example.com', name: 'Attendee 2', question: 'Slides?', answer: 'Tomorrow' }],
			wait: true,
		});
		const absent = (await zoom.api('GET', `/past_webinars/${webinar.id}/absentees`, undefined, { page_size: 2 })).body;
		assert.equal(absent.total_records, 3, JSON.stringify(absent));
		assert.deepEqual(
			absent.registrants.map((r: { id: string }) => r.id),
			ids.slice(2, 4),
		);
		const polls = (await zoom.api('GET', `/report/webinars/${webinar.id}/polls`)).body;
		assert.equal(polls.questions[0].question_details[0].answer, 'Yes');
		const qa = (await zoom.api('GET', `/report/webinars/${webinar.id}/qa`)).body;
		assert.equal(qa.questions[0].question_details[0].answer, 'Tomorrow');
	});

	it('serves recordings: list with the one-month range, streamed downloads, trash, recover, settings', async () => {
		const meeting = (await zoom.api('POST', '/users/me/meetings', registrationMeeting)).body;
		const size = 5 * 1024 * 1024 + 123;
		const run = (
			await zoom.control('POST', '/runs', { meetingId: meeting.id, participants: [], recording: { files: [{ file_type: 'MP4', file_size: size }, { file_type: 'M4A', file_size: 1000 }] }, wait: true })
		).body;
		const today = new Date(Date.now()).toISOString().slice(0, 10);
		const monthAgo = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
		const tooLong = await zoom.api('GET', '/users/me/recordings', undefined, { from: monthAgo, to: today });
		assert.equal(tooLong.status, 400);
		assert.equal(tooLong.body.code, 300);
		const listed = (await zoom.api('GET', '/users/me/recordings', undefined, { from: today, to: today })).body;
		assert.ok(listed.meetings.some((m: { uuid: string }) => m.uuid === run.uuid));

		const recording = (await zoom.api('GET', `/meetings/${meeting.id}/recordings`)).body;
		const file = recording.recording_files.find((f: { file_type: string }) => f.file_type === 'MP4');
		assert.equal(file.file_size, size);
		assert.equal((await fetch(file.download_url)).status, 401);
		const download = await fetch(file.download_url, { headers: { Authorization: `Bearer ${zoom.token}` } });
		assert.equal(download.status, 200);
		assert.ok(download.redirected);
		const hash = createHash('sha256');
		let bytes = 0;
		for await (const chunk of download.body as unknown as AsyncIterable<Uint8Array>) {
			hash.update(chunk);
			bytes += chunk.length;
		}
		assert.equal(bytes, size);
		const expected = (await zoom.control('GET', `/recordings/files/${file.id}/sha256`)).body;
		assert.equal(hash.digest('hex'), expected.sha256);

		const byToken = await fetch(`${file.download_url}?download_token=${run.recording.downloadToken}`, { redirect: 'manual' });
		assert.equal(byToken.status, 302);
		const ranged = await fetch(byToken.headers.get('location')!, { headers: { Range: 'bytes=100-199' } });
		assert.equal(ranged.status, 206);
		assert.equal((await ranged.arrayBuffer()).byteLength, 100);

		await zoom.api('PATCH', `/meetings/${meeting.id}/recordings/settings`, { share_recording: 'none', password: 'Secret-123' });
		assert.equal((await zoom.api('GET', `/meetings/${meeting.id}/recordings/settings`)).body.share_recording, 'none');

		assert.equal((await zoom.api('DELETE', `/meetings/${meeting.id}/recordings`)).status, 204);
		assert.equal((await zoom.api('GET', `/meetings/${meeting.id}/recordings`)).body.code, 3301);
		const trash = (await zoom.api('GET', '/users/me/recordings', undefined, { trash: true, from: today })).body;
		assert.equal(trash.meetings.length, 1);
		assert.equal((await zoom.api('PUT', `/meetings/${encodeURIComponent(encodeURIComponent(run.uuid))}/recordings/status`, { action: 'recover' })).status, 200);
		assert.equal((await zoom.api('GET', `/meetings/${meeting.id}/recordings`)).status, 200);
		assert.equal((await zoom.api('DELETE', `/meetings/${meeting.id}/recordings`, undefined, { action: 'delete' })).status, 204);
		assert.equal((await zoom.api('PUT', `/meetings/${meeting.id}/recordings/status`, { action: 'recover' })).status, 404);
	});
});
