/**
 * n8n in queue mode on this machine: one main process (editor, REST, activation, timers), one
 * webhook processor (`n8n webhook`, receives every production webhook), and N workers
 * (`n8n worker`), sharing Redis (Bull queue) and Postgres (n8n's own database).
 *
 * Each process gets its own user folder, as separate containers would: n8n keeps a per-process
 * event log there and replays it after a crash, which must not mix processes.
 *
 * Built on the single-instance helpers in ./index.ts (install, package link, CLI import,
 * activation, webhook readiness); only the process layout and the queue settings live here.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';

import { Client } from 'pg';

import {
	DEFAULT_N8N_VERSION,
	START_TIMEOUT_MS,
	activateWorkflows,
	freePort,
	importCredentials,
	importWorkflows,
	installN8n,
	linkPackage,
	n8nEnv,
	waitForWebhooks,
	type CredentialSpec,
	type N8nInstanceConfig,
	type N8nRuntime,
	type WorkflowSpec,
} from './index';

export const POSTGRES = { host: '127.0.0.1', port: 5432, user: 'postgres', adminDatabase: 'postgres' };
export const REDIS = { host: '127.0.0.1', port: 6379 };

export type QueueRole = 'main' | 'webhook' | 'worker';

export interface QueueModeOptions {
	version?: string;
	/** Number of `n8n worker` processes (default 2). */
	workers?: number;
	/** Jobs each worker runs at once (`--concurrency`, default 10, n8n's own default). */
	concurrency?: number;
	/**
	 * Workers' CPU niceness (default 0). Above 0, the webhook processor's acknowledgements win the
	 * CPU over the backlog the workers drain, as lower CPU shares would in containers.
	 */
	workerNice?: number;
	/** n8n's own Postgres database; dropped and created afresh (default `n8n_queue`). */
	database?: string;
	/** Redis logical database for the Bull queue and n8n's cache; flushed at start (default 7). */
	redisDb?: number;
	/** Prefix of Bull keys and of n8n's Redis pub/sub channels (default `n8n-queue`). */
	prefix?: string;
	credentials?: CredentialSpec[];
	workflows?: WorkflowSpec[];
	/** Workflow ids to activate; defaults to every workflow given. */
	activate?: string[];
	/** Webhook paths that must answer on the webhook processor before start resolves. */
	webhooks?: Array<string | { path: string; probeMethod: string }>;
	/** Extra environment for every process (e.g. `N8N_LOG_LEVEL`, `QUEUE_WORKER_LOCK_DURATION`). */
	env?: Record<string, string>;
	/** Root of the package loaded as a community node; defaults to this repository (built). */
	packageRoot?: string;
	/** Longest wait for the processes to come up, counted once the CLI steps are done (default START_TIMEOUT_MS). */
	timeoutMs?: number;
	onLog?: (process: string, line: string) => void;
}

export interface QueueProcess {
	name: string;
	role: QueueRole;
	pid: number;
	/** HTTP port: editor/REST for main, webhooks for the webhook processor, health for workers. */
	port: number;
	alive(): boolean;
	logs(): string;
	/** Graceful stop: SIGTERM, then SIGKILL after 45 s (n8n waits up to 30 s for running executions). */
	stop(): Promise<void>;
	/** Ends the process and everything it started (its task runner) at once, as a crash would. */
	kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface JobCounts {
	waiting: number;
	active: number;
	delayed: number;
	failed: number;
}

export interface QueueCluster {
	runtime: N8nRuntime;
	database: string;
	main: QueueProcess;
	webhook: QueueProcess;
	workers: QueueProcess[];
	/** Editor and REST API. */
	baseUrl: string;
	/** The webhook processor: where Zoom (and every production webhook caller) is pointed. */
	webhookBaseUrl: string;
	webhookUrl(path: string): string;
	/** Starts one more worker (e.g. to replace a killed one); it gets a fresh user folder. */
	addWorker(): Promise<QueueProcess>;
	/** Bull's job counts for n8n's queue. */
	jobCounts(): Promise<JobCounts>;
	/** Resolves when the queue has no waiting, active or delayed job. */
	waitForEmptyQueue(timeoutMs?: number): Promise<void>;
	logs(): string;
	stop(): Promise<void>;
}

/** n8n's Bull queue name (both 1.x and 2.x). */
const QUEUE_NAME = 'jobs';

const sleep = async (ms: number) => await new Promise((resolveSleep) => setTimeout(resolveSleep, ms));

/** One Redis command over RESP; enough for the few reads and the flush this module needs. */
export async function redisCommand(db: number, ...args: string[]): Promise<unknown> {
	const encode = (parts: string[]) =>
		`*${parts.length}\r\n${parts.map((part) => `$${Buffer.byteLength(part)}\r\n${part}\r\n`).join('')}`;
	return await new Promise((resolveReply, reject) => {
		const socket = connect(REDIS.port, REDIS.host);
		// latin1 keeps one character per byte, so RESP's byte lengths index the string directly.
		let buffer = '';
		const replies: unknown[] = [];
		socket.on('error', reject);
		socket.on('connect', () => socket.write(encode(['SELECT', String(db)]) + encode(args)));
		socket.on('data', (chunk: Buffer) => {
			buffer += chunk.toString('latin1');
			for (;;) {
				const parsed = parseReply(buffer, 0);
				if (!parsed) return;
				buffer = buffer.slice(parsed.end);
				replies.push(parsed.value);
				if (replies.length === 2) {
					socket.end();
					const [selected, reply] = replies;
					if (selected instanceof Error) reject(selected);
					else if (reply instanceof Error) reject(reply);
					else resolveReply(reply);
					return;
				}
			}
		});
	});
}

function parseReply(buffer: string, start: number): { value: unknown; end: number } | null {
	const lineEnd = buffer.indexOf('\r\n', start);
	if (lineEnd === -1) return null;
	const type = buffer[start];
	const line = buffer.slice(start + 1, lineEnd);
	const next = lineEnd + 2;
	if (type === '+') return { value: line, end: next };
	if (type === '-') return { value: new Error(`redis: ${line}`), end: next };
	if (type === ':') return { value: Number(line), end: next };
	if (type === '$') {
		const length = Number(line);
		if (length === -1) return { value: null, end: next };
		if (buffer.length < next + length + 2) return null;
		return { value: Buffer.from(buffer.slice(next, next + length), 'latin1').toString('utf8'), end: next + length + 2 };
	}
	if (type === '*') {
		const count = Number(line);
		const items: unknown[] = [];
		let position = next;
		for (let i = 0; i < count; i++) {
			const item = parseReply(buffer, position);
			if (!item) return null;
			items.push(item.value);
			position = item.end;
		}
		return { value: items, end: position };
	}
	throw new Error(`unexpected Redis reply type ${type}`);
}

/** Drops and creates a Postgres database on the machine's server (trust auth). */
export async function recreateDatabase(name: string) {
	if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe database name ${name}`);
	const client = new Client({ ...POSTGRES, database: POSTGRES.adminDatabase });
	await client.connect();
	try {
		await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		await client.query(`CREATE DATABASE ${name}`);
	} finally {
		await client.end();
	}
}

/** The environment every process of one queue-mode installation shares. */
export function queueEnv(options: {
	database: string;
	redisDb: number;
	prefix: string;
	webhookBaseUrl: string;
}): Record<string, string> {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: REDIS.host,
		QUEUE_BULL_REDIS_PORT: String(REDIS.port),
		QUEUE_BULL_REDIS_DB: String(options.redisDb),
		QUEUE_BULL_PREFIX: options.prefix,
		N8N_REDIS_KEY_PREFIX: options.prefix,
		N8N_CACHE_REDIS_KEY_PREFIX: `${options.prefix}-cache`,
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: POSTGRES.host,
		DB_POSTGRESDB_PORT: String(POSTGRES.port),
		DB_POSTGRESDB_DATABASE: options.database,
		DB_POSTGRESDB_USER: POSTGRES.user,
		DB_POSTGRESDB_PASSWORD: '',
		// Production webhooks go to the webhook processor only, as n8n recommends at scale.
		N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
		WEBHOOK_URL: `${options.webhookBaseUrl}/`,
	};
}

const liveGroups = new Set<number>();
let exitHookInstalled = false;

function installExitHook() {
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	// n8n processes lead their own process groups (so that a kill reaches their task runners);
	// make sure none outlives this process, whatever way it ends.
	const killAll = () => {
		for (const pid of liveGroups) {
			try {
				process.kill(-pid, 'SIGKILL');
			} catch {
				// already gone
			}
		}
		liveGroups.clear();
	};
	process.on('exit', killAll);
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.once(signal, () => {
			killAll();
			process.exit(signal === 'SIGINT' ? 130 : 143);
		});
	}
}

interface SpawnSpec {
	name: string;
	role: QueueRole;
	args: string[];
	config: N8nInstanceConfig;
	port: number;
	onLog?: (process: string, line: string) => void;
}

function spawnN8n(spec: SpawnSpec): QueueProcess {
	installExitHook();
	const { runtime } = spec.config;
	const child: ChildProcess = spawn(runtime.nodeBin, [runtime.n8nBin, ...spec.args], {
		env: n8nEnv(spec.config),
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	const pid = child.pid;
	if (pid === undefined) throw new Error(`could not start n8n ${spec.args.join(' ')}`);
	liveGroups.add(pid);
	let output = '';
	let exited = false;
	const collect = (chunk: Buffer) => {
		const text = chunk.toString();
		output = (output + text).slice(-200_000);
		if (spec.onLog) for (const line of text.split('\n')) if (line.trim()) spec.onLog(spec.name, line);
	};
	child.stdout?.on('data', collect);
	child.stderr?.on('data', collect);
	const exitPromise = new Promise<void>((resolveExit) =>
		child.on('exit', () => {
			exited = true;
			resolveExit();
		}),
	);
	const signalGroup = (signal: NodeJS.Signals) => {
		try {
			process.kill(-pid, signal);
		} catch {
			// the group is gone
		}
	};
	const finish = () => {
		// Whatever the process left behind in its group (a task runner) goes with it.
		signalGroup('SIGKILL');
		liveGroups.delete(pid);
	};
	return {
		name: spec.name,
		role: spec.role,
		pid,
		port: spec.port,
		alive: () => !exited,
		logs: () => output,
		stop: async () => {
			if (!exited) {
				child.kill('SIGTERM');
				const timer = setTimeout(() => signalGroup('SIGKILL'), 45_000);
				await exitPromise;
				clearTimeout(timer);
			}
			finish();
		},
		kill: async (signal = 'SIGKILL') => {
			signalGroup(signal);
			await exitPromise;
			finish();
		},
	};
}

async function waitForHttp(member: QueueProcess, url: string, deadline: number) {
	for (;;) {
		if (!member.alive()) throw new Error(`${member.name} exited during start-up`);
		if (Date.now() > deadline) throw new Error(`${member.name} did not answer ${url} in time`);
		const ok = await fetch(url).then(
			(response) => response.ok,
			() => false,
		);
		if (ok) return;
		await sleep(250);
	}
}

function withLogs(error: unknown, processes: QueueProcess[]): Error {
	const wrapped = error instanceof Error ? error : new Error(String(error));
	for (const member of processes) {
		wrapped.message += `\n--- ${member.name} output ---\n${member.logs().slice(-4000)}`;
	}
	return wrapped;
}

/**
 * Installs (if needed) the pinned n8n, prepares n8n's database and the queue, imports credentials
 * and workflows, activates them, then starts main, the webhook processor and the workers, and
 * resolves when all of them are ready and the given webhooks answer on the webhook processor.
 */
export async function startQueueMode(options: QueueModeOptions = {}): Promise<QueueCluster> {
	const runtime = await installN8n(options.version ?? DEFAULT_N8N_VERSION);
	const database = options.database ?? 'n8n_queue';
	const redisDb = options.redisDb ?? 7;
	const prefix = options.prefix ?? 'n8n-queue';
	const concurrency = options.concurrency ?? 10;
	const encryptionKey = randomBytes(24).toString('hex');

	await recreateDatabase(database);
	await redisCommand(redisDb, 'FLUSHDB');

	// A port the OS called free is free until someone binds it: never hand one out twice here.
	const taken = new Set<number>();
	const uniquePort = async () => {
		for (;;) {
			const port = await freePort();
			if (!taken.has(port)) {
				taken.add(port);
				return port;
			}
		}
	};
	const mainPort = await uniquePort();
	const webhookPort = await uniquePort();
	const webhookBaseUrl = `http://localhost:${webhookPort}`;
	const sharedEnv = { ...queueEnv({ database, redisDb, prefix, webhookBaseUrl }), ...options.env };
	const folders: string[] = [];

	const configFor = async (port: number, extraEnv: Record<string, string> = {}): Promise<N8nInstanceConfig> => {
		const userFolder = await mkdtemp(join(tmpdir(), 'n8n-queue-'));
		folders.push(userFolder);
		await linkPackage(runtime, userFolder, options.packageRoot);
		const env: Record<string, string> = { ...sharedEnv, ...extraEnv };
		// 2.x: each process runs its own task broker; n8nEnv would derive the port from N8N_PORT.
		if (runtime.major >= 2) env.N8N_RUNNERS_BROKER_PORT = String(await uniquePort());
		return { runtime, userFolder, port, encryptionKey, env };
	};

	const processes: QueueProcess[] = [];
	const stopAll = async () => {
		await Promise.all(processes.map(async (member) => await member.stop()));
		await Promise.all(folders.map(async (folder) => await rm(folder, { recursive: true, force: true })));
	};

	const mainConfig = await configFor(mainPort);
	const workflows = options.workflows ?? [];
	// The CLI runs n8n's migrations on the fresh database before importing.
	await importCredentials(mainConfig, options.credentials ?? []);
	await importWorkflows(mainConfig, workflows);
	await activateWorkflows(mainConfig, options.activate ?? workflows.map((workflow) => workflow.id));

	// Counted from here: the CLI steps above (n8n's migrations on a fresh database) take as long
	// as the machine makes them.
	const deadline = Date.now() + (options.timeoutMs ?? START_TIMEOUT_MS);
	let workerCount = 0;
	const startWorker = async () => {
		const healthPort = await uniquePort();
		const name = `worker-${++workerCount}`;
		const config = await configFor(healthPort, {
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(healthPort),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		});
		const worker = spawnN8n({
			name,
			role: 'worker',
			args: ['worker', `--concurrency=${concurrency}`],
			config,
			port: healthPort,
			onLog: options.onLog,
		});
		if (options.workerNice) setPriority(worker.pid, options.workerNice);
		processes.push(worker);
		await waitForHttp(worker, `http://127.0.0.1:${healthPort}/healthz/readiness`, Math.max(deadline, Date.now() + START_TIMEOUT_MS));
		return worker;
	};

	let main: QueueProcess;
	let webhook: QueueProcess;
	const workers: QueueProcess[] = [];
	try {
		main = spawnN8n({ name: 'main', role: 'main', args: ['start'], config: mainConfig, port: mainPort, onLog: options.onLog });
		processes.push(main);
		// Main registers the active workflows' webhooks in the database; start the rest after it.
		await waitForHttp(main, `http://127.0.0.1:${mainPort}/healthz/readiness`, deadline);
		webhook = spawnN8n({
			name: 'webhook',
			role: 'webhook',
			args: ['webhook'],
			config: await configFor(webhookPort),
			port: webhookPort,
			onLog: options.onLog,
		});
		processes.push(webhook);
		const started = await Promise.all(
			Array.from({ length: options.workers ?? 2 }, async () => await startWorker()),
		);
		workers.push(...started);
		await waitForHttp(webhook, `http://127.0.0.1:${webhookPort}/healthz`, deadline);
		await waitForWebhooks(webhookBaseUrl, options.webhooks ?? [], {
			timeoutMs: Math.max(1000, deadline - Date.now()),
			isAlive: () => webhook.alive(),
		});
	} catch (error) {
		const failure = withLogs(error, processes);
		await stopAll();
		throw failure;
	}

	const bullKey = (suffix: string) => `${prefix}:${QUEUE_NAME}:${suffix}`;
	const jobCounts = async (): Promise<JobCounts> => {
		const [waiting, active, delayed, failed] = await Promise.all([
			redisCommand(redisDb, 'LLEN', bullKey('wait')),
			redisCommand(redisDb, 'LLEN', bullKey('active')),
			redisCommand(redisDb, 'ZCARD', bullKey('delayed')),
			redisCommand(redisDb, 'ZCARD', bullKey('failed')),
		]);
		return {
			waiting: Number(waiting),
			active: Number(active),
			delayed: Number(delayed),
			failed: Number(failed),
		};
	};

	return {
		runtime,
		database,
		main,
		webhook,
		workers,
		baseUrl: `http://localhost:${mainPort}`,
		webhookBaseUrl,
		webhookUrl: (path) => `${webhookBaseUrl}/webhook/${path}`,
		addWorker: async () => {
			const worker = await startWorker();
			workers.push(worker);
			return worker;
		},
		jobCounts,
		waitForEmptyQueue: async (timeoutMs = 600_000) => {
			const until = Date.now() + timeoutMs;
			for (;;) {
				const counts = await jobCounts();
				if (counts.waiting + counts.active + counts.delayed === 0) return;
				if (Date.now() > until) throw new Error(`queue not empty in time: ${JSON.stringify(counts)}`);
				await sleep(250);
			}
		},
		logs: () => processes.map((member) => `--- ${member.name} ---\n${member.logs()}`).join('\n'),
		stop: stopAll,
	};
}
