import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';

import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

import { WEBHOOKS_DOCUMENT } from '../openapi';
import { registrationMeeting, registrationWebinar, testZoom, type TestZoom } from './helpers';
import { startReceiver, type Receiver } from './receiver';

const document = JSON.parse(readFileSync(WEBHOOKS_DOCUMENT, 'utf8')) as {
	webhooks: Record<string, { post: { requestBody: { content: { 'application/json': { schema: object } } } } }>;
};
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat('int64', true);

function schemaErrors(body: { event: string }): string {
	const hook = document.webhooks[body.event];
	assert.ok(hook, `no schema for ${body.event}`);
	const validate = ajv.compile(hook.post.requestBody.content['application/json'].schema);
	return validate(body) ? '' : ajv.errorsText(validate.errors);
}

describe('webhook sender', () => {
	let zoom: TestZoom;
	let receiver: Receiver;
	before(async () => {
		zoom = await testZoom();
		await zoom.control('PUT', '/config', { webhooks: { ackTimeoutMs: 400, retryDelaysMs: [30, 60, 90] } });
		receiver = await startReceiver('sim-webhook-secret');
	});
	after(async () => {
		await receiver.close();
		await zoom.close();
	});

	it('refuses an endpoint that fails the URL validation handshake', async () => {
		const bad = await startReceiver('sim-webhook-secret', { breakHandshake: true });
		try {
			const refused = await zoom.control('POST', '/webhooks/endpoints', { url: bad.url });
			assert.equal(refused.status, 422);
			assert.match(refused.body.error, /URL validation failed/);
			const nobody = await zoom.control('POST', '/webhooks/endpoints', { url: 'http://127.0.0.1:9/' });
			assert.equal(nobody.status, 422);
			assert.equal((await zoom.control('GET', '/webhooks/endpoints')).body.endpoints.length, 0);
		} finally {
			await bad.close();
		}
	});

	it('delivers signed events of a meeting run, shaped as Zoom documents them', async () => {
		const endpoint = await zoom.control('POST', '/webhooks/endpoints', { url: receiver.url });
		assert.equal(endpoint.status, 201, JSON.stringify(endpoint.body));
		const meeting = (await zoom.api('POST', '/users/me/meetings', registrationMeeting)).body;
		const ann = (await zoom.api('POST', `/meetings/${meeting.id}/registrants`, { email: 'ann@example.com', first_name: 'Ann', city: 'Oslo' })).body;
		const bob = (await zoom.api('POST', `/meetings/${meeting.id}/registrants`, { email: 'bob@example.com', first_name: 'Bob' })).body;
		await zoom.api('PUT', `/meetings/${meeting.id}/registrants/status`, { action: 'cancel', registrants: [{ id: bob.registrant_id }] });
		const run = await zoom.control('POST', '/runs', {
			meetingId: meeting.id,
			participants: [
				{ registrantId: ann.registrant_id, sessions: [{ join: 0, leave: 10 }, { join: 12, leave: 40 }] },
				{ guest: true, name: 'Walk In', email: 'walk@example.com', sessions: [{ join: 5, leave: 6 }] },
			],
			wait: true,
		});
		assert.equal(run.status, 200);
		const events = receiver.received.map((r) => r.event);
		assert.deepEqual(events, [
			'meeting.registration_created',
			'meeting.registration_created',
			'meeting.registration_cancelled',
			'meeting.started',
			'meeting.participant_joined',
			'meeting.participant_joined',
			'meeting.participant_left',
			'meeting.participant_left',
			'meeting.participant_joined',
			'meeting.participant_left',
			'meeting.ended',
			'recording.completed',
			'recording.transcript_completed',
		]);
		for (const delivery of receiver.received) {
			assert.ok(delivery.signatureValid, delivery.event);
			assert.ok(Math.abs(Number(delivery.timestamp) - Date.now() / 1000) < 60);
			assert.equal(schemaErrors(delivery.body), '', delivery.event);
		}
		const joined = receiver.received.find((r) => r.event === 'meeting.participant_joined')!.body;
		assert.equal(joined.payload.object.id, String(meeting.id));
		assert.equal(joined.payload.object.participant.registrant_id, ann.registrant_id);
		const recording = receiver.received.find((r) => r.event === 'recording.completed')!.body;
		assert.equal(recording.payload.object.id, meeting.id);
		assert.equal(recording.download_token, run.body.recording.downloadToken);
		const file = recording.payload.object.recording_files[0];
		const download = await fetch(file.download_url, { headers: { Authorization: `Bearer ${recording.download_token}` } });
		assert.equal(download.status, 200);
		const byQuery = await fetch(`${file.download_url}?download_token=${recording.download_token}`, { redirect: 'manual' });
		assert.equal(byQuery.status, 302);
		assert.equal(Number(download.headers.get('content-length')), file.file_size);
		await download.arrayBuffer();
	});

	it('retries deliveries that are not acknowledged with 2xx in time, with the identical body', async () => {
		receiver.received.length = 0;
		receiver.respond = async (delivery, attempt) => {
			if (delivery.event === 'webinar.started' && attempt === 1) return 500;
			if (delivery.event === 'webinar.ended' && attempt === 1) {
				await new Promise((r) => setTimeout(r, 600));
				return 200;
			}
			return 200;
		};
		const webinar = (await zoom.api('POST', '/users/me/webinars', registrationWebinar)).body;
		await zoom.control('POST', '/seed', { registrants: [{ webinarId: webinar.id, count: 3 }] });
		await zoom.control('POST', '/runs', { webinarId: webinar.id, allRegistrants: { join: 1, leave: 50 }, recording: false, wait: true });
		const started = receiver.received.filter((r) => r.event === 'webinar.started');
		assert.equal(started.length, 2);
		assert.equal(started[0].raw, started[1].raw);
		assert.ok(started.every((s) => s.signatureValid));
		const ended = receiver.received.filter((r) => r.event === 'webinar.ended');
		assert.equal(ended.length, 2);
		for (const delivery of receiver.received) assert.equal(schemaErrors(delivery.body), '', delivery.event);
		const stats = (await zoom.control('GET', '/webhooks/stats')).body;
		assert.equal(stats.failed, 0);
		assert.ok(stats.retries >= 2);
		receiver.respond = () => 200;
	});

	it('sends a large burst with bounded concurrency and accounts for every delivery', async () => {
		receiver.received.length = 0;
		await zoom.control('PUT', '/config', { webhooks: { ackTimeoutMs: 3000 } });
		const webinar = (await zoom.api('POST', '/users/me/webinars', registrationWebinar)).body;
		await zoom.control('POST', '/seed', { registrants: [{ webinarId: webinar.id, count: 1000, returnIds: false }] });
		const run = await zoom.control('POST', '/runs', {
			webinarId: webinar.id,
			allRegistrants: { join: 0, leave: 60, rejoinEvery: 10 },
			recording: false,
			concurrency: 32,
			wait: true,
		});
		const distinct = (event: string) => new Set(receiver.received.filter((r) => r.event === event).map((r) => r.raw)).size;
		assert.equal(distinct('webinar.participant_joined'), 1100);
		assert.equal(distinct('webinar.participant_left'), 1100);
		const stats = (await zoom.control('GET', '/webhooks/stats')).body;
		assert.equal(stats.failed, 0);
		assert.equal(stats.pending, 0);
		assert.equal(run.body.participants.length, 1000);
		assert.ok(receiver.received.every((r) => r.signatureValid));
	});
});
