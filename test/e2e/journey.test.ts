import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { Client } from 'pg';

import { DEFAULT_N8N_VERSION, freePort, installN8n, repoRoot, type N8nInstance } from '../n8n';
import { N8nRest } from '../n8n/rest';
import { launchTemplates } from '../n8n/templates';
import { startSimulator, type RunningSimulator } from '../zoom-simulator';
import { startHttpSink, startSmtpSink, type Ticket } from './sinks';

/**
 * The whole journey in a real n8n (the pinned version, N8N_E2E_VERSION to choose another): this
 * package loaded as a community node, every template imported with n8n's CLI and active, the
 * machine's Postgres, the Zoom simulator, an SMTP sink and an HTTP sink for the ticketing
 * platform and the CRM. Everything is driven over HTTP.
 */

const PG = { host: '127.0.0.1', port: 5432, user: 'postgres', password: '' };
const VERSION = process.env.N8N_E2E_VERSION ?? DEFAULT_N8N_VERSION;
// How Zoom's events reach the Zoom events template: its webhook trigger, or its stream trigger over
// the simulator's socket (journey-stream.test.ts).
const DELIVERY = process.env.ZOOM_JOURNEY_DELIVERY === 'stream' ? 'stream' : 'webhook';
const VARIANT = `${VERSION.replace(/\W/g, '_')}${DELIVERY === 'stream' ? '_stream' : ''}`;
// One database per n8n version and delivery, so that the compatibility runs can go side by side;
// N8N_E2E_DATABASE names another (several checkouts testing on one Postgres).
const DATABASE = process.env.N8N_E2E_DATABASE ?? `zoom_e2e_${VARIANT}`;
const STREAM_SUBSCRIPTION = 'journeyStreamSubscription';
const API_KEY = randomBytes(16).toString('hex');
const PLATFORM_TOKEN = 'Bearer platform-token';
const CRM_TOKEN = 'Bearer crm-token';

async function sql<T = Record<string, unknown>>(query: string, values: unknown[] = [], database = DATABASE): Promise<T[]> {
	const client = new Client({ ...PG, database });
	await client.connect();
	try {
		return (await client.query(query, values)).rows as T[];
	} finally {
		await client.end();
	}
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` returns a value (not undefined); fails with `what` after the time limit. */
async function eventually<T>(what: string, check: () => Promise<T | undefined>, limitMs = 300_000): Promise<T> {
	const deadline = Date.now() + limitMs;
	let lastError: unknown;
	while (Date.now() < deadline) {
		try {
			const value = await check();
			if (value !== undefined) return value;
		} catch (error) {
			lastError = error;
		}
		await sleep(250);
	}
	throw new Error(`gave up waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}

describe(`the whole journey in real n8n ${VERSION}, Zoom events by ${DELIVERY}`, { timeout: 30 * 60_000 }, () => {
	let sim: RunningSimulator;
	let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
	let sink: Awaited<ReturnType<typeof startHttpSink>>;
	let n8n: N8nInstance;
	let rest: N8nRest;
	const sent = { ticketing: 0, ticketingResent: 0, zoomWebhooks: 0, zoomWebhooksResent: 0, api: 0 };

	const simControl = async (method: string, path: string, body?: unknown) => {
		const response = await fetch(`${sim.baseUrl}/_sim/${path}`, {
			method,
			headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		assert.ok(response.ok, `${method} /_sim/${path}: ${response.status} ${text}`);
		return (text ? JSON.parse(text) : {}) as Record<string, any>;
	};

	const sentTicketingEvents: Array<{ eventName: string; body: unknown }> = [];
	const ticketing = async (eventName: string, body: unknown) => {
		sent.ticketing++;
		sentTicketingEvents.push({ eventName, body });
		const response = await fetch(n8n.webhookUrl(`ticketing/${eventName}`), {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'X-Api-Key': API_KEY },
			body: JSON.stringify(body),
		});
		const text = await response.text();
		return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, any> };
	};

	const api = async (method: string, path: string, body?: unknown, key: string | null = API_KEY) => {
		sent.api++;
		const headers: Record<string, string> = {};
		if (key !== null) headers['X-Api-Key'] = key;
		if (body !== undefined) headers['Content-Type'] = 'application/json';
		const response = await fetch(n8n.webhookUrl(`api/integrations/zoom/${path}`), {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		let parsed: Record<string, any> = {};
		try {
			parsed = JSON.parse(text) as Record<string, any>;
		} catch {
			parsed = { text };
		}
		return { status: response.status, body: parsed };
	};

	const registrantAudit = async (zoomId: string) => await simControl('GET', `registrants/${zoomId}`);
	const count = async (query: string, values: unknown[] = []) => Number((await sql<{ n: string }>(query, values))[0].n);

	/**
	 * Waits until n8n has finished everything the test set off: no Zoom webhook delivery pending in
	 * the simulator, no execution unfinished, and neither a new delivery nor a new execution
	 * between two looks.
	 */
	const settle = async (what: string) =>
		await rest.waitForIdle(what, {
			quiet: async () => {
				const stats = (await simControl('GET', 'webhooks/stats')) as { deliveries: number; pending: number };
				return stats.pending === 0 ? `${stats.deliveries} deliveries, ${smtp.emails.length} emails, ${sink.requests.length} sink requests` : undefined;
			},
		});

	const event = {
		id: 'evt-devconf-2026',
		title: 'DevConf 2026: building with n8n & <Zoom>',
		start_time: '2026-12-10T15:00:00Z',
		duration: 60,
		timezone: 'Europe/Berlin',
		capacity: 80,
		attendance_mode: 'hybrid',
		attendance_threshold_minutes: 30,
		online_access_url: '',
	};
	const holders = [
		{ email: 'ada@example.org', first_name: 'Ada', last_name: 'Lovelace' },
		{ email: 'grace@example.org', first_name: 'Grace', last_name: 'Hopper' },
		{ email: 'alan@example.org', first_name: 'Alan', last_name: 'Turing' },
		{ email: 'edsger@example.org', first_name: 'Edsger', last_name: 'Dijkstra' },
		{ email: 'barbara@example.org', first_name: 'Barbara', last_name: 'Liskov' },
		{ email: 'margaret@example.org', first_name: 'Margaret', last_name: 'Hamilton' },
	];
	const ticket = (n: number, overrides: Partial<Ticket> = {}): Ticket => ({
		id: `tkt-${n}`,
		event_id: event.id,
		status: 'valid',
		attendance_mode: 'virtual',
		holder: holders[n - 1] ?? { email: `holder${n}@example.org`, first_name: 'Holder', last_name: String(n) },
		...overrides,
	});
	const inPerson = ticket(9, { attendance_mode: 'in_person', holder: { email: 'onsite@example.org', first_name: 'On', last_name: 'Site' } });
	let zoomId = '';
	const figures: Record<string, unknown> = {};

	before(async () => {
		const runtime = await installN8n(VERSION);
		await sql(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`, [], 'test');
		await sql(`CREATE DATABASE ${DATABASE}`, [], 'test');
		sim = await startSimulator({ port: 0, reportDelaySeconds: 0 });
		// A minute for each acknowledgement (Zoom waits 3 s): under load n8n may take longer than 3 s,
		// and what the journey asserts must not depend on that.
		await simControl('PUT', 'config', { webhooks: { retryDelaysMs: [500, 1500, 3000], ackTimeoutMs: 60_000 } });
		smtp = await startSmtpSink();
		sink = await startHttpSink();
		event.online_access_url = `${sink.baseUrl}/events/${event.id}/online-access`;
		const userFolder = join(repoRoot, '.e2e', `n8n-${VARIANT}`);
		const subscription = DELIVERY === 'stream' ? await simControl('POST', 'ws/subscriptions', { id: STREAM_SUBSCRIPTION }) : undefined;
		await rm(userFolder, { recursive: true, force: true });
		await mkdir(userFolder, { recursive: true });
		n8n = await launchTemplates({
			runtime,
			userFolder,
			port: await freePort(),
			encryptionKey: randomBytes(24).toString('hex'),
			adjust: (workflows) => {
				if (!subscription) return;
				// The webhook trigger stays on (its path is part of the readiness check); the runs go over the socket only.
				const stream = workflows.flatMap((workflow) => workflow.nodes as Array<Record<string, any>>).find((node) => node.name === 'Zoom Event Stream')!;
				delete stream.disabled;
				stream.parameters.subscription = subscription.url;
				stream.parameters.options = { maxWaitMs: 200 };
			},
			stack: {
				zoom: {
					apiBaseUrl: sim.apiBaseUrl,
					oauthBaseUrl: sim.baseUrl,
					accountId: 'sim-account',
					clientId: 'sim-client',
					clientSecret: 'sim-secret',
					webhookSecret: 'sim-webhook-secret',
				},
				postgres: { ...PG, database: DATABASE },
				smtp: { host: '127.0.0.1', port: smtp.port },
				apiKey: API_KEY,
				ticketingPlatformAuth: { name: 'Authorization', value: PLATFORM_TOKEN },
				crmAuth: { name: 'Authorization', value: CRM_TOKEN },
				settings: {
					zoomApiBaseUrl: sim.apiBaseUrl,
					crmEndpoint: `${sink.baseUrl}/crm/attendance`,
					ticketListUrl: `${sink.baseUrl}/events/{eventId}/tickets`,
					senderEmail: 'events@devconf.example',
					reportWaitSeconds: 1,
					recordingRecipients: 'attended',
				},
			},
		});
		rest = new N8nRest(n8n.baseUrl);
		await rest.signIn();
		await simControl('POST', 'webhooks/endpoints', { url: n8n.webhookUrl('zoom/events') });
		if (DELIVERY === 'stream') {
			await eventually('the stream trigger to connect', async () => ((await simControl('GET', 'ws/stats')).consumers.length > 0 ? true : undefined));
		}
	});

	/** Zoom events of the runs, as they were sent over the webhook or the socket. */
	const zoomDeliveries = async () =>
		DELIVERY === 'stream'
			? ((await simControl('GET', 'ws/deliveries?state=sent')).deliveries as Array<{ event: string; body: string }>)
			: ((await simControl('GET', 'webhooks/deliveries')).deliveries as Array<{ event: string; body: string }>).filter((d) => d.event !== 'endpoint.url_validation');
	const resendZoomEvent = async (body: { event: string; payload: unknown; event_ts: number }) =>
		await simControl('POST', DELIVERY === 'stream' ? 'ws/send' : 'webhooks/send', { event: body.event, payload: body.payload, event_ts: body.event_ts });

	after(async () => {
		if (Object.keys(figures).length > 0) {
			console.log(`e2e figures: ${JSON.stringify(figures)}`);
			await mkdir(join(repoRoot, '.e2e'), { recursive: true });
			await writeFile(join(repoRoot, '.e2e', `figures-${VERSION}.json`), `${JSON.stringify(figures, null, '\t')}\n`);
		}
		await n8n?.stop();
		await sim?.close();
		await smtp?.close();
		await sink?.close();
	});

	it('setup stored the Zoom connection, never a token', async () => {
		const rows = await sql('SELECT * FROM zoom_connections');
		assert.equal(rows.length, 1);
		assert.equal(rows[0].zoom_account_id, 'sim-account');
		assert.equal(rows[0].email, 'host@example.com');
		assert.equal(rows[0].status, 'connected');
		assert.doesNotMatch(JSON.stringify(rows), /access_token|sim-secret|eyJ/);
	});

	it('publishing the event creates the meeting, its row and the event page', async () => {
		const response = await ticketing('event-published', { event });
		assert.equal(response.status, 200, JSON.stringify(response.body));
		assert.equal(response.body.status, 'created');
		assert.equal(response.body.kind, 'meeting');
		zoomId = String(response.body.zoom_id);
		const state = await simControl('GET', 'state');
		const session = state.sessions.find((s: { id: number }) => String(s.id) === zoomId);
		assert.equal(session.kind, 'meeting');
		assert.equal(session.topic, event.title);

		const [row] = await sql('SELECT * FROM zoom_meetings WHERE ticketing_event_id = $1', [event.id]);
		assert.equal(row.zoom_id, zoomId);
		assert.equal(row.status, 'scheduled');
		assert.match(String(row.join_url), new RegExp(`/j/${zoomId}`));

		const page = sink.pages.get(event.id) as { online_access: Record<string, unknown> };
		assert.equal(page.online_access.join_url, row.join_url);
		assert.equal(page.online_access.passcode, row.passcode);
		assert.ok(Array.isArray(page.online_access.dial_in) && page.online_access.dial_in.length > 0, 'dial-in numbers on the page');
		assert.equal(sink.requests.find((r) => r.method === 'PUT')?.authorization, PLATFORM_TOKEN);
	});

	it('a bad event or ticket body gets a clear 400, a missing key is refused', async () => {
		const bad = await ticketing('event-published', { event: { id: 'x' } });
		assert.equal(bad.status, 400);
		assert.equal(bad.body.error, 'invalid_event');
		const badTicket = await ticketing('ticket-purchased', { ticket: { id: 't', event_id: event.id, holder: { email: 'nope' } } });
		assert.equal(badTicket.status, 400);
		const noKey = await fetch(n8n.webhookUrl('ticketing/ticket-purchased'), { method: 'POST', body: '{}' });
		assert.equal(noKey.status, 403);
		await noKey.text();
	});

	it('three tickets make three registrants, three rows and three emails with the right join URLs', async () => {
		for (const n of [1, 2, 3]) {
			const response = await ticketing('ticket-purchased', { ticket: ticket(n) });
			assert.equal(response.status, 200, JSON.stringify(response.body));
			assert.equal(response.body.status, 'registered');
		}
		const skipped = await ticketing('ticket-purchased', { ticket: inPerson });
		assert.equal(skipped.status, 200);
		assert.equal(skipped.body.status, 'skipped');
		assert.match(skipped.body.reason, /in_person/);

		const audit = await registrantAudit(zoomId);
		assert.equal(audit.total, 3);
		assert.equal(audit.duplicateEmails, 0);
		const rows = await sql("SELECT * FROM zoom_registrants WHERE status = 'registered' ORDER BY ticket_id");
		assert.deepEqual(rows.map((r) => r.ticket_id), ['tkt-1', 'tkt-2', 'tkt-3']);
		for (const n of [1, 2, 3]) {
			const zoomRegistrant = audit.registrants.find((r: { email: string }) => r.email === holders[n - 1].email);
			const row = rows.find((r) => r.ticket_id === `tkt-${n}`)!;
			assert.equal(row.registrant_id, zoomRegistrant.id);
			assert.equal(row.join_url, zoomRegistrant.join_url);
			const emails = smtp.emails.filter((mail) => mail.to === holders[n - 1].email);
			assert.equal(emails.length, 1, `one confirmation for ${holders[n - 1].email}`);
			assert.ok(emails[0].text.includes(zoomRegistrant.join_url), 'the email carries the personal join URL');
			assert.match(emails[0].subject, /DevConf 2026/);
		}
		assert.equal(smtp.emails.some((mail) => mail.to === 'onsite@example.org'), false);
	});

	it('a refund cancels the registrant in Zoom and in the table', async () => {
		const response = await ticketing('ticket-refunded', { ticket: { ...ticket(3), status: 'refunded' } });
		assert.equal(response.status, 200, JSON.stringify(response.body));
		assert.equal(response.body.status, 'cancelled');
		const audit = await registrantAudit(zoomId);
		const alan = audit.registrants.find((r: { email: string }) => r.email === holders[2].email);
		assert.ok(alan.cancelled || alan.status === 'denied', 'cancelled in Zoom');
		const [row] = await sql("SELECT status, cancelled_at FROM zoom_registrants WHERE ticket_id = 'tkt-3'");
		assert.equal(row.status, 'cancelled');
		assert.ok(row.cancelled_at);

		const latePurchase = await ticketing('ticket-purchased', { ticket: ticket(3) });
		assert.equal(latePurchase.body.status, 'ticket_cancelled', 'a refunded ticket is not registered again');
		assert.equal((await registrantAudit(zoomId)).registrants.find((r: { email: string }) => r.email === holders[2].email).cancelled, true);
	});

	it('a Zoom outage during a purchase loses nothing: the nodes retry until Zoom answers', async () => {
		await simControl('PUT', 'faults', { errorRate: 1, errorStatus: 503, match: 'POST /v2/meetings/\\d+/registrants' });
		const purchase = ticketing('ticket-purchased', { ticket: ticket(4) });
		// Zoom stays down until it has refused the registrant add and a retry of it.
		await eventually('the outage to refuse a registrant add and its retry', async () => {
			const faults = await simControl('GET', 'faults');
			return Number(faults.counts.errors) >= 2 ? true : undefined;
		});
		await simControl('DELETE', 'faults');
		const response = await purchase;
		assert.equal(response.status, 200, JSON.stringify(response.body));
		assert.equal(response.body.status, 'registered');
		const audit = await registrantAudit(zoomId);
		assert.equal(audit.registrants.filter((r: { email: string }) => r.email === holders[3].email).length, 1);
		assert.equal(await count("SELECT count(*) n FROM zoom_registrants WHERE ticket_id = 'tkt-4' AND status = 'registered'"), 1);
		assert.equal(smtp.emails.filter((m) => m.to === holders[3].email).length, 1);
	});

	it('a Postgres outage during a purchase loses nothing: the nodes retry until Postgres is back', async () => {
		// Postgres counts each connection it refuses in pg_stat_database.sessions_fatal.
		const refused = async () =>
			Number((await sql<{ n: string }>('SELECT sessions_fatal AS n FROM pg_stat_database WHERE datname = $1', [DATABASE], 'test'))[0].n);
		await sql(`ALTER DATABASE ${DATABASE} ALLOW_CONNECTIONS false`, [], 'test');
		await sql('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [DATABASE], 'test');
		const refusedBefore = await refused();
		const purchase = ticketing('ticket-purchased', { ticket: ticket(5) });
		await eventually('n8n to be refused by Postgres', async () => ((await refused()) > refusedBefore ? true : undefined));
		await sql(`ALTER DATABASE ${DATABASE} ALLOW_CONNECTIONS true`, [], 'test');
		const response = await purchase;
		assert.equal(response.status, 200, JSON.stringify(response.body));
		assert.equal(response.body.status, 'registered');
		assert.equal((await registrantAudit(zoomId)).registrants.filter((r: { email: string }) => r.email === holders[4].email).length, 1);
		assert.equal(await count("SELECT count(*) n FROM zoom_registrants WHERE ticket_id = 'tkt-5'"), 1);
		assert.equal(smtp.emails.filter((m) => m.to === holders[4].email).length, 1);
	});

	it('the reconcile repairs drift from lost webhooks, and changes nothing when run again', async () => {
		// The platform's truth: ticket 6 was sold and ticket 1 refunded, but neither webhook arrived.
		sink.tickets.push(ticket(1, { status: 'refunded' }), ticket(2), ticket(3, { status: 'refunded' }), ticket(4), ticket(5), ticket(6), inPerson);
		const emailsBefore = smtp.emails.length;
		const first = await ticketing('reconcile', {});
		assert.equal(first.status, 200, JSON.stringify(first.body));
		await settle('the first reconcile');
		const audit = await registrantAudit(zoomId);
		const active = audit.registrants.filter((r: { cancelled: boolean; status: string }) => !r.cancelled && r.status === 'approved').map((r: { email: string }) => r.email).sort();
		assert.deepEqual(active, [holders[1].email, holders[3].email, holders[4].email, holders[5].email].sort());
		const rows = await sql('SELECT ticket_id, status FROM zoom_registrants ORDER BY ticket_id');
		assert.deepEqual(rows, [
			{ ticket_id: 'tkt-1', status: 'cancelled' },
			{ ticket_id: 'tkt-2', status: 'registered' },
			{ ticket_id: 'tkt-3', status: 'cancelled' },
			{ ticket_id: 'tkt-4', status: 'registered' },
			{ ticket_id: 'tkt-5', status: 'registered' },
			{ ticket_id: 'tkt-6', status: 'registered' },
		]);
		assert.equal(smtp.emails.length, emailsBefore + 1, 'only the new ticket holder is emailed');
		assert.equal(smtp.emails.at(-1)?.to, holders[5].email);

		const snapshot = JSON.stringify([await registrantAudit(zoomId), await sql('SELECT * FROM zoom_registrants ORDER BY id'), smtp.emails.length]);
		assert.equal((await ticketing('reconcile', {})).status, 200);
		await settle('the second reconcile');
		assert.equal(JSON.stringify([await registrantAudit(zoomId), await sql('SELECT * FROM zoom_registrants ORDER BY id'), smtp.emails.length]), snapshot);
	});

	it('the meeting runs: attendance sessions, summary to the CRM, certificate, recording email', async () => {
		const audit = await registrantAudit(zoomId);
		const id = (email: string) => audit.registrants.find((r: { email: string }) => r.email === email).id as string;
		const run = await simControl('POST', 'runs', {
			meetingId: Number(zoomId),
			durationMinutes: 60,
			participants: [
				{ registrantId: id(holders[1].email), sessions: [{ join: 0, leave: 25 }, { join: 30, leave: 60 }] },
				{ registrantId: id(holders[3].email), sessions: [{ join: 10, leave: 20 }] },
				{ guest: true, name: 'Walk In', email: 'walkin@example.net', sessions: [{ join: 5, leave: 15 }] },
				{ host: true, sessions: [{ join: 0, leave: 60 }] },
			],
			recording: true,
			delivery: DELIVERY === 'stream' ? 'socket' : 'webhook',
			wait: true,
		});
		sent.zoomWebhooks = (await zoomDeliveries()).length;
		assert.ok(sent.zoomWebhooks >= 9, `deliveries: ${sent.zoomWebhooks}`);

		await eventually('the attendance posted to the CRM', async () => (sink.crmPosts.length > 0 ? true : undefined));
		await eventually('the recording email', async () => (smtp.emails.some((m) => /^Recording/.test(m.subject)) ? true : undefined));
		await settle("the meeting's events, report, CRM post and emails");

		const sessions = await sql("SELECT kind, count(*)::int AS n FROM zoom_attendance WHERE kind <> 'total' GROUP BY kind ORDER BY kind");
		assert.deepEqual(sessions, [
			{ kind: 'joined', n: 5 },
			{ kind: 'left', n: 5 },
		]);
		const totals = await sql("SELECT * FROM zoom_attendance WHERE kind = 'total' ORDER BY email");
		const grace = totals.find((t) => t.email === holders[1].email)!;
		const edsger = totals.find((t) => t.email === holders[3].email)!;
		const truth = (email: string) => run.participants.find((p: { email: string }) => p.email === email);
		assert.equal(Number(grace.total_minutes), Math.round((truth(holders[1].email).totalSeconds / 60) * 100) / 100);
		assert.equal(Number(edsger.total_minutes), Math.round((truth(holders[3].email).totalSeconds / 60) * 100) / 100);
		assert.equal(grace.attended, true);
		assert.equal(edsger.attended, false, 'under the 30-minute threshold');
		assert.ok(totals.some((t) => t.guest === true), 'the walk-in guest is reported');

		const [meeting] = await sql('SELECT * FROM zoom_meetings WHERE zoom_id = $1', [zoomId]);
		assert.equal(meeting.status, 'ended');
		assert.ok(meeting.recording_share_url, 'share link stored');

		assert.equal(sink.crmPosts.length, 1);
		const crm = sink.crmPosts[0] as { ticketing_event_id: string; attendees: Array<{ email: string; minutes: number; attended: boolean }> };
		assert.equal(crm.ticketing_event_id, event.id);
		assert.equal(crm.attendees.find((a) => a.email === holders[1].email)?.attended, true);
		assert.equal(sink.requests.find((r) => r.path === '/crm/attendance')?.authorization, CRM_TOKEN);

		const certificates = smtp.emails.filter((m) => /^Certificate/.test(m.subject));
		assert.deepEqual(certificates.map((m) => m.to), [holders[1].email], 'the host, there for the whole hour, gets no certificate');
		assert.match(certificates[0].html, /building with n8n &amp; &lt;Zoom&gt;/, 'the topic reaches the certificate as text');
		assert.doesNotMatch(certificates[0].html, /<Zoom>/);
		assert.ok(totals.some((t) => t.email === 'host@example.com' && t.attended === true), 'the host is in the totals');
		const recordings = smtp.emails.filter((m) => /^Recording/.test(m.subject));
		assert.deepEqual(recordings.map((m) => m.to).sort(), [holders[1].email, holders[3].email].sort());
		assert.ok(recordings.every((m) => m.text.includes(String(meeting.recording_share_url))));
		assert.ok(recordings.every((m) => m.html.includes('n8n &amp; &lt;Zoom&gt;') && !m.html.includes('<Zoom>')), 'the topic reaches the recording email as text');

		const [perTicket] = await sql("SELECT * FROM zoom_ticket_attendance WHERE ticket_id = 'tkt-2'");
		assert.equal(Number(perTicket.total_minutes), Number(grace.total_minutes));
		assert.equal(Number(perTicket.sessions_over_threshold), 1);
	});

	it('the ticketing API: auth status, meetings, registrants, participants, clear 4xx', async () => {
		const auth = await api('GET', 'auth');
		assert.equal(auth.status, 200);
		assert.equal(auth.body.connected, true);
		assert.equal(auth.body.user.email, 'host@example.com');
		assert.equal((await api('GET', 'auth', undefined, null)).status, 403);
		assert.equal((await api('GET', 'auth', undefined, 'wrong-key')).status, 403);

		const bad = await api('POST', 'meetings', { type: 2 });
		assert.equal(bad.status, 400);
		assert.equal(bad.body.error, 'invalid_body');
		const created = await api('POST', 'meetings', {
			topic: 'Office hours',
			type: 2,
			start_time: '2026-12-11T10:00:00Z',
			duration: 30,
			timezone: 'UTC',
			settings: { approval_type: 0, waiting_room: true },
		});
		assert.equal(created.status, 201, JSON.stringify(created.body));
		assert.match(created.body.join_url, /\/j\//);
		assert.ok(created.body.password);

		const badRegistrant = await api('POST', `meetings/${created.body.id}/registrants`, { email: 'not-an-email' });
		assert.equal(badRegistrant.status, 400);
		const registrant = await api('POST', `meetings/${created.body.id}/registrants`, { email: 'guest@example.org', first_name: 'Guest', last_name: 'User' });
		assert.equal(registrant.status, 201, JSON.stringify(registrant.body));
		assert.ok(registrant.body.registrant_id);
		assert.ok(String(registrant.body.join_url).includes(String(created.body.id)), 'a join URL for that meeting');
		const unknown = await api('POST', 'meetings/99999999999/registrants', { email: 'a@example.org', first_name: 'A' });
		assert.equal(unknown.status, 422);
		assert.equal(unknown.body.error, 'zoom_error');
		assert.match(String(unknown.body.message), /could not find it \(code 3001\)/);
		assert.match(String(unknown.body.description), /Check the ID/);
		const noReport = await api('GET', 'meetings/99999999999/participants');
		assert.equal(noReport.status, 409, JSON.stringify(noReport.body));
		assert.equal(noReport.body.error, 'report_unavailable');
		assert.ok(noReport.body.message && noReport.body.description, JSON.stringify(noReport.body));

		const participants = await api('GET', `meetings/${zoomId}/participants`);
		assert.equal(participants.status, 200, JSON.stringify(participants.body));
		const grace = participants.body.participants.find((p: { email: string }) => p.email === holders[1].email);
		assert.ok(grace.minutes > 30);
	});

	it('a second run of the same meeting (a new UUID) gets its own totals, CRM post and certificates', async () => {
		const audit = await registrantAudit(zoomId);
		const id = (email: string) => audit.registrants.find((r: { email: string }) => r.email === email).id as string;
		const first = await sql<{ zoom_uuid: string }>('SELECT zoom_uuid FROM zoom_meetings WHERE zoom_id = $1', [zoomId]);
		const crmBefore = sink.crmPosts.length;
		const run = await simControl('POST', 'runs', {
			meetingId: Number(zoomId),
			durationMinutes: 45,
			participants: [
				{ registrantId: id(holders[4].email), sessions: [{ join: 0, leave: 40 }] },
				{ registrantId: id(holders[1].email), sessions: [{ join: 0, leave: 10 }] },
				{ host: true, sessions: [{ join: 0, leave: 45 }] },
			],
			delivery: DELIVERY === 'stream' ? 'socket' : 'webhook',
			wait: true,
		});
		assert.notEqual(run.uuid, first[0].zoom_uuid, 'a new instance UUID');
		await eventually('the second run posted to the CRM', async () => (sink.crmPosts.length > crmBefore ? true : undefined));
		await settle('the second run');

		const sessions = await sql("SELECT kind, count(*)::int AS n FROM zoom_attendance WHERE kind <> 'total' AND zoom_uuid = $1 GROUP BY kind ORDER BY kind", [run.uuid]);
		assert.deepEqual(sessions, [
			{ kind: 'joined', n: 3 },
			{ kind: 'left', n: 3 },
		]);
		const totals = await sql("SELECT email, attended FROM zoom_attendance WHERE kind = 'total' AND zoom_uuid = $1 ORDER BY email", [run.uuid]);
		assert.deepEqual(totals.map((t) => t.email).sort(), [holders[1].email, holders[4].email, 'host@example.com'].sort());
		assert.equal(sink.crmPosts.length, crmBefore + 1);
		assert.equal((sink.crmPosts.at(-1) as { zoom_uuid: string }).zoom_uuid, run.uuid);
		const certificates = smtp.emails.filter((m) => /^Certificate/.test(m.subject)).map((m) => m.to);
		assert.deepEqual(certificates, [holders[1].email, holders[4].email], 'Barbara, over the threshold in the second run; nobody else');
		const [meeting] = await sql('SELECT status, zoom_uuid FROM zoom_meetings WHERE zoom_id = $1', [zoomId]);
		assert.deepEqual(meeting, { status: 'ended', zoom_uuid: run.uuid });
	});

	it('a webinar-sized event becomes a webinar; updates and cancellation reach Zoom', async () => {
		const big = { ...event, id: 'evt-keynote-2026', title: 'Keynote', capacity: 5000, online_access_url: `${sink.baseUrl}/events/evt-keynote-2026/online-access` };
		const published = await ticketing('event-published', { event: big });
		assert.equal(published.status, 200, JSON.stringify(published.body));
		assert.equal(published.body.kind, 'webinar');
		const webinarId = String(published.body.zoom_id);
		const updated = await ticketing('event-updated', { event: { ...big, title: 'Keynote (moved)', start_time: '2026-12-12T16:00:00Z' } });
		assert.equal(updated.status, 200, JSON.stringify(updated.body));
		let state = await simControl('GET', 'state');
		assert.equal(state.sessions.find((s: { id: number }) => String(s.id) === webinarId).topic, 'Keynote (moved)');
		const [row] = await sql('SELECT topic, start_time FROM zoom_meetings WHERE zoom_id = $1', [webinarId]);
		assert.equal(row.topic, 'Keynote (moved)');
		assert.equal((row.start_time as Date).toISOString(), '2026-12-12T16:00:00.000Z');

		const cancelled = await ticketing('event-cancelled', { event: { id: big.id } });
		assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
		assert.equal(cancelled.body.status, 'cancelled');
		state = await simControl('GET', 'state');
		assert.equal(state.sessions.some((s: { id: number }) => String(s.id) === webinarId), false, 'deleted in Zoom');
		assert.equal((await sql('SELECT status FROM zoom_meetings WHERE zoom_id = $1', [webinarId]))[0].status, 'cancelled');
		const again = await ticketing('event-cancelled', { event: { id: big.id } });
		assert.equal(again.body.status, 'nothing_to_cancel');
		const unknown = await ticketing('event-updated', { event: { id: 'evt-unknown' } });
		assert.equal(unknown.status, 404);
	});

	it('every event sent a second time duplicates nothing anywhere', async () => {
		const before = {
			meetings: (await simControl('GET', 'state')).sessions.length,
			registrants: (await registrantAudit(zoomId)).total,
			emails: smtp.emails.length,
			crm: sink.crmPosts.length,
			rows: await sql(
				'SELECT (SELECT count(*) FROM zoom_meetings) m, (SELECT count(*) FROM zoom_registrants) r, (SELECT count(*) FROM zoom_attendance) a, (SELECT count(*) FROM zoom_connections) c',
			),
		};
		const originals = [...sentTicketingEvents];
		for (const { eventName, body } of originals) {
			const again = await ticketing(eventName, body);
			assert.ok(again.status < 500, `${eventName} sent again: ${again.status} ${JSON.stringify(again.body)}`);
		}
		sent.ticketingResent = originals.length;
		sent.ticketing -= originals.length;

		for (const delivery of await zoomDeliveries()) {
			await resendZoomEvent(JSON.parse(delivery.body) as { event: string; payload: unknown; event_ts: number });
			sent.zoomWebhooksResent++;
		}
		await settle('the events sent a second time');

		const afterwards = {
			meetings: (await simControl('GET', 'state')).sessions.length,
			registrants: (await registrantAudit(zoomId)).total,
			emails: smtp.emails.length,
			crm: sink.crmPosts.length,
			rows: await sql(
				'SELECT (SELECT count(*) FROM zoom_meetings) m, (SELECT count(*) FROM zoom_registrants) r, (SELECT count(*) FROM zoom_attendance) a, (SELECT count(*) FROM zoom_connections) c',
			),
		};
		assert.deepEqual(afterwards, before);
		assert.equal((await registrantAudit(zoomId)).duplicateEmails, 0);
		const page = sink.pages.get(event.id) as { online_access: { join_url: string } };
		assert.equal(page.online_access.join_url, (await sql('SELECT join_url FROM zoom_meetings WHERE zoom_id = $1', [zoomId]))[0].join_url);
	});

	it('in the end: no duplicates anywhere', async () => {
		const duplicates = {
			zoomRegistrants: (await registrantAudit(zoomId)).duplicateEmails as number,
			meetingRows: await count('SELECT count(*) - count(DISTINCT zoom_id) n FROM zoom_meetings'),
			registrantRows: await count('SELECT count(*) - count(DISTINCT (ticket_id, meeting_id)) n FROM zoom_registrants'),
			attendanceRows: await count("SELECT count(*) - count(DISTINCT event_id) n FROM zoom_attendance WHERE kind <> 'total'"),
			totalRows: await count("SELECT count(*) - count(DISTINCT (meeting_id, zoom_uuid, person_key)) n FROM zoom_attendance WHERE kind = 'total'"),
			emails: smtp.emails.length - new Set(smtp.emails.map((m) => `${m.to}|${m.subject}`)).size,
			crmPosts: sink.crmPosts.length - new Set(sink.crmPosts.map((p) => JSON.stringify(p))).size,
		};
		const rows = await sql<{ t: string; n: number }>(
			"SELECT 'zoom_connections' t, count(*)::int n FROM zoom_connections UNION ALL SELECT 'zoom_meetings', count(*)::int FROM zoom_meetings UNION ALL SELECT 'zoom_registrants', count(*)::int FROM zoom_registrants UNION ALL SELECT 'zoom_attendance', count(*)::int FROM zoom_attendance",
		);
		Object.assign(figures, {
			n8n: VERSION,
			eventsSent: { ...sent, total: sent.ticketing + sent.ticketingResent + sent.zoomWebhooks + sent.zoomWebhooksResent + sent.api },
			rows: Object.fromEntries(rows.map((row) => [row.t, row.n])),
			emails: smtp.emails.length,
			emailsBySubject: {
				confirmation: smtp.emails.filter((m) => /^Your Zoom link/.test(m.subject)).length,
				certificate: smtp.emails.filter((m) => /^Certificate/.test(m.subject)).length,
				recording: smtp.emails.filter((m) => /^Recording/.test(m.subject)).length,
			},
			crmPosts: sink.crmPosts.length,
			eventPageWrites: sink.requests.filter((r) => r.method === 'PUT').length,
			duplicates,
			duplicatesTotal: Object.values(duplicates).reduce((a, b) => a + b, 0),
		});
		assert.deepEqual(Object.values(duplicates), Object.values(duplicates).map(() => 0), JSON.stringify(duplicates));
	});
});
