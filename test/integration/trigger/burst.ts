/**
 * The trigger's burst scenario in real n8n, shared by the benchmark case
 * (test/bench/cases/trigger-burst-1k.ts, figures) and the integration test
 * (trigger-burst.test.ts, correctness only).
 *
 * n8n (pinned, test/n8n) runs one workflow: Zoom Ticketing Trigger → HTTP Request that posts the
 * item's eventId to a sink. The simulator registers n8n's webhook URL (URL validation handshake
 * through n8n), then runs a webinar whose start, joins, leaves and end make `signedEvents`
 * signed deliveries, sent as fast as its webhook sender goes at the given concurrency. Then
 * `forgedEvents` forged requests (wrong secret, made-up signature, stale timestamp, one byte
 * changed) go to the same URL. The outcome says what Zoom's sender saw (acknowledgements and
 * their times, retries), what n8n recorded (executions) and what reached the sink.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, Agent, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { launchN8n, type N8nInstance } from '../../n8n';
import { N8nRest } from '../../n8n/rest';
import { startSimulator, type RunningSimulator } from '../../zoom-simulator';

export const WEBHOOK_SECRET = 'sim-webhook-secret';
const WORKFLOW_ID = 'zoomTrigBurst001';
const CREDENTIAL_ID = 'zoomWebhook00001';
const WEBHOOK_PATH = 'zoom/events';

export interface BurstOptions {
	/**
	 * Signed events: a webinar's start and end, its recording.completed and
	 * recording.transcript_completed, and a join and a leave per registrant.
	 */
	signedEvents?: number;
	forgedEvents?: number;
	/** Deliveries (and forged requests) in flight at once; default: the simulator's (16). */
	concurrency?: number;
	/** How long the simulator waits for a 2xx before it retries; default: Zoom's 3 s. */
	ackTimeoutMs?: number;
	n8nVersion?: string;
	log?: (line: string) => void;
}

export interface BurstOutcome {
	n8nVersion: string;
	signedSent: number;
	eventCounts: Record<string, number>;
	/** Deliveries the simulator saw acknowledged with 2xx at the first attempt. */
	acceptedFirstAttempt: number;
	/** Deliveries acknowledged at all (retries included). */
	delivered: number;
	failed: number;
	retries: number;
	ackMsP50: number;
	ackMsP99: number;
	ackMsMax: number;
	/** From the first delivery to the last acknowledgement. */
	burstSeconds: number;
	/** From the first delivery until the sink had every eventId. */
	drainSeconds: number;
	executionsAfterSigned: number;
	successfulExecutions: number;
	sinkReceived: number;
	sinkDistinctEventIds: number;
	forgedSent: number;
	forgedStatuses: Record<string, number>;
	executionsAfterForged: number;
	sinkAfterForged: number;
}

function percentile(sorted: number[], q: number): number {
	if (sorted.length === 0) return 0;
	return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

async function sleep(ms: number): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, ms));
}

function workflow(sinkUrl: string) {
	return {
		id: WORKFLOW_ID,
		name: 'Zoom trigger burst',
		active: false,
		settings: { executionOrder: 'v1' },
		connections: {
			'Zoom Ticketing Trigger': { main: [[{ node: 'Record event', type: 'main', index: 0 }]] },
		},
		nodes: [
			{
				id: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a51',
				name: 'Zoom Ticketing Trigger',
				type: 'n8n-nodes-zoom-ticketing.zoomTicketingTrigger',
				typeVersion: 1.1,
				position: [0, 0],
				webhookId: '8d2e4f60-1a3b-4c5d-9e7f-a0b1c2d3e4f5',
				parameters: { path: WEBHOOK_PATH, events: ['*'] },
				credentials: { zoomTicketingWebhookApi: { id: CREDENTIAL_ID, name: 'Zoom webhook (simulator)' } },
			},
			{
				id: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a52',
				name: 'Record event',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [220, 0],
				parameters: {
					method: 'POST',
					url: sinkUrl,
					sendBody: true,
					specifyBody: 'json',
					jsonBody: '={{ JSON.stringify({ eventId: $json.eventId, event: $json.event }) }}',
					options: {},
				},
			},
		],
	};
}

class Sink {
	readonly eventIds: string[] = [];
	private server?: Server;

	async start(): Promise<string> {
		this.server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				try {
					this.eventIds.push(String((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { eventId: unknown }).eventId));
				} catch {
					this.eventIds.push('<unparsable>');
				}
				res.writeHead(204);
				res.end();
			});
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/events`;
	}

	async stop(): Promise<void> {
		if (!this.server) return;
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server!.close(() => resolve()));
	}
}

async function control<T>(sim: RunningSimulator, method: string, path: string, body?: unknown): Promise<T> {
	const response = await fetch(`${sim.baseUrl}/_sim/${path}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`simulator ${method} ${path}: ${response.status} ${text}`);
	return (text ? JSON.parse(text) : {}) as T;
}

function sign(secret: string, timestamp: string, body: Buffer): string {
	return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(body).digest('hex')}`;
}

/** One forged request of four kinds, each a way an attacker or a replay could try to get in. */
function forgedRequest(n: number): { headers: Record<string, string>; body: Buffer } {
	const now = Math.floor(Date.now() / 1000);
	const event = {
		event: 'webinar.participant_joined',
		event_ts: Date.now(),
		payload: {
			account_id: 'sim-account',
			object: {
				id: '95012345678',
				uuid: 'forged==',
				host_id: 'forged-host',
				topic: 'Forged',
				type: 5,
				participant: { user_id: String(n), user_name: `Intruder ${n}`, join_time: new Date().toISOString(), email: `x${n}@forged.example` },
			},
		},
	};
	const body = Buffer.from(JSON.stringify(event));
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	switch (n % 4) {
		case 0:
			headers['x-zm-request-timestamp'] = String(now);
			headers['x-zm-signature'] = sign('guessed-secret', String(now), body);
			break;
		case 1:
			headers['x-zm-request-timestamp'] = String(now);
			headers['x-zm-signature'] = `v0=${randomBytes(32).toString('hex')}`;
			break;
		case 2:
			headers['x-zm-request-timestamp'] = String(now - 600);
			headers['x-zm-signature'] = sign(WEBHOOK_SECRET, String(now - 600), body);
			break;
		default: {
			headers['x-zm-request-timestamp'] = String(now);
			headers['x-zm-signature'] = sign(WEBHOOK_SECRET, String(now), body);
			body[body.indexOf('Intruder')] = 'i'.charCodeAt(0);
		}
	}
	return { headers, body };
}

async function sendForged(url: string, count: number, concurrency: number): Promise<Record<string, number>> {
	const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
	const statuses: Record<string, number> = {};
	let next = 0;
	const worker = async () => {
		while (next < count) {
			const { headers, body } = forgedRequest(next++);
			const status = await new Promise<string>((resolve) => {
				const req = httpRequest(url, { method: 'POST', agent, headers: { ...headers, 'content-length': body.length } }, (res) => {
					res.resume();
					res.on('end', () => resolve(String(res.statusCode)));
				});
				req.on('error', (error) => resolve(`error: ${error.message}`));
				req.end(body);
			});
			statuses[status] = (statuses[status] ?? 0) + 1;
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	agent.destroy();
	return statuses;
}

interface DeliveryRecord {
	event: string;
	state: string;
	attempts: Array<{ at: string; status?: number; ms: number }>;
}

export async function runTriggerBurst(options: BurstOptions = {}): Promise<BurstOutcome> {
	const signedEvents = options.signedEvents ?? 1000;
	const forgedEvents = options.forgedEvents ?? 1000;
	const concurrency = options.concurrency ?? 16;
	const log = options.log ?? (() => {});
	if (signedEvents < 6 || signedEvents % 2 !== 0) throw new Error('signedEvents must be even and at least 6');
	const registrants = (signedEvents - 4) / 2;

	const sink = new Sink();
	let sim: RunningSimulator | undefined;
	let n8n: N8nInstance | undefined;
	try {
		const sinkUrl = await sink.start();
		sim = await startSimulator();
		log('starting n8n');
		n8n = await launchN8n({
			version: options.n8nVersion,
			credentials: [
				{ id: CREDENTIAL_ID, name: 'Zoom webhook (simulator)', type: 'zoomTicketingWebhookApi', data: { secretToken: WEBHOOK_SECRET } },
			],
			workflows: [workflow(sinkUrl)],
			webhooks: [WEBHOOK_PATH],
		});
		const rest = new N8nRest(n8n.baseUrl);
		await rest.signIn();
		const url = n8n.webhookUrl(WEBHOOK_PATH);

		// The deadline first: it applies to the URL validation too, n8n's first request.
		await control(sim, 'POST', 'config', { webhooks: { concurrency, ackTimeoutMs: options.ackTimeoutMs ?? 3000 } });
		log(`registering ${url} with the simulator (URL validation through n8n)`);
		await control(sim, 'POST', 'webhooks/endpoints', { url });
		const seeded = await control<{ webinars: Array<{ id: number }> }>(sim, 'POST', 'seed', {
			webinars: [
				{
					topic: 'Trigger burst',
					type: 5,
					start_time: new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
					duration: 60,
					settings: { approval_type: 0 },
				},
			],
		});
		const webinarId = seeded.webinars[0].id;
		await control(sim, 'POST', 'seed', { registrants: [{ webinarId, count: registrants }] });

		log(`burst: ${signedEvents} signed events at concurrency ${concurrency}`);
		const started = Date.now();
		const run = await control<{ id: string }>(sim, 'POST', 'runs', { webinarId, durationMinutes: 60, allRegistrants: {}, pace: 'burst' });
		// Polled rather than long-polled: on a slow machine a burst outlasts fetch's 5-minute header timeout.
		const burstDeadline = Date.now() + 1_200_000;
		for (;;) {
			const [state, stats] = await Promise.all([
				control<{ status: string }>(sim, 'GET', `runs/${run.id}`),
				control<{ pending: number; deliveries: number }>(sim, 'GET', 'webhooks/stats'),
			]);
			if (state.status === 'ended' && stats.pending === 0 && stats.deliveries >= signedEvents) break;
			if (Date.now() > burstDeadline) throw new Error(`the simulator did not finish delivering in 20 minutes: ${JSON.stringify(stats)}`);
			await sleep(250);
		}
		const burstSeconds = (Date.now() - started) / 1000;

		const { deliveries } = await control<{ deliveries: DeliveryRecord[] }>(sim, 'GET', 'webhooks/deliveries?bodies=false');
		const eventCounts: Record<string, number> = {};
		for (const delivery of deliveries) eventCounts[delivery.event] = (eventCounts[delivery.event] ?? 0) + 1;
		if (deliveries.length !== signedEvents) {
			throw new Error(`the simulator sent ${deliveries.length} events, not ${signedEvents}: ${JSON.stringify(eventCounts)}`);
		}
		const firstAttemptMs = deliveries.map((delivery) => delivery.attempts[0]?.ms ?? Number.POSITIVE_INFINITY).sort((a, b) => a - b);
		const acceptedFirstAttempt = deliveries.filter((delivery) => {
			const status = delivery.attempts[0]?.status;
			return status !== undefined && status >= 200 && status < 300;
		}).length;

		log(
			`burst delivered in ${burstSeconds.toFixed(1)} s: ${acceptedFirstAttempt}/${deliveries.length} acknowledged at once, ` +
				`p50 ${percentile(firstAttemptMs, 0.5)} ms, p99 ${percentile(firstAttemptMs, 0.99)} ms`,
		);
		const drainDeadline = Date.now() + 1_200_000;
		const delivered = deliveries.filter((delivery) => delivery.state === 'delivered').length;
		while (new Set(sink.eventIds).size < delivered && Date.now() < drainDeadline) await sleep(100);
		const drainSeconds = (Date.now() - started) / 1000;
		// Executions finish just after their HTTP Request reaches the sink.
		await rest.waitForIdle("the burst's executions", { timeoutMs: Math.max(60_000, drainDeadline - Date.now()) });
		const successfulExecutions = await rest.executionCount({ workflowId: WORKFLOW_ID, status: ['success'] });
		const executionsAfterSigned = await rest.executionCount({ workflowId: WORKFLOW_ID });
		log(`drained in ${drainSeconds.toFixed(1)} s: sink ${sink.eventIds.length}, executions ${executionsAfterSigned} (${successfulExecutions} successful)`);
		const sinkAfterSigned = sink.eventIds.length;

		log(`forged: ${forgedEvents} requests`);
		const forgedStatuses = await sendForged(url, forgedEvents, concurrency);
		// A forged request that got through would have started an execution before its answer.
		await rest.waitForIdle('the executions after the forged requests');
		const executionsAfterForged = await rest.executionCount({ workflowId: WORKFLOW_ID });

		return {
			n8nVersion: n8n.config.runtime.version,
			signedSent: deliveries.length,
			eventCounts,
			acceptedFirstAttempt,
			delivered,
			failed: deliveries.filter((delivery) => delivery.state === 'failed').length,
			retries: deliveries.reduce((sum, delivery) => sum + Math.max(0, delivery.attempts.length - 1), 0),
			ackMsP50: percentile(firstAttemptMs, 0.5),
			ackMsP99: percentile(firstAttemptMs, 0.99),
			ackMsMax: firstAttemptMs[firstAttemptMs.length - 1] ?? 0,
			burstSeconds,
			drainSeconds,
			executionsAfterSigned,
			successfulExecutions,
			sinkReceived: sinkAfterSigned,
			sinkDistinctEventIds: new Set(sink.eventIds.slice(0, sinkAfterSigned)).size,
			forgedSent: forgedEvents,
			forgedStatuses,
			executionsAfterForged,
			sinkAfterForged: sink.eventIds.length,
		};
	} catch (error) {
		if (n8n) (error as Error).message += `\n--- n8n output (tail) ---\n${n8n.logs().slice(-4000)}`;
		throw error;
	} finally {
		await n8n?.stop();
		await sim?.close();
		await sink.stop();
	}
}
