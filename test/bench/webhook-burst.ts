/**
 * The big-event burst, shared by the `webhook-burst-10k-queue` and `webhook-burst-10k-single`
 * benchmark cases and the queue-mode end-to-end test (test/e2e/queue-mode.test.ts).
 *
 * The simulator seeds a webinar with N registrants and runs it with `pace: "burst"`: the webinar
 * starts, every registrant joins, every tenth leaves and rejoins, everyone leaves, the webinar
 * ends; its webhook sender signs and sends each event as fast as it can at the given concurrency,
 * retrying (same body) any delivery not acknowledged with a 2xx within 3 s, as Zoom does. n8n
 * (queue mode or a single process) runs the bundled Zoom-events template unchanged, with the
 * machine's Postgres holding our tables. Optionally a worker is killed (SIGKILL) in the middle.
 *
 * Correctness comes from zoom_attendance against the simulator's ground truth, keyed by what the
 * event is about (join or leave, registrant, time), not by the trigger's eventId: every session's
 * join and leave must be there exactly once.
 */
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

import { Client } from 'pg';

import {
	DEFAULT_N8N_VERSION,
	freePort,
	launchN8n,
	repoRoot,
	type CredentialSpec,
} from '../n8n';
import { POSTGRES, recreateDatabase, startQueueMode, type QueueCluster } from '../n8n/queue';
import { activeTemplateIds, loadTemplates } from '../n8n/templates';
import { startSimulator, type RunningSimulator } from '../zoom-simulator';

export const WEBHOOK_PATH = 'zoom/events';
/** Zoom wants a 2xx within 3 s. */
export const ZOOM_ACK_DEADLINE_MS = 3000;
/**
 * Zoom retries an unacknowledged delivery 5 minutes after it, then 20 and 60 minutes after the
 * previous retry (developers.zoom.us, "Resolving webhook delays"): a burst is never met with an
 * immediate wave of retries.
 */
export const ZOOM_RETRY_DELAYS_MS = [5 * 60_000, 20 * 60_000, 60 * 60_000];

export interface BurstOptions {
	mode: 'queue' | 'single';
	registrants: number;
	/** Every `rejoinEvery`-th registrant leaves and rejoins once. */
	rejoinEvery?: number;
	/** Webhook deliveries in flight at once (Zoom's sender). */
	concurrency?: number;
	/**
	 * How long the sender waits for a 2xx before it counts an attempt as failed and retries
	 * (default Zoom's 3 s). Correctness tests raise it so that they do not depend on the
	 * machine's speed; the benchmarks keep Zoom's deadline.
	 */
	ackTimeoutMs?: number;
	/** Delays of the sender's retries after a failed attempt (default: the simulator's scaled-down ones). */
	retryDelaysMs?: number[];
	/** Queue mode: stop worker 1 with `killSignal` once this share of the rows is written. */
	killWorkerAt?: number;
	/**
	 * SIGKILL (default): a crash. SIGTERM: a graceful stop (a deploy or scale-down); n8n lets the
	 * worker finish the executions it holds.
	 */
	killSignal?: 'SIGKILL' | 'SIGTERM';
	workers?: number;
	workerConcurrency?: number;
	/** Queue mode: the workers' CPU niceness (see startQueueMode). */
	workerNice?: number;
	n8nVersion?: string;
	/** Our tables' database (dropped and created afresh). */
	appDatabase: string;
	/** n8n's own database (dropped and created afresh). */
	n8nDatabase: string;
	/** Extra environment for n8n (every process). */
	env?: Record<string, string>;
	/** Longest wait for zoom_attendance to hold every event after the burst. */
	drainTimeoutMs?: number;
	log?: (line: string) => void;
	/** Every line n8n prints, with the process it came from (queue mode: main, webhook, worker-N). */
	onN8nLog?: (process: string, line: string) => void;
}

export interface BurstOutcome {
	mode: 'queue' | 'single';
	n8nVersion: string;
	registrants: number;
	/** Events the simulator sent (deliveries). */
	events: number;
	/** Joins and leaves, i.e. the rows zoom_attendance must end up with. */
	expectedRows: number;
	delivered: number;
	failed: number;
	/** Attempts after the first (Zoom's retries of deliveries not acknowledged in time). */
	retries: number;
	/** Deliveries acknowledged with a 2xx at their first attempt. */
	acceptedFirstAttempt: number;
	/**
	 * Deliveries acknowledged at their first attempt, per second of the first wave (from the first
	 * attempt to the end of the last first attempt). Retries come minutes later, as Zoom's do.
	 */
	acceptedPerSecond: number;
	firstWaveSeconds: number;
	burstSeconds: number;
	/** Time of every attempt (timeouts count as the time waited). */
	ackMsP50: number;
	ackMsP99: number;
	ackMsMax: number;
	/** From the last acknowledgement until zoom_attendance held its last row. */
	drainSeconds: number;
	/** Rows written per second, from the first attempt to the last row. */
	drainRatePerSecond: number;
	lost: number;
	duplicated: number;
	/** Rows that match no event of the run. */
	unexpected: number;
	rows: number;
	/**
	 * Why the wait for rows ended: every expected row is there, n8n has nothing left to run (queue
	 * mode: no waiting, active or delayed job; single: no unfinished execution), or the drain timeout.
	 */
	drainEnd: DrainEnd;
	/** Deliveries acknowledged when worker 1 was stopped (null: not stopped). */
	workerKilledAtDelivered: number | null;
	/** Joins and leaves in zoom_attendance when worker 1 was stopped: the mark it was actually stopped at. */
	workerKilledAtRows: number | null;
	workerKillSignal: 'SIGKILL' | 'SIGTERM' | null;
	/** Peak of the summed resident memory of all n8n processes (task runners included). */
	peakRssMb: number;
	loadAvgBefore: number;
	loadAvgAfter: number;
	startupSeconds: number;
}

/**
 * n8n settings for a webhook burst, as the README recommends (every 2.x process also gets
 * `N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE`, from n8nEnv). A larger database pool lets ten concurrent
 * executions per worker reach Postgres; `warn` keeps per-execution log lines off the CPU.
 */
export const BURST_N8N_ENV: Record<string, string> = {
	DB_POSTGRESDB_POOL_SIZE: '10',
	N8N_LOG_LEVEL: 'warn',
};

const sleep = async (ms: number) => await new Promise((resolveSleep) => setTimeout(resolveSleep, ms));

function percentile(sorted: number[], q: number): number {
	if (sorted.length === 0) return 0;
	return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

async function simRequest<T>(sim: RunningSimulator, method: string, path: string, body?: unknown): Promise<T> {
	const response = await fetch(`${sim.baseUrl}${path}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`simulator ${method} ${path}: HTTP ${response.status} ${text.slice(0, 500)}`);
	return JSON.parse(text) as T;
}

async function withDatabase<T>(database: string, fn: (client: Client) => Promise<T>): Promise<T> {
	const client = new Client({ host: POSTGRES.host, port: POSTGRES.port, user: POSTGRES.user, database });
	await client.connect();
	try {
		return await fn(client);
	} finally {
		await client.end();
	}
}

/** Applies workflows/sql/*.sql in order, as the setup template does. */
export async function applySchema(database: string) {
	const dir = join(repoRoot, 'workflows', 'sql');
	const files = (await readdir(dir)).filter((file) => file.endsWith('.sql')).sort();
	await withDatabase(database, async (client) => {
		for (const file of files) await client.query(await readFile(join(dir, file), 'utf8'));
	});
}

interface ProcInfo {
	pid: number;
	ppid: number;
	group: number;
	rssKb: number;
	command: string;
}

async function listProcesses(): Promise<ProcInfo[]> {
	const list: ProcInfo[] = [];
	for (const entry of await readdir('/proc').catch(() => [] as string[])) {
		if (!/^\d+$/.test(entry)) continue;
		const [stat, status, command] = await Promise.all([
			readFile(`/proc/${entry}/stat`, 'utf8').catch(() => ''),
			readFile(`/proc/${entry}/status`, 'utf8').catch(() => ''),
			readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => ''),
		]);
		if (!stat) continue;
		// After the command in parentheses: state, ppid, pgrp, ...
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		const rss = /VmRSS:\s+(\d+)/.exec(status);
		list.push({
			pid: Number(entry),
			ppid: Number(fields[1]),
			group: Number(fields[2]),
			rssKb: rss ? Number(rss[1]) : 0,
			command: command.replace(/\0/g, ' '),
		});
	}
	return list;
}

/** Samples the summed resident memory of some processes and all their descendants, from /proc. */
class RssSampler {
	peakMb = 0;
	private timer?: NodeJS.Timeout;

	constructor(private readonly isRoot: (info: ProcInfo) => boolean) {}

	start() {
		this.timer = setInterval(() => void this.sample(), 1000);
	}

	stop() {
		clearInterval(this.timer);
	}

	private async sample() {
		const all = await listProcesses();
		const included = new Set(all.filter(this.isRoot).map((info) => info.pid));
		let grew = true;
		while (grew) {
			grew = false;
			for (const info of all) {
				if (!included.has(info.pid) && included.has(info.ppid)) {
					included.add(info.pid);
					grew = true;
				}
			}
		}
		const totalKb = all.filter((info) => included.has(info.pid)).reduce((sum, info) => sum + info.rssKb, 0);
		this.peakMb = Math.max(this.peakMb, Math.round(totalKb / 1024));
	}
}

interface Delivery {
	seq: number;
	event: string;
	state: 'pending' | 'delivered' | 'failed';
	attempts: Array<{ at: string; status?: number; error?: string; ms: number }>;
}

interface RunRecord {
	id: string;
	uuid: string;
	events: number;
	participants: Array<{ registrantId: string; sessions: Array<{ joinTime: string; leaveTime: string }> }>;
}

const ATTENDANCE_TEMPLATE_ID = 'zoomTktZoomEvt1';
/** The after-the-meeting workflow the Zoom events template starts for each ended run. */
const AFTER_MEETING_TEMPLATE_ID = 'zoomTktEvAfter01';

/** The credentials the templates name, pointing at this run's simulator and database. */
function credentialsFor(sim: RunningSimulator, appDatabase: string): CredentialSpec[] {
	return [
		{
			id: 'burstZoomHook01',
			name: 'Zoom Ticketing Webhook',
			type: 'zoomTicketingWebhookApi',
			data: { secretToken: 'sim-webhook-secret' },
		},
		{
			id: 'burstZoomS2S001',
			name: 'Zoom Ticketing Server-to-Server OAuth',
			type: 'zoomTicketingServerToServerOAuthApi',
			data: {
				environment: 'custom',
				apiBaseUrl: sim.apiBaseUrl,
				oauthBaseUrl: sim.baseUrl,
				accountId: 'sim-account',
				clientId: 'sim-client',
				clientSecret: 'sim-secret',
			},
		},
		{
			id: 'burstSmtp000001',
			name: 'Zoom Ticketing SMTP',
			type: 'smtp',
			data: { host: '127.0.0.1', port: 2525, secure: false, user: '', password: '' },
		},
		{
			id: 'burstCrm0000001',
			name: 'CRM API',
			type: 'httpHeaderAuth',
			data: { name: 'Authorization', value: 'Bearer burst' },
		},
		{
			id: 'burstHubspot001',
			name: 'HubSpot App Token',
			type: 'hubspotAppToken',
			data: { appToken: 'burst' },
		},
		{
			id: 'burstPostgres01',
			name: 'Zoom Ticketing Postgres',
			type: 'postgres',
			data: {
				host: POSTGRES.host,
				port: POSTGRES.port,
				database: appDatabase,
				user: POSTGRES.user,
				password: '',
				ssl: 'disable',
				allowUnauthorizedCerts: false,
				maxConnections: 20,
			},
		},
	];
}

/** Runs the burst once and measures it; always stops what it started. */
export async function runWebhookBurst(options: BurstOptions): Promise<BurstOutcome> {
	const log = options.log ?? (() => undefined);
	const version = options.n8nVersion ?? process.env.BENCH_N8N_VERSION ?? DEFAULT_N8N_VERSION;
	if (!existsSync(join(repoRoot, 'dist', 'nodes', 'ZoomTicketingTrigger'))) {
		throw new Error('dist/ is missing: run `npm run build` first (n8n loads the built package)');
	}
	const rejoinEvery = options.rejoinEvery ?? 10;
	const killSignal = options.killSignal ?? 'SIGKILL';
	const cleanups: Array<() => Promise<void>> = [];
	const loadAvgBefore = loadavg()[0];
	let sampler: RssSampler | undefined;
	const drainEnded = { value: false };

	try {
		await recreateDatabase(options.appDatabase);
		await applySchema(options.appDatabase);

		// The participant report is ready when the webinar ends, and the template reads it a second
		// later: it fills in joins and leaves whose webhook never became a row.
		const sim = await startSimulator({ port: 0, plan: 'pro', reportDelaySeconds: 0 });
		cleanups.push(async () => await sim.close());

		const seeded = await simRequest<{ webinars: Array<{ id: number; uuid: string; topic: string }> }>(
			sim,
			'POST',
			'/_sim/seed',
			{
				webinars: [
					{
						topic: 'Burst webinar',
						type: 5,
						duration: 60,
						start_time: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
						settings: { approval_type: 0 },
					},
				],
			},
		);
		const webinar = seeded.webinars[0];
		await simRequest(sim, 'POST', '/_sim/seed', {
			registrants: [{ webinarId: webinar.id, count: options.registrants, returnIds: false }],
		});
		await seedMeetingRow(options.appDatabase, webinar);

		const templates = loadTemplates({ reportWaitSeconds: 1 }).filter((workflow) => [ATTENDANCE_TEMPLATE_ID, AFTER_MEETING_TEMPLATE_ID].includes(workflow.id));
		const activate = activeTemplateIds(templates, Number(version.split('.')[0]));
		const credentials = credentialsFor(sim, options.appDatabase);
		const started = Date.now();
		let target: { webhookUrl: string; isRoot: (info: ProcInfo) => boolean; cluster?: QueueCluster };
		const env: Record<string, string> = { ...BURST_N8N_ENV, ...options.env };
		if (options.mode === 'queue') {
			const cluster = await startQueueMode({
				version,
				workers: options.workers ?? 2,
				concurrency: options.workerConcurrency,
				workerNice: options.workerNice,
				database: options.n8nDatabase,
				credentials,
				workflows: templates,
				activate,
				webhooks: [WEBHOOK_PATH],
				env,
				onLog: options.onN8nLog,
			});
			cleanups.push(async () => await cluster.stop());
			target = {
				webhookUrl: cluster.webhookUrl(WEBHOOK_PATH),
				isRoot: (info) =>
					[cluster.main, cluster.webhook, ...cluster.workers].some((member) => member.pid === info.pid),
				cluster,
			};
		} else {
			await recreateDatabase(options.n8nDatabase);
			const single = await launchN8n({
				version,
				// A fresh Postgres database: n8n runs all its migrations first.
				timeoutMs: 600_000,
				port: await freePort(),
				credentials,
				workflows: templates,
				activate,
				webhooks: [WEBHOOK_PATH],
				onLog: options.onN8nLog && ((line) => options.onN8nLog?.('n8n', line)),
				env: {
					...env,
					// launchN8n knows n8n is up from its "Editor is now accessible" line (info level).
					N8N_LOG_LEVEL: 'info',
					DB_TYPE: 'postgresdb',
					DB_POSTGRESDB_HOST: POSTGRES.host,
					DB_POSTGRESDB_PORT: String(POSTGRES.port),
					DB_POSTGRESDB_DATABASE: options.n8nDatabase,
					DB_POSTGRESDB_USER: POSTGRES.user,
					DB_POSTGRESDB_PASSWORD: '',
				},
			});
			cleanups.push(async () => await single.stop());
			target = {
				webhookUrl: single.webhookUrl(WEBHOOK_PATH),
				// launchN8n's `n8n start` is a direct child of this process.
				isRoot: (info) => info.ppid === process.pid && info.command.includes('n8n'),
			};
		}
		const startupSeconds = (Date.now() - started) / 1000;
		log(`n8n ${version} (${options.mode}) ready in ${startupSeconds.toFixed(1)} s`);

		sampler = new RssSampler(target.isRoot);
		sampler.start();

		await simRequest(sim, 'PUT', '/_sim/config', {
			webhooks: {
				ackTimeoutMs: options.ackTimeoutMs ?? ZOOM_ACK_DEADLINE_MS,
				concurrency: options.concurrency ?? 64,
				...(options.retryDelaysMs ? { retryDelaysMs: options.retryDelaysMs } : {}),
			},
		});
		// Zoom validates the URL before it sends anything; the trigger answers the handshake (within
		// the acknowledgement deadline just set: the webhook processor's first request can be slow).
		await simRequest(sim, 'POST', '/_sim/webhooks/endpoints', { url: target.webhookUrl });

		const run = await simRequest<RunRecord>(sim, 'POST', '/_sim/runs', {
			webinarId: webinar.id,
			allRegistrants: { join: 0, leave: 60, rejoinEvery, rejoinGapMinutes: 1 },
			pace: 'burst',
			recording: false,
			concurrency: options.concurrency ?? 64,
		});
		log(`burst: ${run.events} events queued`);

		const expectedCount = 2 * run.participants.reduce((sum, person) => sum + person.sessions.length, 0);
		// The worker is stopped by rows written, in a loop of its own: acknowledging may finish long
		// before the workers reach the mark, or the workers may pass it between two looks.
		const stopping =
			options.killWorkerAt !== undefined && target.cluster
				? settle(
						stopWorkerAtMark({
							sim,
							database: options.appDatabase,
							worker: target.cluster.workers[0],
							markRows: Math.ceil(options.killWorkerAt * expectedCount),
							expectedRows: expectedCount,
							signal: killSignal,
							drainEnded,
							log,
						}),
					)
				: undefined;

		// Zoom's sender decides how long this takes (its retry schedule); the caller's timeout bounds it.
		let lastLog = Date.now();
		for (;;) {
			const stats = await simRequest<{ deliveries: number; delivered: number; pending: number }>(
				sim,
				'GET',
				'/_sim/webhooks/stats',
			);
			if (stats.pending === 0 && stats.deliveries >= run.events) break;
			if (Date.now() - lastLog > 30_000) {
				lastLog = Date.now();
				log(`burst: ${stats.delivered}/${run.events} acknowledged, ${stats.pending} pending`);
			}
			await sleep(200);
		}

		const { deliveries } = await simRequest<{ deliveries: Delivery[] }>(
			sim,
			'GET',
			'/_sim/webhooks/deliveries?bodies=false',
		);
		const burst = measureDeliveries(deliveries);
		log(`burst: ${burst.delivered}/${deliveries.length} acknowledged in ${burst.burstSeconds.toFixed(1)} s`);
		const refused = deliveries.flatMap((delivery) =>
			delivery.attempts
				.filter((attempt) => attempt.status === undefined || attempt.status >= 300)
				.map((attempt) => `${delivery.event}: ${attempt.status ?? attempt.error}`),
		);
		if (refused.length > 0) {
			const tally = new Map<string, number>();
			for (const line of refused) tally.set(line, (tally.get(line) ?? 0) + 1);
			log(`attempts not acknowledged: ${JSON.stringify(Object.fromEntries(tally))}`);
		}

		const expected = expectedRows(run);
		const drainTimeoutMs = options.drainTimeoutMs ?? 1_800_000;
		const idle: () => Promise<boolean> = target.cluster
			? async () => await target.cluster!.jobCounts().then((c) => c.waiting + c.active + c.delayed === 0)
			: async () => (await unfinishedExecutions(options.n8nDatabase)) === 0;
		const drained = await waitForRows(options.appDatabase, expected.size, drainTimeoutMs, idle, target.cluster, log);
		drainEnded.value = true;
		const stopped = stopping ? await stopping : undefined;
		if (stopped && 'error' in stopped) throw stopped.error;
		const workerStop = stopped?.value ?? null;
		const check = await checkRows(options.appDatabase, expected);
		sampler.stop();

		const lastRowMs = drained.lastRowAt ?? Date.now();
		return {
			mode: options.mode,
			n8nVersion: version,
			registrants: options.registrants,
			events: deliveries.length,
			expectedRows: expected.size,
			delivered: burst.delivered,
			failed: burst.failed,
			retries: burst.retries,
			acceptedFirstAttempt: burst.acceptedFirstAttempt,
			acceptedPerSecond: burst.acceptedFirstAttempt / burst.firstWaveSeconds,
			firstWaveSeconds: burst.firstWaveSeconds,
			burstSeconds: burst.burstSeconds,
			ackMsP50: burst.p50,
			ackMsP99: burst.p99,
			ackMsMax: burst.max,
			drainSeconds: Math.max(0, (lastRowMs - burst.lastAckMs) / 1000),
			drainRatePerSecond: check.rows / Math.max(0.001, (lastRowMs - burst.firstAttemptMs) / 1000),
			lost: check.lost,
			duplicated: check.duplicated,
			unexpected: check.unexpected,
			rows: check.rows,
			drainEnd: drained.end,
			workerKilledAtDelivered: workerStop?.delivered ?? null,
			workerKilledAtRows: workerStop?.rows ?? null,
			workerKillSignal: workerStop ? killSignal : null,
			peakRssMb: sampler.peakMb,
			loadAvgBefore,
			loadAvgAfter: loadavg()[0],
			startupSeconds,
		};
	} finally {
		drainEnded.value = true;
		sampler?.stop();
		for (const cleanup of cleanups.reverse()) await cleanup().catch((error: Error) => log(`cleanup: ${error.message}`));
	}
}

function measureDeliveries(deliveries: Delivery[]) {
	const attemptMs: number[] = [];
	let firstAttemptMs = Infinity;
	let lastAckMs = 0;
	let delivered = 0;
	let failed = 0;
	let retries = 0;
	let acceptedFirstAttempt = 0;
	let firstWaveEndMs = 0;
	for (const delivery of deliveries) {
		retries += Math.max(0, delivery.attempts.length - 1);
		if (delivery.state === 'delivered') delivered++;
		if (delivery.state === 'failed') failed++;
		const first = delivery.attempts[0];
		if (first?.status !== undefined && first.status >= 200 && first.status < 300) acceptedFirstAttempt++;
		if (first) firstWaveEndMs = Math.max(firstWaveEndMs, Date.parse(first.at) + first.ms);
		for (const attempt of delivery.attempts) {
			const at = Date.parse(attempt.at);
			attemptMs.push(attempt.ms);
			firstAttemptMs = Math.min(firstAttemptMs, at);
			if (attempt.status !== undefined && attempt.status >= 200 && attempt.status < 300) {
				lastAckMs = Math.max(lastAckMs, at + attempt.ms);
			}
		}
	}
	attemptMs.sort((a, b) => a - b);
	return {
		delivered,
		failed,
		retries,
		acceptedFirstAttempt,
		firstAttemptMs,
		lastAckMs,
		burstSeconds: Math.max(0.001, (lastAckMs - firstAttemptMs) / 1000),
		firstWaveSeconds: Math.max(0.001, (firstWaveEndMs - firstAttemptMs) / 1000),
		p50: percentile(attemptMs, 0.5),
		p99: percentile(attemptMs, 0.99),
		max: attemptMs[attemptMs.length - 1] ?? 0,
	};
}

type Settled<T> = { value: T } | { error: unknown };

/** The promise's outcome without a rejection that nobody has awaited yet. */
async function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
	return await promise.then(
		(value) => ({ value }),
		(error: unknown) => ({ error }),
	);
}

interface WorkerStop {
	rows: number;
	delivered: number;
}

/**
 * Stops the worker once zoom_attendance holds `markRows` joins and leaves, or at once if it already
 * holds more. Gives up (null) when the drain has ended without the rows reaching the mark.
 */
async function stopWorkerAtMark(options: {
	sim: RunningSimulator;
	database: string;
	worker: QueueCluster['workers'][number];
	markRows: number;
	expectedRows: number;
	signal: 'SIGKILL' | 'SIGTERM';
	drainEnded: { value: boolean };
	log: (line: string) => void;
}): Promise<WorkerStop | null> {
	const { worker, signal, log } = options;
	for (;;) {
		if (options.drainEnded.value) return null;
		const { rows } = await countRows(options.database);
		if (rows >= options.markRows) {
			// A graceful stop runs alongside the burst, as a deploy would.
			if (signal === 'SIGKILL') await worker.kill('SIGKILL');
			else void worker.stop();
			const { delivered } = await simRequest<{ delivered: number }>(options.sim, 'GET', '/_sim/webhooks/stats');
			log(
				`${worker.name} sent ${signal} with ${rows} of ${options.expectedRows} rows written (mark ${options.markRows}), ` +
					`${delivered} deliveries acknowledged`,
			);
			return { rows, delivered };
		}
		await sleep(100);
	}
}

/** Executions n8n has started and not finished, from n8n's own database (single-process mode). */
async function unfinishedExecutions(n8nDatabase: string): Promise<number> {
	return await withDatabase(n8nDatabase, async (client) => {
		const result = await client.query<{ n: string }>(
			`SELECT count(*) AS n FROM execution_entity WHERE status IN ('new', 'running', 'waiting')`,
		);
		return Number(result.rows[0].n);
	});
}

/** One key per join and per leave of the run: `joined|<registrant>|<epoch ms>`. */
function expectedRows(run: RunRecord): Set<string> {
	const keys = new Set<string>();
	for (const person of run.participants) {
		for (const session of person.sessions) {
			keys.add(`joined|${person.registrantId}|${Date.parse(session.joinTime)}`);
			keys.add(`left|${person.registrantId}|${Date.parse(session.leaveTime)}`);
		}
	}
	return keys;
}

async function countRows(database: string): Promise<{ rows: number; lastRowAt: number | null }> {
	return await withDatabase(database, async (client) => {
		const result = await client.query<{ rows: string; last: Date | null }>(
			`SELECT count(*) AS rows, max(created_at) AS last FROM zoom_attendance WHERE kind IN ('joined', 'left')`,
		);
		const row = result.rows[0];
		return { rows: Number(row.rows), lastRowAt: row.last ? row.last.getTime() : null };
	});
}

export type DrainEnd = 'all-rows' | 'idle' | 'timeout';

/**
 * Waits until zoom_attendance holds `expected` rows, or n8n has nothing left to run (`idle`), or
 * the timeout. A SIGKILLed worker's jobs count as active until Bull's stalled-job check hands them
 * on (n8n 1.x) or fails them (2.x), so idle also covers a crashed worker.
 */
async function waitForRows(
	database: string,
	expected: number,
	timeoutMs: number,
	idle: () => Promise<boolean>,
	cluster: QueueCluster | undefined,
	log: (line: string) => void,
): Promise<{ rows: number; lastRowAt: number | null; end: DrainEnd }> {
	const deadline = Date.now() + timeoutMs;
	let lastLog = 0;
	for (;;) {
		// Idle first, rows after: rows counted once n8n is idle are final.
		const nothingLeft = await idle();
		const now = await countRows(database);
		if (now.rows >= expected) return { ...now, end: 'all-rows' };
		if (nothingLeft) {
			log(`drain: n8n has nothing left to run with ${now.rows}/${expected} rows`);
			return { ...now, end: 'idle' };
		}
		if (Date.now() > deadline) {
			const counts = cluster ? ` queue ${JSON.stringify(await cluster.jobCounts())}` : '';
			log(`drain: gave up after ${Math.round(timeoutMs / 1000)} s with ${now.rows}/${expected} rows${counts}`);
			return { ...now, end: 'timeout' };
		}
		if (Date.now() - lastLog > 10_000) {
			lastLog = Date.now();
			const counts = cluster ? ` queue ${JSON.stringify(await cluster.jobCounts())}` : '';
			log(`drain: ${now.rows}/${expected} rows${counts}`);
		}
		await sleep(500);
	}
}

async function checkRows(database: string, expected: Set<string>) {
	const rows = await withDatabase(database, async (client) => {
		const result = await client.query<{ kind: string; registrant_id: string | null; occurred_at: Date | null }>(
			`SELECT kind, registrant_id, occurred_at FROM zoom_attendance WHERE kind IN ('joined', 'left')`,
		);
		return result.rows;
	});
	const seen = new Map<string, number>();
	for (const row of rows) {
		const key = `${row.kind}|${row.registrant_id ?? ''}|${row.occurred_at ? row.occurred_at.getTime() : ''}`;
		seen.set(key, (seen.get(key) ?? 0) + 1);
	}
	let lost = 0;
	for (const key of expected) if (!seen.has(key)) lost++;
	let duplicated = 0;
	let unexpected = 0;
	for (const [key, count] of seen) {
		if (!expected.has(key)) unexpected += count;
		else duplicated += count - 1;
	}
	return { rows: rows.length, lost, duplicated, unexpected };
}

/** The template finds the webinar by its Zoom id in zoom_meetings, as one published event leaves it. */
async function seedMeetingRow(database: string, webinar: { id: number; uuid: string; topic: string }) {
	await withDatabase(database, async (client) => {
		await client.query(
			`INSERT INTO zoom_meetings (ticketing_event_id, zoom_id, zoom_uuid, kind, topic, status)
			 VALUES ($1, $2, $3, 'webinar', $4, 'scheduled')`,
			['burst-event', String(webinar.id), webinar.uuid, webinar.topic],
		);
	});
}

