import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import { WebSocket } from 'ws';

import { registrationMeeting, serverToServerToken, testZoom, type TestZoom } from './helpers';

interface Frame {
	module: string;
	success?: boolean;
	content?: string;
	header?: Record<string, unknown>;
}

/** A raw client of the simulator's socket that records frames and how it was closed. */
class Client {
	readonly frames: Frame[] = [];
	closed?: { code: number; reason: string };
	readonly ws: WebSocket;

	constructor(url: string) {
		this.ws = new WebSocket(url);
		this.ws.on('message', (data) => this.frames.push(JSON.parse(data.toString()) as Frame));
		this.ws.on('close', (code, reason) => (this.closed = { code, reason: reason.toString() }));
		this.ws.on('error', () => {});
	}

	async until(what: string, check: () => boolean, timeoutMs = 5000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (!check()) {
			if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; frames: ${JSON.stringify(this.frames)}`);
			await new Promise((done) => setTimeout(done, 20));
		}
	}

	events(): Array<{ event: string }> {
		return this.frames.filter((f) => f.module === 'message').map((f) => JSON.parse(f.content!) as { event: string });
	}
}

describe("simulator: Zoom's WebSocket event subscriptions", () => {
	let zoom: TestZoom;
	let url: string;
	let token: string;
	const clients: Client[] = [];
	const connect = (query: string) => {
		const client = new Client(`${url}${query}`);
		clients.push(client);
		return client;
	};
	const connected = async (query = `&access_token=${token}`) => {
		const client = connect(query);
		await client.until('build_connection', () => client.frames.length > 0);
		assert.deepEqual(client.frames[0], { module: 'build_connection', success: true, content: 'success', header: {} });
		return client;
	};

	before(async () => {
		zoom = await testZoom();
	});
	beforeEach(async () => {
		for (const client of clients.splice(0)) client.ws.terminate();
		await zoom.control('POST', '/reset');
		token = await serverToServerToken(zoom.running.baseUrl);
		url = ((await zoom.control('POST', '/ws/subscriptions', { id: 'SimSubscription01' })).body as { url: string }).url;
	});
	after(async () => {
		for (const client of clients.splice(0)) client.ws.terminate();
		await zoom.close();
	});

	it('refuses a missing, unknown or expired token and an unknown subscription with a build_connection frame', async () => {
		const cases: Array<[string, string]> = [
			['', 'token is empty'],
			['&access_token=nope', 'Invalid Token'],
		];
		for (const [query, content] of cases) {
			const client = connect(query);
			await client.until('the close', () => client.closed !== undefined);
			assert.deepEqual(client.frames, [{ module: 'build_connection', success: false, content, header: {} }]);
		}
		const unknown = new Client(url.replace('SimSubscription01', 'NoSuchSubscription') + `&access_token=${token}`);
		clients.push(unknown);
		await unknown.until('the close', () => unknown.closed !== undefined);
		assert.match(unknown.frames[0].content!, /subscription does not exist/);
		await zoom.control('POST', '/clock/advance', { hours: 2 });
		const expired = connect(`&access_token=${token}`);
		await expired.until('the close', () => expired.closed !== undefined);
		assert.equal(expired.frames[0].content, 'Token is invalid');
	});

	it('answers the application heartbeat with "live"', async () => {
		const client = await connected();
		client.ws.send(JSON.stringify({ module: 'heartbeat' }));
		await client.until('the answer', () => client.frames.length === 2);
		assert.deepEqual(client.frames[1], { module: 'heartbeat', success: true, content: 'live', header: {} });
	});

	it('sends events as message frames whose content is the webhook body, and none while disconnected', async () => {
		await zoom.control('POST', '/ws/send', { event: 'meeting.started', payload: { account_id: 'a', object: { id: '1' } } });
		const client = await connected();
		await zoom.control('POST', '/ws/send', { event: 'meeting.ended', payload: { account_id: 'a', object: { id: '1' } }, event_ts: 5 });
		await client.until('the event', () => client.events().length === 1);
		assert.deepEqual(client.events()[0], { event: 'meeting.ended', payload: { account_id: 'a', object: { id: '1' } }, event_ts: 5 });
		const stats = (await zoom.control('GET', '/ws/stats')).body as { sent: number; missed: number };
		assert.deepEqual([stats.sent, stats.missed], [1, 1], 'the event before the connection was never delivered');
	});

	it('serves one consumer per subscription: a new connection closes the old one', async () => {
		const first = await connected();
		const second = await connected();
		await first.until('the takeover', () => first.closed !== undefined);
		assert.equal(first.frames.at(-1)!.content, 'Connected in another place');
		await zoom.control('POST', '/ws/send', { event: 'meeting.started', payload: { object: { id: '1' } } });
		await second.until('the event on the new connection', () => second.events().length === 1);
		assert.equal(first.events().length, 0);
	});

	it('closes a connection whose token expires or is revoked', async () => {
		const client = await connected();
		await zoom.control('POST', '/ws/expire-tokens', {});
		await client.until('the close', () => client.closed !== undefined);
		assert.deepEqual(client.frames.at(-1), { module: 'heartbeat', success: false, content: 'Token is invalid', header: {} });
		assert.equal(client.closed!.code, 1008);
		const again = await connected(`&access_token=${await serverToServerToken(zoom.running.baseUrl)}`);
		await zoom.control('POST', '/tokens/revoke', {});
		await again.until('the close after revocation', () => again.closed !== undefined, 3000);
	});

	it('drops, refuses during an outage, and stalls on request', async () => {
		const client = await connected();
		await zoom.control('POST', '/ws/drop', { refuseMs: 500 });
		await client.until('the drop', () => client.closed !== undefined);
		assert.equal(client.closed!.code, 1006, 'no close frame');
		const refused = connect(`&access_token=${token}`);
		await refused.until('the refusal', () => refused.closed !== undefined);
		assert.deepEqual(refused.frames, []);
		await new Promise((done) => setTimeout(done, 600));
		const stalled = await connected();
		await zoom.control('POST', '/ws/stall', {});
		stalled.ws.send(JSON.stringify({ module: 'heartbeat' }));
		await zoom.control('POST', '/ws/send', { event: 'meeting.started', payload: { object: { id: '1' } } });
		await new Promise((done) => setTimeout(done, 300));
		assert.equal(stalled.frames.length, 1, 'no heartbeat answer and no event while stalled');
		const deliveries = (await zoom.control('GET', '/ws/deliveries?bodies=false')).body as { deliveries: Array<{ state: string }> };
		assert.equal(deliveries.deliveries.at(-1)!.state, 'missed');
	});

	it("delivers a run's events over the socket, the webhook or both", async () => {
		const seeded = (await zoom.control('POST', '/seed', { meetings: [{ ...registrationMeeting, start_time: new Date().toISOString().replace(/\.\d+Z$/, 'Z') }] })).body as {
			meetings: Array<{ id: number }>;
		};
		const meetingId = seeded.meetings[0].id;
		await zoom.control('POST', '/seed', { registrants: [{ meetingId, count: 3, returnIds: false }] });
		const client = await connected();
		assert.equal(client.events().length, 0, 'seeding registrants sends nothing');
		const run = (await zoom.control('POST', '/runs', { meetingId, allRegistrants: {}, pace: 'burst', recording: false, delivery: 'socket', wait: true })).body as {
			events: number;
		};
		await client.until('every event of the run', () => client.events().length === run.events);
		assert.deepEqual(
			client.events().map((e) => e.event).filter((e, i, all) => all.indexOf(e) === i),
			['meeting.started', 'meeting.participant_joined', 'meeting.participant_left', 'meeting.ended'],
		);
		await zoom.control('POST', '/runs', { meetingId, allRegistrants: {}, pace: 'burst', recording: false, delivery: 'webhook', wait: true });
		await new Promise((done) => setTimeout(done, 200));
		assert.equal(client.events().length, run.events, "delivery 'webhook' sends nothing over the socket");
	});
});
