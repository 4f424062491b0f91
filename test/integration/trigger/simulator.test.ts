import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { startSimulator, type RunningSimulator } from '../../zoom-simulator';
import { startTriggerServer, type TriggerServer } from './webhookServer';

const SECRET = 'sim-webhook-secret';

interface Delivery {
	event: string;
	body: string;
	state: string;
	attempts: Array<{ status?: number }>;
}

describe("the simulator's webhook sender delivers a whole meeting to the trigger", () => {
	let sim: RunningSimulator;
	let trigger: TriggerServer;

	async function control<T = IDataObject>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
		const response = await fetch(`${sim.baseUrl}/_sim/${path}`, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
	}

	before(async () => {
		sim = await startSimulator();
		// Zoom's 3 s deadline would make "acknowledged at the first attempt" depend on the machine's load.
		const configured = await control('PUT', 'config', { webhooks: { ackTimeoutMs: 120_000 } });
		assert.equal(configured.status, 200, JSON.stringify(configured.body));
		trigger = await startTriggerServer({ secretToken: SECRET });
	});

	after(async () => {
		await trigger.close();
		await sim.close();
	});

	it('refuses to register the endpoint when the secret does not match', async () => {
		const reply = await control('POST', 'webhooks/endpoints', { url: trigger.url, secret: 'another-app-secret' });
		assert.equal(reply.status, 422);
		assert.equal(trigger.executions.length, 0);
	});

	it('passes the handshake, then every event of a meeting verifies and starts one execution', async () => {
		const registered = await control('POST', 'webhooks/endpoints', { url: trigger.url });
		assert.equal(registered.status, 201, JSON.stringify(registered.body));

		const seeded = await control<{ meetings: Array<{ id: number }> }>('POST', 'seed', {
			meetings: [
				{
					topic: 'Ticket holders meetup',
					type: 2,
					start_time: new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
					duration: 30,
					settings: { approval_type: 0, auto_recording: 'cloud' },
				},
			],
		});
		assert.equal(seeded.status, 201, JSON.stringify(seeded.body));
		const meetingId = seeded.body.meetings[0].id;

		const registrants = await control('POST', 'seed', { registrants: [{ meetingId, count: 4, webhooks: true }] });
		assert.equal(registrants.status, 201, JSON.stringify(registrants.body));

		const run = await control('POST', 'runs', {
			meetingId,
			durationMinutes: 30,
			allRegistrants: { rejoinEvery: 2 },
			participants: [{ guest: true, name: 'Walk-in guest', sessions: [{ join: 5, leave: 12 }] }],
			recording: true,
			pace: 'burst',
			wait: true,
		});
		assert.ok(run.status < 300, JSON.stringify(run.body));

		// Under fetch's 5-minute header timeout.
		const waited = await control('POST', 'webhooks/wait', { timeoutSeconds: 240 });
		assert.equal(waited.body.timedOut, false);

		const { body } = await control<{ deliveries: Delivery[] }>('GET', 'webhooks/deliveries');
		const deliveries = body.deliveries;
		const events = new Set(deliveries.map((delivery) => delivery.event));
		for (const event of [
			'meeting.registration_created',
			'meeting.started',
			'meeting.participant_joined',
			'meeting.participant_left',
			'meeting.ended',
			'recording.completed',
		]) {
			assert.ok(events.has(event), `the simulator sent ${event}`);
		}
		for (const delivery of deliveries) {
			assert.equal(delivery.state, 'delivered', `${delivery.event}: ${JSON.stringify(delivery.attempts)}`);
			assert.equal(delivery.attempts.length, 1, `${delivery.event} acknowledged at the first attempt`);
		}

		// 4 registrations; started; 4 registrants (2 of them rejoining) + 1 guest: 7 joins, 7 leaves; ended; recording.
		const counts: Record<string, number> = {};
		for (const delivery of deliveries) counts[delivery.event] = (counts[delivery.event] ?? 0) + 1;
		assert.equal(counts['meeting.registration_created'], 4);
		assert.equal(counts['meeting.started'], 1);
		assert.equal(counts['meeting.participant_joined'], 7);
		assert.equal(counts['meeting.participant_left'], 7);
		assert.equal(counts['meeting.ended'], 1);
		assert.equal(counts['recording.completed'], 1);
		assert.equal(trigger.executions.length, deliveries.length);

		const items = (await trigger.emitted()).map((emitted) => emitted[0].json);
		assert.deepEqual(
			items.map((item) => JSON.stringify(item.raw)).sort(),
			deliveries.map((delivery) => JSON.stringify(JSON.parse(delivery.body))).sort(),
		);
		assert.equal(new Set(items.map((item) => item.eventId)).size, items.length, 'one eventId per event');
		for (const item of items) {
			assert.equal(item.meetingId, String(meetingId), String(item.event));
			if (String(item.event).includes('participant_')) {
				assert.equal(typeof (item.participant as IDataObject).email, 'string');
			}
		}
		const recording = items.find((item) => item.event === 'recording.completed')!.recording as IDataObject;
		assert.ok((recording.files as IDataObject[]).length > 0);
		assert.equal(typeof recording.downloadToken, 'string');
	});
});
