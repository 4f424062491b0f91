import type { IncomingMessage, ServerResponse } from 'node:http';

import { zoomTime } from './clock';
import { isPlan } from './config';
import type { ApiRequest } from './context';
import { fileSha256 } from './downloads';
import { ZoomError } from './errors';
import type { FaultConfig } from './faults';
import { readBody, sendJson } from './http';
import { findOperation } from './openapi';
import { register } from './resources/registrants';
import { createSession, serializeSession } from './resources/sessions';
import type { RunInput } from './runner';
import type { Simulator } from './simulator';
import type { SessionKind } from './state/types';

type Json = Record<string, any>;

function fail(status: number, message: string): never {
	throw new ZoomError(status, status, message);
}

/** An internal request as the host, for seeding through the same code paths as the API. */
function hostRequest(sim: Simulator, operationId: string, body: Json, params: Record<string, string> = {}): ApiRequest {
	const host = sim.store.host;
	return {
		sim,
		spec: findOperation(operationId),
		user: host,
		token: { token: 'seed', userId: host.id, kind: 'user', expiresAt: Infinity },
		params: { userId: host.id, ...params },
		query: {},
		body,
	};
}

function seedSessions(sim: Simulator, kind: SessionKind, list: Json[] | undefined): Json[] {
	return (list ?? []).map((body) => {
		const session = createSession(hostRequest(sim, kind === 'meeting' ? 'meetingCreate' : 'webinarCreate', body), kind, sim.store.host, false);
		return serializeSession(sim, session);
	});
}

/** Bulk registrants straight into the store: no rate limits, no daily limits. */
function seedRegistrants(sim: Simulator, spec: Json): Json {
	const kind: SessionKind = spec.webinarId !== undefined ? 'webinar' : 'meeting';
	const id = Number(spec.webinarId ?? spec.meetingId);
	const session = sim.store.sessions.get(id);
	if (!session || session.kind !== kind) fail(404, `No ${kind} ${id}.`);
	const request = hostRequest(sim, kind === 'meeting' ? 'meetingRegistrantCreate' : 'webinarRegistrantCreate', {});
	const quiet = spec.webhooks !== true;
	const saved = quiet ? new Map(sim.webhooks.endpoints) : undefined;
	if (saved) sim.webhooks.endpoints.clear();
	const socketsMuted = sim.sockets.muted;
	sim.sockets.muted = quiet;
	try {
		const explicit = (spec.registrants ?? []) as Json[];
		const count = Number(spec.count ?? 0);
		const domain = spec.emailDomain ?? 'attendees.example.com';
		const prefix = spec.emailPrefix ?? 'attendee';
		const ids: string[] = [];
		for (const input of explicit) ids.push(register(request, session, input, true).id);
		for (let i = 1; i <= count; i++) {
			const registrant = register(request, session, { email: `${prefix}${i}@${domain}`, first_name: 'Attendee', last_name: String(i) }, true);
			if (spec.status) registrant.status = spec.status;
			ids.push(registrant.id);
		}
		return { kind, id, added: ids.length, total: session.registrants.size, registrantIds: spec.returnIds === false ? undefined : ids };
	} finally {
		sim.sockets.muted = socketsMuted;
		if (saved) for (const [key, value] of saved) sim.webhooks.endpoints.set(key, value);
	}
}

function summary(sim: Simulator): Json {
	return {
		plan: sim.plan,
		rateLimits: sim.limiter.enabled,
		now: zoomTime(sim.clock.now()),
		users: sim.store.users.size,
		sessions: [...sim.store.sessions.values()].map((s) => ({
			kind: s.kind,
			id: s.id,
			uuid: s.uuid,
			type: s.type,
			topic: s.topic,
			status: s.status,
			registrants: s.registrants.size,
			instances: s.instances.map((i) => ({ uuid: i.uuid, participants: i.participants.length })),
		})),
		recordings: sim.store.recordings.size,
		webhookEndpoints: sim.webhooks.endpoints.size,
		socketSubscriptions: sim.sockets.subscriptions.size,
	};
}

function registrantAudit(sim: Simulator, id: number): Json {
	const session = sim.store.sessions.get(id);
	if (!session) fail(404, `No meeting or webinar ${id}.`);
	const byStatus: Record<string, number> = { approved: 0, pending: 0, denied: 0, cancelled: 0 };
	const emails = new Map<string, number>();
	for (const r of session.registrants.values()) {
		byStatus[r.cancelled ? 'cancelled' : r.status]++;
		const key = r.email.toLowerCase();
		emails.set(key, (emails.get(key) ?? 0) + 1);
	}
	const duplicates = [...emails.values()].filter((n) => n > 1).length;
	return {
		id,
		kind: session.kind,
		total: session.registrants.size,
		byStatus,
		duplicateEmails: duplicates,
		registrants: [...session.registrants.values()].map((r) => ({
			id: r.id,
			email: r.email,
			first_name: r.first_name,
			last_name: r.last_name,
			status: r.status,
			cancelled: r.cancelled,
			join_url: r.join_url,
		})),
	};
}

export async function handleControl(sim: Simulator, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
	const method = req.method ?? 'GET';
	const parts = url.pathname.split('/').filter(Boolean).slice(1);
	const route = `${method} /${parts.join('/')}`;
	let body: Json = {};
	const raw = await readBody(req);
	try {
		if (raw.trim()) body = JSON.parse(raw);
		const result = await dispatch(sim, route, parts, body, url);
		sendJson(res, result.status ?? 200, result.body);
	} catch (error) {
		if (error instanceof SyntaxError) sendJson(res, 400, { error: 'body is not JSON' });
		else if (error instanceof ZoomError) sendJson(res, error.status, { error: error.message, code: error.code });
		else sendJson(res, 400, { error: (error as Error).message });
	}
}

async function dispatch(sim: Simulator, route: string, parts: string[], body: Json, url: URL): Promise<{ status?: number; body?: unknown }> {
	const q = url.searchParams;
	switch (route) {
		case 'GET /health':
			return { body: { ok: true, baseUrl: sim.baseUrl } };
		case 'POST /reset':
			sim.reset();
			if (body.plan !== undefined) {
				if (!isPlan(body.plan)) fail(400, 'plan must be free, pro or business');
				sim.setPlan(body.plan);
			}
			return { body: summary(sim) };
		case 'GET /state':
			return { body: summary(sim) };
		case 'GET /identity':
			return { body: { ...sim.identity, hostUserId: sim.store.host.id, baseUrl: sim.baseUrl, apiBaseUrl: `${sim.baseUrl}/v2` } };
		case 'POST /seed': {
			const out: Json = {
				meetings: seedSessions(sim, 'meeting', body.meetings),
				webinars: seedSessions(sim, 'webinar', body.webinars),
				registrants: ((body.registrants ?? []) as Json[]).map((spec) => seedRegistrants(sim, spec)),
			};
			return { status: 201, body: out };
		}
		case 'GET /plan':
			return { body: { plan: sim.plan, rateLimits: sim.limiter.enabled } };
		case 'PUT /plan':
		case 'POST /plan':
			if (body.plan !== undefined) {
				if (!isPlan(body.plan)) fail(400, 'plan must be free, pro or business');
				sim.setPlan(body.plan);
			}
			if (body.rateLimits !== undefined) sim.limiter.enabled = body.rateLimits !== false;
			return { body: { plan: sim.plan, rateLimits: sim.limiter.enabled } };
		case 'GET /config':
			return { body: config(sim) };
		case 'PUT /config':
		case 'POST /config':
			if (body.tokenTtlSeconds !== undefined) sim.tokenTtlSeconds = Number(body.tokenTtlSeconds);
			if (body.reportDelaySeconds !== undefined) sim.reportDelaySeconds = Number(body.reportDelaySeconds);
			if (body.validateResponses !== undefined) sim.validateResponses = body.validateResponses === true;
			if (body.webhooks) Object.assign(sim.webhooks.options, body.webhooks);
			return { body: config(sim) };
		case 'GET /faults':
			return { body: { config: sim.faults.get(), counts: sim.faults.counts } };
		case 'PUT /faults':
		case 'POST /faults':
			sim.faults.set(body as FaultConfig);
			return { body: { config: sim.faults.get(), counts: sim.faults.counts } };
		case 'DELETE /faults':
			sim.faults.clear();
			return { body: { config: sim.faults.get(), counts: sim.faults.counts } };
		case 'POST /tokens/revoke':
			if (body.token) return { body: { revoked: sim.store.accessTokens.delete(body.token) ? 1 : 0 } };
			return { body: { revoked: sim.revokeTokens() } };
		case 'GET /clock':
			return { body: { now: new Date(sim.clock.now()).toISOString(), offsetMs: sim.clock.now() - Date.now() } };
		case 'POST /clock/advance': {
			const ms = Number(body.seconds ?? 0) * 1000 + Number(body.minutes ?? 0) * 60_000 + Number(body.hours ?? 0) * 3_600_000 + Number(body.days ?? 0) * 86_400_000;
			if (!(ms >= 0)) fail(400, 'the clock only moves forward');
			sim.clock.advance(ms);
			return { body: { now: new Date(sim.clock.now()).toISOString() } };
		}
		case 'GET /requests': {
			const requests = sim.log.query({
				since: q.has('since') ? Number(q.get('since')) : undefined,
				method: q.get('method') ?? undefined,
				path: q.get('path') ?? undefined,
				operationId: q.get('operationId') ?? undefined,
				limit: q.has('limit') ? Number(q.get('limit')) : undefined,
			});
			const counts: Record<string, number> = {};
			for (const r of requests) {
				const key = r.operationId ?? `${r.method} ${r.path}`;
				counts[key] = (counts[key] ?? 0) + 1;
			}
			return { body: { total: requests.length, counts, requests: q.get('countsOnly') === 'true' ? undefined : requests } };
		}
		case 'DELETE /requests':
			sim.log.clear();
			return { status: 204 };
		case 'GET /violations':
			return { body: { violations: sim.violations } };
		case 'POST /webhooks/endpoints': {
			if (typeof body.url !== 'string') fail(400, 'url is required');
			try {
				const endpoint = await sim.webhooks.register(body.url, { secret: body.secret, events: body.events });
				return { status: 201, body: endpoint };
			} catch (error) {
				return { status: 422, body: { error: (error as Error).message } };
			}
		}
		case 'GET /webhooks/endpoints':
			return { body: { endpoints: [...sim.webhooks.endpoints.values()] } };
		case 'DELETE /webhooks/endpoints':
			sim.webhooks.endpoints.clear();
			return { status: 204 };
		case 'GET /webhooks/deliveries': {
			const event = q.get('event');
			const state = q.get('state');
			const since = Number(q.get('since') ?? 0);
			const list = sim.webhooks.deliveries.filter(
				(d) => d.seq > since && (!event || d.event === event) && (!state || d.state === state),
			);
			return { body: { total: list.length, deliveries: q.get('bodies') === 'false' ? list.map(({ body: _b, ...rest }) => rest) : list } };
		}
		case 'GET /webhooks/stats':
			return { body: sim.webhooks.stats() };
		case 'POST /webhooks/wait': {
			const timeoutMs = Number(body.timeoutSeconds ?? 60) * 1000;
			let timer: NodeJS.Timeout | undefined;
			const timedOut = await Promise.race([
				sim.webhooks.idle().then(() => false),
				new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs))),
			]);
			clearTimeout(timer);
			return { body: { timedOut, ...sim.webhooks.stats() } };
		}
		case 'POST /webhooks/send': {
			if (typeof body.event !== 'string' || typeof body.payload !== 'object') fail(400, 'event and payload are required');
			const queued = sim.webhooks.emit(body.event, body.payload, body.event_ts);
			return { status: 202, body: { queued } };
		}
		case 'POST /ws/subscriptions':
			try {
				return { status: 201, body: sim.sockets.create({ id: body.id, events: body.events }) };
			} catch (error) {
				return fail(400, (error as Error).message);
			}
		case 'GET /ws/subscriptions':
			return { body: { subscriptions: [...sim.sockets.subscriptions.values()].map((s) => ({ ...s, url: sim.sockets.urlOf(s.id) })) } };
		case 'DELETE /ws/subscriptions':
			return { body: { removed: sim.sockets.remove(body.id) } };
		case 'POST /ws/send': {
			if (typeof body.event !== 'string' || typeof body.payload !== 'object') fail(400, 'event and payload are required');
			return { status: 202, body: sim.sockets.emitRaw(body.event, sim.webhooks.body(body.event, body.payload, body.event_ts)) };
		}
		case 'POST /ws/drop':
			return { body: { dropped: sim.sockets.drop(body.subscriptionId, Number(body.refuseMs ?? 0)) } };
		case 'POST /ws/refuse-tokens':
			sim.sockets.refuseTokens(Number(body.count ?? 1));
			return { body: { refusing: Number(body.count ?? 1) } };
		case 'POST /ws/flap':
			sim.sockets.flap(body.subscriptionId, Number(body.count ?? 1));
			return { body: { flapping: Number(body.count ?? 1) } };
		case 'POST /ws/stall':
			return { body: { stalled: sim.sockets.stall(body.subscriptionId, body.ms === undefined ? undefined : Number(body.ms)) } };
		case 'POST /ws/expire-tokens':
			return { body: { expired: sim.sockets.expireTokens(body.subscriptionId) } };
		case 'GET /ws/stats':
			return { body: sim.sockets.stats() };
		case 'GET /ws/deliveries': {
			const since = Number(q.get('since') ?? 0);
			const state = q.get('state');
			const list = sim.sockets.deliveries.filter((d) => d.seq > since && (!state || d.state === state));
			return { body: { total: list.length, deliveries: q.get('bodies') === 'false' ? list.map(({ body: _b, ...rest }) => rest) : list } };
		}
		case 'POST /runs': {
			const { run, done } = sim.runner.start(body as RunInput);
			if (body.wait === true) await done;
			const answer = body.returnParticipants === false ? { ...run, participants: undefined } : run;
			return { status: body.wait === true ? 200 : 202, body: answer };
		}
		case 'GET /runs':
			return { body: { runs: [...sim.runner.runs.values()].map(({ participants: _p, ...rest }) => rest) } };
	}
	if (parts[0] === 'runs' && parts.length >= 2) {
		const run = sim.runner.runs.get(parts[1]);
		if (!run) fail(404, `No run ${parts[1]}.`);
		if (route.startsWith('GET ') && parts.length === 2) return { body: { ...run, webhooks: sim.webhooks.stats() } };
		if (route.startsWith('POST ') && parts[2] === 'wait') {
			await sim.runner.completion(run.id);
			return { body: run };
		}
		if (route.startsWith('POST ') && parts[2] === 'end') {
			const session = sim.store.sessions.get(run.sessionId);
			if (session) sim.endLive(session);
			return { body: run };
		}
	}
	if (route.startsWith('DELETE /webhooks/endpoints/') && parts.length === 3) {
		return { status: sim.webhooks.endpoints.delete(parts[2]) ? 204 : 404 };
	}
	if (route.startsWith('GET /registrants/') && parts.length === 2) return { body: registrantAudit(sim, Number(parts[1])) };
	if (route.startsWith('GET /recordings/files/') && parts.length === 4 && parts[3] === 'sha256') {
		const entry = sim.store.recordingFiles.get(parts[2]);
		if (!entry) fail(404, `No recording file ${parts[2]}.`);
		return { body: { id: entry.file.id, size: entry.file.file_size, sha256: await fileSha256(entry.file) } };
	}
	fail(404, `No control endpoint ${route}.`);
}

function config(sim: Simulator): Json {
	return {
		tokenTtlSeconds: sim.tokenTtlSeconds,
		reportDelaySeconds: sim.reportDelaySeconds,
		validateResponses: sim.validateResponses,
		webhooks: sim.webhooks.options,
	};
}
