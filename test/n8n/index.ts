import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { DEFAULT_N8N_VERSION, installN8n, repoRoot, type N8nRuntime } from './install';

export { DEFAULT_N8N_VERSION, N8N_VERSIONS, findN8n, installN8n, repoRoot } from './install';
export type { N8nRuntime, N8nVersion } from './install';

const PACKAGE_NAME = 'n8n-nodes-zoom-ticketing';

/** Everything an n8n process (CLI command or server) of one instance needs to agree on. */
export interface N8nInstanceConfig {
	runtime: N8nRuntime;
	/** N8N_USER_FOLDER: n8n keeps its SQLite database, settings and community nodes below it. */
	userFolder: string;
	port: number;
	encryptionKey: string;
	/** 2.x task-broker port (N8N_RUNNERS_BROKER_PORT); defaults to port + 1. */
	brokerPort?: number;
	/** Extra environment for n8n (e.g. DB_TYPE=postgresdb, EXECUTIONS_MODE=queue). */
	env?: Record<string, string>;
}

/** A credential for `n8n import:credentials`: plain `data`, encrypted by n8n with the instance key. */
export interface CredentialSpec {
	/** Fixed id (at most 16 characters) so workflows can reference it. */
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export interface WorkflowSpec {
	id: string;
	name: string;
	nodes: unknown[];
	connections: Record<string, unknown>;
	[key: string]: unknown;
}

export interface N8nInstance {
	config: N8nInstanceConfig;
	baseUrl: string;
	/** `${baseUrl}/webhook/${path}` */
	webhookUrl(path: string): string;
	/** Everything n8n printed so far. */
	logs(): string;
	stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
	return await new Promise((resolvePort, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

export function n8nEnv(config: N8nInstanceConfig): NodeJS.ProcessEnv {
	const { runtime, userFolder, port } = config;
	const env: NodeJS.ProcessEnv = {
		...process.env,
		...runtime.env,
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: 'localhost',
		WEBHOOK_URL: `http://localhost:${port}/`,
		N8N_ENCRYPTION_KEY: config.encryptionKey,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
	};
	delete env.NODE_OPTIONS;
	if (runtime.major >= 2) {
		env.N8N_DISABLED_MODULES = 'mcp-registry';
		// Every n8n process on the machine needs its own task-broker port.
		env.N8N_RUNNERS_BROKER_PORT = String(config.brokerPort ?? port + 1);
		// As the README recommends: the `vm` engine then builds an isolate only for an expression,
		// not for every webhook request (see Performance).
		env.N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE = 'true';
	} else {
		env.N8N_RUNNERS_ENABLED = 'false';
		// 1.x's default `vm` expression engine needs isolated-vm, which does not build on Node 20.
		env.N8N_EXPRESSION_ENGINE = 'legacy';
	}
	return { ...env, ...config.env };
}

/**
 * Installs the built package the way n8n's community-node installer leaves it: a copy under
 * `<userFolder>/.n8n/nodes/node_modules/`, with `n8n-workflow` resolving to the runtime's own copy
 * (a peer dependency, as in a real installation) rather than to this repository's devDependency.
 */
export async function linkPackage(runtime: N8nRuntime, userFolder: string, packageRoot = repoRoot) {
	if (!existsSync(join(packageRoot, 'dist', 'nodes'))) {
		throw new Error(`${packageRoot}/dist is missing: run \`npm run build\` first`);
	}
	const modules = join(userFolder, '.n8n', 'nodes', 'node_modules');
	const target = join(modules, PACKAGE_NAME);
	await rm(target, { recursive: true, force: true });
	await mkdir(target, { recursive: true });
	await cp(join(packageRoot, 'package.json'), join(target, 'package.json'));
	await cp(join(packageRoot, 'dist'), join(target, 'dist'), { recursive: true });
	const workflowLink = join(modules, 'n8n-workflow');
	await rm(workflowLink, { recursive: true, force: true });
	const runtimeWorkflow = dirname(
		require.resolve('n8n-workflow/package.json', { paths: [join(runtime.dir, 'node_modules', 'n8n')] }),
	);
	await symlink(runtimeWorkflow, workflowLink, 'dir');
}

/** Runs one n8n CLI command (`import:workflow`, `publish:workflow`, ...) and returns its output. */
export async function runN8nCli(config: N8nInstanceConfig, args: string[]): Promise<string> {
	return await new Promise((resolveOutput, reject) => {
		const child = spawn(config.runtime.nodeBin, [config.runtime.n8nBin, ...args], {
			env: n8nEnv(config),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => {
			if (code === 0) resolveOutput(output);
			else reject(new Error(`n8n ${args.join(' ')} exited with ${code}:\n${output}`));
		});
	});
}

async function withTempFolder<T>(fn: (folder: string) => Promise<T>): Promise<T> {
	const folder = await mkdtemp(join(tmpdir(), 'n8n-import-'));
	try {
		return await fn(folder);
	} finally {
		await rm(folder, { recursive: true, force: true });
	}
}

export async function importCredentials(config: N8nInstanceConfig, credentials: CredentialSpec[]) {
	if (credentials.length === 0) return;
	await withTempFolder(async (folder) => {
		const file = join(folder, 'credentials.json');
		await writeFile(file, JSON.stringify(credentials));
		await runN8nCli(config, ['import:credentials', `--input=${file}`]);
	});
}

export async function importWorkflows(config: N8nInstanceConfig, workflows: WorkflowSpec[]) {
	if (workflows.length === 0) return;
	await withTempFolder(async (folder) => {
		for (const workflow of workflows) {
			await writeFile(join(folder, `${workflow.id}.json`), JSON.stringify(workflow));
		}
		await runN8nCli(config, ['import:workflow', '--separate', `--input=${folder}`]);
	});
}

/** Marks workflows active in n8n's database; takes effect when n8n (re)starts. */
export async function activateWorkflows(config: N8nInstanceConfig, ids: string[]) {
	for (const id of ids) {
		if (config.runtime.major >= 2) await runN8nCli(config, ['publish:workflow', `--id=${id}`]);
		else await runN8nCli(config, ['update:workflow', `--id=${id}`, '--active=true']);
	}
}

async function sleep(ms: number) {
	await new Promise((resolveSleep) => setTimeout(resolveSleep, ms));
}

/**
 * Resolves once every given production webhook is registered. n8n answers a request for a
 * known path with the wrong method differently from an unknown path; a GET to a POST-only path
 * therefore tells registration apart without running the workflow. For GET webhooks pass
 * `{ path, method: 'POST' }` the same way.
 */
export async function waitForWebhooks(
	baseUrl: string,
	webhooks: Array<string | { path: string; probeMethod: string }>,
	{ timeoutMs = START_TIMEOUT_MS, isAlive = () => true }: { timeoutMs?: number; isAlive?: () => boolean } = {},
) {
	const deadline = Date.now() + timeoutMs;
	const pending = webhooks.map((entry) =>
		typeof entry === 'string' ? { path: entry, probeMethod: 'GET' } : entry,
	);
	while (pending.length > 0) {
		if (!isAlive()) throw new Error('n8n exited before its webhooks were registered');
		if (Date.now() > deadline) {
			throw new Error(`webhooks not registered in time: ${pending.map((p) => p.path).join(', ')}`);
		}
		const { path, probeMethod } = pending[0];
		try {
			const response = await fetch(`${baseUrl}/webhook/${path}`, { method: probeMethod });
			const text = await response.text();
			if (response.status !== 404 || /not registered for \w+ requests/i.test(text)) {
				pending.shift();
				continue;
			}
		} catch {
			// n8n is not listening yet.
		}
		await sleep(250);
	}
}

/**
 * How long one n8n process may take to come up. Generous: a first start runs n8n's migrations, and
 * on a shared 2-core machine that alone can take minutes; a healthy start returns much sooner.
 */
export const START_TIMEOUT_MS = 600_000;

export interface StartOptions {
	/** Webhook paths (POST-only) or `{ path, probeMethod }` that must answer before start resolves. */
	webhooks?: Array<string | { path: string; probeMethod: string }>;
	timeoutMs?: number;
	/** Receives every line n8n prints (e.g. to forward to the console). */
	onLog?: (line: string) => void;
}

/** Starts `n8n start` for a prepared user folder and waits until it serves (and its webhooks answer). */
export async function startN8n(config: N8nInstanceConfig, options: StartOptions = {}): Promise<N8nInstance> {
	const baseUrl = `http://localhost:${config.port}`;
	const child: ChildProcess = spawn(config.runtime.nodeBin, [config.runtime.n8nBin, 'start'], {
		env: n8nEnv(config),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	let exited = false;
	const collect = (chunk: Buffer) => {
		const text = chunk.toString();
		output += text;
		if (options.onLog) for (const line of text.split('\n')) if (line.trim()) options.onLog(line);
	};
	child.stdout?.on('data', collect);
	child.stderr?.on('data', collect);
	const exitPromise = new Promise<void>((resolveExit) =>
		child.on('exit', () => {
			exited = true;
			resolveExit();
		}),
	);

	const stop = async () => {
		if (exited) return;
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
		await exitPromise;
		clearTimeout(timer);
	};

	try {
		const timeoutMs = options.timeoutMs ?? START_TIMEOUT_MS;
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			if (exited) throw new Error('n8n exited during start-up');
			if (Date.now() > deadline) throw new Error(`n8n did not open its editor within ${timeoutMs / 1000} s`);
			// /healthz and even /rest/settings answer while n8n still runs migrations; this line
			// comes once the server is up (1.x and 2.x print it).
			if (output.includes('Editor is now accessible')) break;
			await sleep(250);
		}
		await waitForWebhooks(baseUrl, options.webhooks ?? [], {
			timeoutMs: Math.max(1000, deadline - Date.now()),
			isAlive: () => !exited,
		});
	} catch (error) {
		await stop();
		(error as Error).message += `\n--- n8n output ---\n${output.slice(-6000)}`;
		throw error;
	}

	return {
		config,
		baseUrl,
		webhookUrl: (path) => `${baseUrl}/webhook/${path}`,
		logs: () => output,
		stop,
	};
}

export interface LaunchOptions extends StartOptions {
	version?: string;
	/** Defaults to a fresh temporary folder (removed by stop()). */
	userFolder?: string;
	port?: number;
	encryptionKey?: string;
	env?: Record<string, string>;
	credentials?: CredentialSpec[];
	workflows?: WorkflowSpec[];
	/** Workflow ids to activate; defaults to every workflow given. */
	activate?: string[];
	/** Root of the package to load as a community node; defaults to this repository (built). */
	packageRoot?: string;
}

/** Install (if needed) → link the package → import credentials and workflows → activate → start. */
export async function launchN8n(options: LaunchOptions = {}): Promise<N8nInstance> {
	const runtime = await installN8n(options.version ?? DEFAULT_N8N_VERSION);
	const temporary = options.userFolder === undefined;
	const userFolder = options.userFolder ?? (await mkdtemp(join(tmpdir(), 'n8n-user-')));
	const config: N8nInstanceConfig = {
		runtime,
		userFolder,
		port: options.port ?? (await freePort()),
		brokerPort: await freePort(),
		encryptionKey: options.encryptionKey ?? randomBytes(24).toString('hex'),
		env: options.env,
	};
	await linkPackage(runtime, userFolder, options.packageRoot);
	await importCredentials(config, options.credentials ?? []);
	const workflows = options.workflows ?? [];
	await importWorkflows(config, workflows);
	await activateWorkflows(config, options.activate ?? workflows.map((workflow) => workflow.id));
	const instance = await startN8n(config, options);
	if (!temporary) return instance;
	return {
		...instance,
		stop: async () => {
			await instance.stop();
			await rm(userFolder, { recursive: true, force: true });
		},
	};
}

/** Reads a workflow template from workflows/<file>. */
export async function readTemplate(file: string): Promise<WorkflowSpec> {
	return JSON.parse(await readFile(join(repoRoot, 'workflows', file), 'utf8')) as WorkflowSpec;
}

/** Runs a workflow that starts with a Manual Trigger once, from the CLI (n8n need not be running). */
export async function executeWorkflow(config: N8nInstanceConfig, id: string): Promise<string> {
	const output = await runN8nCli(config, ['execute', `--id=${id}`]);
	// `n8n execute` can exit with 0 after a failed execution; its success line is the reliable signal.
	if (!output.includes('Execution was successful')) {
		throw new Error(`workflow ${id} failed:\n${output.slice(-6000)}`);
	}
	return output;
}
