/**
 * The Zoom Ticketing Stream Trigger in n8n's engine against the simulator's WebSocket endpoint.
 * Node 20 has no global WebSocket unless started with --experimental-websocket (test/run.mjs adds
 * it); without it these tests are skipped and only the refusal test runs.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, beforeEach, describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';
import { WebSocket as WsClient } from 'ws';

import { simulatorControl } from '../../harness';
import { serverToServerCredentialData, oauth2CredentialData } from '../../harness/zoomCredentials';
import { startSimulator, type RunningSimulator } from '../../zoom-simulator';
import type { RunRecord } from '../../zoom-simulator/runner';
import { normalizeZoomEvent } from '../../../nodes/ZoomTicketingTrigger/normalize';
import { activateStream, waitUntil, type ActiveStream } from './streamEngine';

const hasWebSocket = typeof (globalThis as { WebSocket?: unknown }).WebSocket === 'function';
const skip = hasWebSocket ? false : 'this Node has no global WebSocket (run with --experimental-websocket, as test/run.mjs does)';

interface SocketStats {
	connections: number;
	refused: number;
	replaced: number;
	stalls: number;
	heartbeats: number;
	flaps: number;
	sent: number;
	missed: number;
	tokenClosures: number;
	consumers: Array<{ subscriptionId: string }>;
}

let sim: RunningSimulator;
let subscriptionUrl: string;
let subscriptionId: string;
const open: ActiveStream[] = [];

const control = <T = IDataObject>(method: string, path: string, body?: unknown) => simulatorControl<T>(sim.baseUrl, method, path, body);
const stats = () => control<SocketStats>('GET', 'ws/stats');

function participantEvent(n: number, event = 'meeting.participant_joined'): IDataObject {
	return {
		event,
		payload: {
			account_id: 'sim-account',
			object: {
				id: '85012345678',
				uuid: 'cGFydHlVVUlEPT0=',
				topic: 'Stream test',
				type: 2,
				host_id: 'host-1',
				participant: {
					user_id: String(16778240 + n),
					user_name: `Attendee ${n}`,
					email: `attendee${n}@attendees.example.com`,
					participant_uuid: `P${String(n).padStart(6, '0')}`,
					join_time: '2026-12-03T18:00:00Z',
				},
			},
		},
		event_ts: 1_764_784_800_000 + n,
	};
}

async function sendEvents(from: number, count: number, event?: string): Promise<void> {
	for (let n = from; n < from + count; n++) await control('POST', 'ws/send', participantEvent(n, event));
}

async function simulatorToken(): Promise<string> {
	const response = await fetch(`${sim.baseUrl}/oauth/token`, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			authorization: `Basic ${Buffer.from('sim-client:sim-secret').toString('base64')}`,
		},
		body: 'grant_type=account_credentials&account_id=sim-account',
	});
	return ((await response.json()) as { access_token: string }).access_token;
}

async function start(options: IDataObject = {}, extra: Partial<Parameters<typeof activateStream>[0]> = {}): Promise<ActiveStream> {
	const stream = await activateStream({
		parameters: {
			authentication: 'serverToServerOAuth',
			subscription: subscriptionUrl,
			options: { heartbeatSeconds: 1, maxReconnectSeconds: 2, maxBatchSize: 50, maxWaitMs: 200, ...options },
		},
		credentialType: 'zoomTicketingServerToServerOAuthApi',
		credentialData: serverToServerCredentialData(sim.baseUrl),
		...extra,
	});
	open.push(stream);
	return stream;
}

describe('Zoom Ticketing Stream Trigger in the engine', { skip }, () => {
	before(async () => {
		sim = await startSimulator({ port: 0 });
	});

	beforeEach(async () => {
		while (open.length > 0) await open.pop()!.close();
		await control('POST', 'reset');
		const created = await control<{ id: string; url: string }>('POST', 'ws/subscriptions', {});
		subscriptionUrl = created.url;
		subscriptionId = created.id;
	});

	after(async () => {
		while (open.length > 0) await open.pop()!.close();
		await sim.close();
	});

	test('emits events in batches bounded by size and wait, with the webhook trigger item shape and eventId', async () => {
		// Two full batches flush at once; the last two wait out Max Batch Wait.
		const stream = await start({ maxBatchSize: 5, maxWaitMs: 5000 });
		await sendEvents(0, 12);
		await stream.waitFor('12 events', () => stream.events().length === 12);
		assert.deepEqual(stream.batches.map((batch) => batch.length), [5, 5, 2]);
		const deliveries = await control<{ deliveries: Array<{ body: string; state: string }> }>('GET', 'ws/deliveries');
		const expected = deliveries.deliveries.map((d) => normalizeZoomEvent(JSON.parse(d.body)));
		assert.deepEqual(stream.events(), expected);
		assert.equal(new Set(stream.events().map((item) => item.eventId)).size, 12);
		const runs = await Promise.all(stream.executions);
		assert.ok(runs.every((run) => run.status === 'success'), 'every batch ran as an execution');
		assert.deepEqual(stream.markers(), [], 'no gap without a re-connect');
	});

	test('Max Batch Size 1 starts one execution per event', async () => {
		const stream = await start({ maxBatchSize: 1 });
		await sendEvents(100, 4);
		await stream.waitFor('4 events', () => stream.events().length === 4);
		assert.deepEqual(stream.batches.map((batch) => batch.length), [1, 1, 1, 1]);
	});

	test("a meeting run played over the socket arrives complete, each event once", async () => {
		const seeded = await control<{ meetings: Array<{ id: number }> }>('POST', 'seed', {
			meetings: [{ topic: 'Socket run', type: 2, duration: 30, start_time: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), settings: { approval_type: 0 } }],
		});
		const meetingId = seeded.meetings[0].id;
		await control('POST', 'seed', { registrants: [{ meetingId, count: 40, returnIds: false }] });
		const stream = await start({ maxBatchSize: 25, maxWaitMs: 300 });
		const run = await control<RunRecord>('POST', 'runs', {
			meetingId,
			allRegistrants: { join: 0, leave: 30 },
			pace: 'burst',
			recording: false,
			delivery: 'socket',
		});
		await stream.waitFor(`${run.events} events`, () => stream.events().length === run.events);
		const joins = stream.events().filter((item) => item.event === 'meeting.participant_joined');
		assert.equal(joins.length, 40);
		assert.equal(new Set(stream.events().map((item) => item.eventId)).size, run.events);
		assert.ok(stream.batches.every((batch) => batch.length <= 25));
		const webhook = await control<{ total: number }>('GET', 'webhooks/deliveries?bodies=false');
		assert.equal(webhook.total, 0, "delivery 'socket' sends nothing to webhooks");
	});

	test('sends the application heartbeat and stays on one connection', async () => {
		const stream = await start({ heartbeatSeconds: 1 });
		await waitUntil('3 heartbeats answered', async () => (await stats()).heartbeats >= 3, 15_000);
		assert.equal((await stats()).connections, 1);
		assert.deepEqual(stream.markers(), []);
	});

	test('a dropped connection is re-opened with back-off and a gap marker spans the outage', async () => {
		const stream = await start();
		await sendEvents(200, 3);
		await stream.waitFor('3 events before the drop', () => stream.events().length === 3);
		const droppedAt = Date.now();
		await control('POST', 'ws/drop', { refuseMs: 1500 });
		await sendEvents(203, 2);
		await stream.waitFor('the gap marker', () => stream.markers().length === 1, 10_000);
		const marker = stream.markers()[0];
		const gap = marker.gap as IDataObject;
		assert.ok(Date.parse(gap.from as string) <= droppedAt, 'the gap starts at or before the drop');
		assert.ok(Date.parse(gap.to as string) >= droppedAt + 1500, 'the gap ends after the outage');
		assert.match(String(gap.reason), /closed|failed/);
		assert.equal(marker.startTime, gap.from);
		assert.equal(marker.endTime, gap.to);
		assert.equal(typeof marker.eventId, 'string');
		assert.deepEqual(Object.keys(marker).filter((key) => key !== 'gap').sort(), Object.keys(stream.events()[0]).sort());
		await sendEvents(205, 2);
		await stream.waitFor('events after the re-connect', () => stream.events().length === 5);
		const after = await stats();
		assert.equal(after.missed, 2, 'events during the outage are not delivered (Zoom does not re-send)');
		assert.ok(after.refused >= 1, 'at least one attempt hit the outage');
		assert.deepEqual(stream.errors, []);
	});

	test('when the first attempt fails, the gap marker starts at activation', async () => {
		await control('POST', 'ws/drop', { refuseMs: 1500 });
		const activatedFrom = Date.now();
		const stream = await start();
		await sendEvents(250, 1);
		await stream.waitFor('the gap marker', () => stream.markers().length === 1, 10_000);
		const gap = stream.markers()[0].gap as IDataObject;
		assert.ok(Date.parse(gap.from as string) >= activatedFrom && Date.parse(gap.from as string) <= activatedFrom + 1500, `from ${String(gap.from)}`);
		assert.ok(Date.parse(gap.to as string) >= activatedFrom + 1500, 'the gap ends after the outage');
		assert.equal((await stats()).missed, 1);
		assert.deepEqual(stream.errors, []);
	});

	test('a silent (stalled) connection is noticed and replaced', async () => {
		const stream = await start({ heartbeatSeconds: 1 });
		await control('POST', 'ws/stall', {});
		await stream.waitFor('the gap marker after the stall', () => stream.markers().length === 1, 10_000);
		await sendEvents(300, 2);
		await stream.waitFor('events after the stall', () => stream.events().length === 2);
		const now = await stats();
		assert.equal(now.stalls, 1);
		assert.equal(now.connections, 2, 'the trigger let the silent connection go and opened a new one');
		assert.deepEqual(stream.errors, []);
	});

	test('renews its token before it expires without a gap or a lost event', async () => {
		await control('POST', 'config', { tokenTtlSeconds: 4 });
		const stream = await start({ heartbeatSeconds: 1 });
		for (let n = 0; n < 50; n++) {
			await control('POST', 'ws/send', participantEvent(400 + n));
			await new Promise((done) => setTimeout(done, 100));
		}
		await stream.waitFor('50 events', () => stream.events().length === 50);
		const now = await stats();
		assert.ok(now.connections >= 2, `connections: ${now.connections}`);
		assert.equal(now.missed, 0);
		assert.equal(now.tokenClosures, 0, 'the token was renewed before the simulator had to close for expiry');
		assert.deepEqual(stream.markers(), []);
	});

	test('after a refused renewal the token is renewed again before it expires, without a gap', async () => {
		// Renewal at 90 % of a 15 s token; a refused one is retried 0.5 to 1 s later, before expiry.
		await control('POST', 'config', { tokenTtlSeconds: 15 });
		const stream = await start({ heartbeatSeconds: 1 });
		await control('POST', 'ws/refuse-tokens', { count: 1 });
		await waitUntil('the refused renewal', async () => (await stats()).refused === 1, 20_000);
		await waitUntil('the second renewal', async () => (await stats()).connections === 2, 10_000);
		await sendEvents(450, 1);
		await stream.waitFor('an event on the renewed connection', () => stream.events().length === 1);
		const now = await stats();
		assert.equal(now.tokenClosures, 0, 'the old connection was let go before its token expired');
		assert.deepEqual(stream.markers(), []);
		assert.deepEqual(stream.errors, []);
	});

	test('an expired token on an open connection is replaced with a new one', async () => {
		const stream = await start();
		await control('POST', 'ws/expire-tokens', {});
		await stream.waitFor('the gap marker after expiry', () => stream.markers().length === 1, 10_000);
		await sendEvents(500, 1);
		await stream.waitFor('an event on the new token', () => stream.events().length === 1);
		assert.equal((await stats()).tokenClosures, 1);
		assert.deepEqual(stream.errors, []);
	});

	test('a second consumer takes the subscription over; the trigger takes it back once that one is gone', async () => {
		const stream = await start({ maxReconnectSeconds: 2 });
		const token = await simulatorToken();
		const other = new WsClient(`${subscriptionUrl}&access_token=${token}`);
		const otherFrames: string[] = [];
		other.on('message', (data) => otherFrames.push(data.toString()));
		await waitUntil('the other consumer to connect', () => otherFrames.length >= 1);
		await waitUntil('the trigger to take the subscription back', () => otherFrames.some((f) => f.includes('Connected in another place')), 10_000);
		other.close();
		await stream.waitFor('the gap marker', () => stream.markers().length === 1, 10_000);
		assert.match(String((stream.markers()[0].gap as IDataObject).reason), /Connected in another place/);
		await sendEvents(600, 1);
		await stream.waitFor('an event', () => stream.events().length === 1);
		assert.deepEqual(stream.errors, []);
	});

	test('a server that confirms and then closes gets a growing back-off, not a re-connect every second', async () => {
		const stream = await start({ maxReconnectSeconds: 4 });
		await control('POST', 'ws/flap', { count: 3 });
		await control('POST', 'ws/drop', {});
		await stream.waitFor('4 gap markers', () => stream.markers().length === 4, 20_000);
		const seconds = stream.markers().map((marker) => Number((marker.gap as IDataObject).seconds));
		// Back-off ceilings 1, 2, 4, 4 s, each jittered down to half at most.
		assert.ok(seconds[2] >= 1.9 && seconds[3] >= 1.9, `gaps: ${seconds.join(', ')} s`);
		assert.equal((await stats()).flaps, 3);
		assert.deepEqual(stream.errors, []);
	});

	test('a subscription taken over again and again stops the trigger, saying why', async () => {
		const stream = await start({ maxReconnectSeconds: 1 });
		const token = await simulatorToken();
		const others: WsClient[] = [];
		// A consumer that takes the subscription back each time it is cut off, as a second trigger would.
		const connectOther = () => {
			const other = new WsClient(`${subscriptionUrl}&access_token=${token}`);
			others.push(other);
			other.on('message', (data) => {
				if (data.toString().includes('Connected in another place')) connectOther();
			});
		};
		try {
			connectOther();
			await stream.waitFor('emitError', () => stream.errors.length === 1, 30_000);
			assert.match(stream.errors[0].message, /took the subscription \S+ over 5 times within 10 minutes .*give each workflow or n8n installation its own Event Subscription/);
			const replaced = (await stats()).replaced;
			await new Promise((done) => setTimeout(done, 1500));
			assert.equal((await stats()).replaced, replaced, 'the stopped trigger does not connect again');
		} finally {
			for (const other of others) other.close();
		}
	});

	test('a manual run beside the active workflow listens to its connection instead of opening a second one', async () => {
		const production = await start();
		// n8n 2.x hands manual runs the workflow with active: false, whatever its state.
		const manual = await start({}, { mode: 'manual', active: false });
		await sendEvents(700, 2);
		const data = await manual.response!.manualTriggerResponse!;
		assert.deepEqual(
			data[0].map((item) => item.json.eventId),
			production.batches[0].map((item) => item.eventId),
			'the manual run gets the batch the production workflow got',
		);
		const now = await stats();
		assert.equal(now.connections, 1, 'no second connection');
		assert.equal(now.replaced, 0);
		await manual.close();
		await sendEvents(702, 1);
		await production.waitFor('the production stream to go on', () => production.events().length === 3);
	});

	test('a manual run with another credential does not listen to the active workflow on the same subscription', async () => {
		await start();
		await assert.rejects(
			start({}, { mode: 'manual', active: false, credentialId: 'another-credential' }),
			/An active workflow with another credential holds this Zoom subscription/,
		);
		const now = await stats();
		assert.equal(now.connections, 1);
		assert.equal(now.replaced, 0);
	});

	test('a second active workflow on the same subscription is refused instead of fighting over it', async () => {
		const first = await start();
		await assert.rejects(start(), /Another active workflow in this n8n already listens to the Zoom subscription/);
		await sendEvents(750, 1);
		await first.waitFor('the first workflow to go on', () => first.events().length === 1);
		const now = await stats();
		assert.equal(now.connections, 1);
		assert.equal(now.replaced, 0);
		await first.close();
		const next = await start();
		await sendEvents(751, 1);
		await next.waitFor('a workflow activated after the first one closed', () => next.events().length === 1);
	});

	test('a manual run on its own connection stops when another consumer takes the subscription, without taking it back', async () => {
		const manual = await start({}, { mode: 'manual', active: false });
		// n8n awaits the manual response; emitError rejects it.
		const outcome = manual.response!.manualTriggerResponse!.then(
			() => new Error('the test run returned data'),
			(error: Error) => error,
		);
		const other = new WsClient(`${subscriptionUrl}&access_token=${await simulatorToken()}`);
		try {
			const timeout = new Promise<Error>((done) => setTimeout(() => done(new Error('no outcome within 10 s')), 10_000).unref());
			assert.match((await Promise.race([outcome, timeout])).message, /another connection holds the subscription .*this test run stopped/);
			await new Promise((done) => setTimeout(done, 1500));
			const now = await stats();
			assert.equal(now.connections, 2, 'the test run did not connect again');
			assert.equal(now.replaced, 1);
		} finally {
			other.close();
		}
	});

	test('a manual run refuses when the host says the workflow is active but its connection is elsewhere', async () => {
		await assert.rejects(
			start({}, { mode: 'manual', active: true }),
			/This workflow is active, so its production connection holds the Zoom subscription/,
		);
		assert.equal((await stats()).connections, 0);
	});

	test('a manual run of an inactive workflow returns the first batch', async () => {
		// Max Batch Wait well beyond the two control calls that send the events, so both are in the one batch.
		const manual = await start({ maxWaitMs: 2000 }, { mode: 'manual', active: false });
		assert.ok(manual.response?.manualTriggerResponse, 'n8n waits on the manual response');
		await sendEvents(800, 2);
		const data = await manual.response!.manualTriggerResponse!;
		assert.equal(data[0].length, 2);
		assert.equal(data[0][0].json.event, 'meeting.participant_joined');
	});

	test('bad credentials and an unknown subscription fail activation with what is wrong', async () => {
		await assert.rejects(
			activateStream({
				parameters: { authentication: 'serverToServerOAuth', subscription: subscriptionUrl },
				credentialType: 'zoomTicketingServerToServerOAuthApi',
				credentialData: serverToServerCredentialData(sim.baseUrl, { clientSecret: 'wrong' }),
			}),
			/Zoom refused the credential: Zoom's token endpoint answered HTTP 401 \(invalid_client/,
		);
		await assert.rejects(
			start({}, { parameters: { authentication: 'serverToServerOAuth', subscription: 'NoSuchSubscription1' } }),
			/Zoom refused the subscription NoSuchSubscription1/,
		);
		await assert.rejects(
			activateStream({
				parameters: { authentication: 'serverToServerOAuth', subscription: 'wss://evil.example.com/ws?subscriptionId=abcdef' },
				credentialType: 'zoomTicketingServerToServerOAuthApi',
				credentialData: { ...serverToServerCredentialData(sim.baseUrl), environment: 'zoom' },
			}),
			/Subscription points at evil.example.com, which is not a Zoom host/,
		);
		assert.equal((await stats()).connections, 0);
	});

	test('a subscription deleted while connected stops the trigger through emitError', async () => {
		const stream = await start();
		await control('DELETE', 'ws/subscriptions', { id: subscriptionId });
		await stream.waitFor('emitError', () => stream.errors.length === 1, 10_000);
		assert.match(stream.errors[0].message, /Zoom refused the subscription/);
	});

	test('the OAuth2 credential connects with the client_credentials grant', async () => {
		const stream = await activateStream({
			parameters: { authentication: 'oAuth2', subscription: subscriptionId, options: { maxWaitMs: 100 } },
			credentialType: 'zoomTicketingOAuth2Api',
			credentialData: oauth2CredentialData(sim.baseUrl),
		});
		open.push(stream);
		await sendEvents(900, 1);
		await stream.waitFor('an event', () => stream.events().length === 1);
		const tokens = await control<{ requests: Array<{ path: string }> }>('GET', 'requests?path=/oauth/token');
		assert.ok(tokens.requests.length >= 1);
	});
});

describe('on a Node without a global WebSocket', () => {
	test('activation fails naming the Node.js version needed', () => {
		const script = `
			const { activateStream } = require(${JSON.stringify(require.resolve('./streamEngine'))});
			activateStream({ parameters: { authentication: 'serverToServerOAuth', subscription: 'abcdef123' }, credentialType: 'zoomTicketingServerToServerOAuthApi', credentialData: {} })
				.then(() => console.log('ACTIVATED'), (error) => console.log('REFUSED: ' + error.message));
		`;
		const child = spawnSync(process.execPath, ['--no-experimental-websocket', '--import', 'tsx', '-e', script], {
			encoding: 'utf8',
			timeout: 60_000,
			env: { ...process.env, NODE_OPTIONS: '' },
		});
		const output = `${child.stdout}${child.stderr}`;
		assert.match(output, /REFUSED: The Zoom Ticketing Stream Trigger needs Node\.js 22 or later/, output.slice(-2000));
	});
});
