/**
 * The Zoom Ticketing Stream Trigger in a real n8n 2.41.1 (Node 24, which has a global WebSocket)
 * against the simulator's socket: the package loaded as a community node, the workflow imported
 * and activated from the CLI, its executions recording each batch to a sink over HTTP. Also n8n
 * 1.123.81 on this Node 20, where activation must fail naming the Node.js version needed.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';

import { WebSocket as WsClient } from 'ws';

import { simulatorControl } from '../../harness';
import { serverToServerCredentialData } from '../../harness/zoomCredentials';
import { launchN8n, type N8nInstance } from '../../n8n';
import { startSimulator, type RunningSimulator } from '../../zoom-simulator';
import { waitUntil } from './streamEngine';

const WORKFLOW_ID = 'zoomStream000001';
const BAD_WORKFLOW_ID = 'zoomStream000002';
const CREDENTIAL_ID = 'zoomStreamS2S001';
const BAD_CREDENTIAL_ID = 'zoomStreamBad001';
const TRIGGER = 'Zoom Ticketing Stream Trigger';
const SUBSCRIPTION_ID = 'n8nStreamSubscription1';
const OWNER = { email: 'owner@example.com', firstName: 'Stream', lastName: 'Owner', password: 'Stream-Passw0rd!' };

interface RecordedItem {
	eventId: string;
	event: string;
	gap: { from: string; to: string; reason: string } | null;
}

interface SocketStats {
	connections: number;
	replaced: number;
	heartbeats: number;
	missed: number;
	tokenClosures: number;
	consumers: Array<{ subscriptionId: string }>;
}

class Sink {
	readonly batches: RecordedItem[][] = [];
	private server?: Server;

	async start(): Promise<string> {
		this.server = createServer((req, res) => {
			let text = '';
			req.on('data', (chunk: Buffer) => (text += chunk.toString()));
			req.on('end', () => {
				this.batches.push((JSON.parse(text) as { items: RecordedItem[] }).items);
				res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
			});
		});
		await new Promise<void>((done) => this.server!.listen(0, '127.0.0.1', done));
		return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/batch`;
	}

	events(): RecordedItem[] {
		return this.batches.flat().filter((item) => item.event !== 'stream.gap');
	}

	markers(): RecordedItem[] {
		return this.batches.flat().filter((item) => item.event === 'stream.gap');
	}

	async close(): Promise<void> {
		if (!this.server) return;
		this.server.closeAllConnections();
		await new Promise<void>((done) => this.server!.close(() => done()));
	}
}

function streamWorkflow(id: string, credentialId: string, subscription: string, sinkUrl: string) {
	return {
		id,
		name: `Zoom stream ${id}`,
		active: false,
		settings: { executionOrder: 'v1' },
		connections: { [TRIGGER]: { main: [[{ node: 'Record batch', type: 'main', index: 0 }]] } },
		nodes: [
			{
				id: `${id}-trigger`,
				name: TRIGGER,
				type: 'n8n-nodes-zoom-ticketing.zoomTicketingStreamTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {
					authentication: 'serverToServerOAuth',
					subscription,
					options: { heartbeatSeconds: 1, maxReconnectSeconds: 2, maxBatchSize: 50, maxWaitMs: 300 },
				},
				credentials: { zoomTicketingServerToServerOAuthApi: { id: credentialId, name: `Zoom ${credentialId}` } },
			},
			{
				id: `${id}-record`,
				name: 'Record batch',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [220, 0],
				executeOnce: true,
				parameters: {
					method: 'POST',
					url: sinkUrl,
					sendBody: true,
					specifyBody: 'json',
					jsonBody:
						'={{ JSON.stringify({ items: $input.all().map(item => ({ eventId: item.json.eventId, event: item.json.event, gap: item.json.gap ?? null })) }) }}',
					options: {},
				},
			},
		],
	};
}

function participantEvent(n: number): Record<string, unknown> {
	return {
		event: 'webinar.participant_joined',
		payload: {
			account_id: 'sim-account',
			object: {
				id: '93012345678',
				uuid: 'd2ViaW5hclVVSUQ9PQ==',
				topic: 'Stream in n8n',
				type: 5,
				participant: { user_id: String(n), user_name: `Attendee ${n}`, participant_uuid: `N${n}`, join_time: '2026-12-03T19:00:00Z' },
			},
		},
		event_ts: 1_764_788_400_000 + n,
	};
}

async function signIn(baseUrl: string): Promise<string> {
	const deadline = Date.now() + 60_000;
	for (;;) {
		const response = await fetch(`${baseUrl}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(OWNER),
		});
		const cookie = response.headers.get('set-cookie');
		if (response.ok && cookie) return cookie.split(';')[0];
		if (response.status !== 503 || Date.now() > deadline) throw new Error(`owner setup: ${response.status} ${await response.text()}`);
		await new Promise((done) => setTimeout(done, 500));
	}
}

describe('Zoom Ticketing Stream Trigger in real n8n 2.41.1', () => {
	let sim: RunningSimulator;
	let n8n: N8nInstance | undefined;
	const sink = new Sink();
	const control = <T>(method: string, path: string, body?: unknown) => simulatorControl<T>(sim.baseUrl, method, path, body);
	const stats = () => control<SocketStats>('GET', 'ws/stats');
	let next = 0;
	const send = async (count: number) => {
		for (let i = 0; i < count; i++) await control('POST', 'ws/send', participantEvent(next++));
	};

	before(async () => {
		sim = await startSimulator({ port: 0, tokenTtlSeconds: 12 });
		const subscription = await control<{ url: string }>('POST', 'ws/subscriptions', { id: SUBSCRIPTION_ID });
		const other = await control<{ url: string }>('POST', 'ws/subscriptions', { id: 'n8nStreamSubscription2' });
		const sinkUrl = await sink.start();
		n8n = await launchN8n({
			version: '2.41.1',
			credentials: [
				{ id: CREDENTIAL_ID, name: `Zoom ${CREDENTIAL_ID}`, type: 'zoomTicketingServerToServerOAuthApi', data: serverToServerCredentialData(sim.baseUrl) },
				{
					id: BAD_CREDENTIAL_ID,
					name: `Zoom ${BAD_CREDENTIAL_ID}`,
					type: 'zoomTicketingServerToServerOAuthApi',
					data: serverToServerCredentialData(sim.baseUrl, { clientSecret: 'not-the-secret' }),
				},
			],
			workflows: [
				streamWorkflow(WORKFLOW_ID, CREDENTIAL_ID, subscription.url, sinkUrl),
				streamWorkflow(BAD_WORKFLOW_ID, BAD_CREDENTIAL_ID, other.url, sinkUrl),
			],
		});
		const deadline = Date.now() + 60_000;
		while ((await stats()).consumers.length === 0) {
			if (Date.now() > deadline) throw new Error(`n8n did not connect:\n${n8n.logs().slice(-4000)}`);
			await new Promise((done) => setTimeout(done, 250));
		}
	});

	after(async () => {
		await n8n?.stop();
		await sink.close();
		await sim?.close();
	});

	test('events arrive in batches, each once, with heartbeats on one subscription', async () => {
		await send(120);
		await waitUntil('120 events in the sink', () => sink.events().length >= 120, 60_000);
		const ids = sink.events().map((item) => item.eventId);
		assert.equal(new Set(ids).size, 120, 'each event once');
		assert.ok(sink.batches.length < 120, `batched: ${sink.batches.length} executions for 120 events`);
		assert.ok(sink.batches.every((batch) => batch.length <= 50));
		await waitUntil('a heartbeat answered on the subscription', async () => (await stats()).heartbeats >= 1, 10_000);
	});

	test('the token is renewed before it expires, without a gap', async () => {
		const deadline = Date.now() + 30_000;
		while ((await stats()).connections < 2) {
			if (Date.now() > deadline) throw new Error('no renewal within 30 s');
			await new Promise((done) => setTimeout(done, 250));
		}
		const now = await stats();
		assert.equal(now.tokenClosures, 0);
		assert.deepEqual(sink.markers(), []);
	});

	test('a drop and a silent stall are each recovered with a gap marker', async () => {
		await control('POST', 'ws/drop', { refuseMs: 1500 });
		await waitUntil('the marker after the drop', () => sink.markers().length === 1, 30_000);
		await control('POST', 'ws/stall', {});
		await waitUntil('the marker after the stall', () => sink.markers().length === 2, 30_000);
		const before = sink.events().length;
		await send(5);
		await waitUntil('events after the recoveries', () => sink.events().length === before + 5, 30_000);
		for (const marker of sink.markers()) assert.ok(Date.parse(marker.gap!.to) >= Date.parse(marker.gap!.from));
	});

	test('a second consumer cuts the trigger off; it takes the subscription back', async () => {
		const token = await fetch(`${sim.baseUrl}/oauth/token`, {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				authorization: `Basic ${Buffer.from('sim-client:sim-secret').toString('base64')}`,
			},
			body: 'grant_type=client_credentials',
		}).then(async (response) => ((await response.json()) as { access_token: string }).access_token);
		const markers = sink.markers().length;
		const other = new WsClient(`ws://127.0.0.1:${sim.port}/ws?subscriptionId=${SUBSCRIPTION_ID}&access_token=${token}`);
		const frames: string[] = [];
		other.on('message', (data) => frames.push(data.toString()));
		await waitUntil('n8n to take the subscription back', () => frames.some((frame) => frame.includes('Connected in another place')), 30_000);
		other.close();
		await waitUntil('the marker', () => sink.markers().length === markers + 1, 30_000);
		assert.match(sink.markers().at(-1)!.gap!.reason, /Connected in another place/);
	});

	test("a manual run from the editor listens beside the active workflow and does not cut it off", async () => {
		const cookie = await signIn(n8n!.baseUrl);
		const markers = sink.markers().length;
		const attached = /this manual run listens to the production connection of the same subscription/g;
		const attachedBefore = n8n!.logs().match(attached)?.length ?? 0;
		const replacedBefore = (await simulatorControl<{ replaced: number }>(sim.baseUrl, 'GET', 'ws/stats')).replaced;
		const started = await fetch(`${n8n!.baseUrl}/rest/workflows/${WORKFLOW_ID}/run`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', cookie },
			body: JSON.stringify({ triggerToStartFrom: { name: TRIGGER } }),
		});
		const answer = (await started.json()) as { data: { executionId: string } };
		assert.ok(started.ok, JSON.stringify(answer));
		const executionId = answer.data.executionId;
		await waitUntil('the manual run to listen', () => (n8n!.logs().match(attached)?.length ?? 0) > attachedBefore, 30_000);
		await send(3);
		let status = '';
		const deadline = Date.now() + 30_000;
		while (Date.now() < deadline) {
			const response = await fetch(`${n8n!.baseUrl}/rest/executions/${executionId}`, { headers: { cookie } });
			status = ((await response.json()) as { data: { status: string } }).data.status;
			if (status === 'success' || status === 'error') break;
			await new Promise((done) => setTimeout(done, 250));
		}
		assert.equal(status, 'success');
		// Had the manual run connected, Zoom would have cut the production connection off.
		assert.equal((await simulatorControl<{ replaced: number }>(sim.baseUrl, 'GET', 'ws/stats')).replaced, replacedBefore, 'no second connection took the subscription');
		assert.equal(sink.markers().length, markers, 'the production connection was not cut off');
	});

	test('a workflow whose credential Zoom refuses fails activation saying so', () => {
		assert.match(n8n!.logs(), /Zoom refused the credential: Zoom's token endpoint answered HTTP 401/);
	});
});

describe('Zoom Ticketing Stream Trigger in real n8n 1.123.81 on Node 20', { skip: Number(process.versions.node.split('.')[0]) >= 22 && 'n8n 1.x runs on this Node, which has a WebSocket' }, () => {
	test('activation fails naming the Node.js version needed', async () => {
		const sim = await startSimulator({ port: 0 });
		const sink = new Sink();
		const sinkUrl = await sink.start();
		let n8n: N8nInstance | undefined;
		try {
			const subscription = await simulatorControl<{ url: string }>(sim.baseUrl, 'POST', 'ws/subscriptions', {});
			n8n = await launchN8n({
				version: '1.123.81',
				credentials: [{ id: CREDENTIAL_ID, name: `Zoom ${CREDENTIAL_ID}`, type: 'zoomTicketingServerToServerOAuthApi', data: serverToServerCredentialData(sim.baseUrl) }],
				workflows: [streamWorkflow(WORKFLOW_ID, CREDENTIAL_ID, subscription.url, sinkUrl)],
			});
			await waitUntil('the activation error in the log', () => /needs Node\.js 22 or later/.test(n8n!.logs()), 60_000);
		} finally {
			await n8n?.stop();
			await sink.close();
			await sim.close();
		}
	});
});
