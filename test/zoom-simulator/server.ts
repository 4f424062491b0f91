import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';

import type { ApiRequest, ApiResult } from './context';
import { handleControl } from './control';
import { serveDownload } from './downloads';
import { ZoomError } from './errors';
import { parseQuery, readBody, sendJson } from './http';
import { authorize, token } from './oauth';
import { decodeSegment } from './router';
import type { Simulator } from './simulator';
import { validateRequest, validateResponse } from './validation';

function bearer(req: IncomingMessage): string | undefined {
	const header = req.headers.authorization;
	return header?.toLowerCase().startsWith('bearer ') ? header.slice(7).trim() : undefined;
}

async function handleApi(sim: Simulator, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
	const started = Date.now();
	const method = req.method ?? 'GET';
	const path = url.pathname;
	const query = parseQuery(url.searchParams);
	const logged: { status: number; body?: unknown; operationId?: string; category?: string } = { status: 0 };
	const finish = (result: ApiResult) => {
		logged.status = result.status;
		sendJson(res, result.status, result.body, result.headers);
		sim.log.add({
			time: new Date().toISOString(),
			method,
			path,
			query,
			status: result.status,
			body: logged.body,
			operationId: logged.operationId,
			category: logged.category,
			durationMs: Date.now() - started,
		});
	};
	try {
		const text = await readBody(req);
		let body: unknown;
		let bodyError = false;
		if (text.trim() !== '') {
			try {
				body = JSON.parse(text);
			} catch {
				bodyError = true;
				logged.body = text.slice(0, 2000);
			}
		}
		if (!bodyError) logged.body = body;

		const accessToken = bearer(req);
		const tokenRecord = accessToken ? sim.store.accessTokens.get(accessToken) : undefined;
		if (!tokenRecord) throw new ZoomError(401, 124, 'Invalid access token.');
		if (tokenRecord.expiresAt <= sim.clock.now()) throw new ZoomError(401, 124, 'Access token is expired.');
		if (sim.faults.tokenRevocationDue()) {
			sim.revokeTokens();
			throw new ZoomError(401, 124, 'Invalid access token.');
		}
		const user = sim.store.users.get(tokenRecord.userId) ?? sim.store.host;

		const segments: string[] = [];
		for (const part of path.slice('/v2/'.length).split('/').filter(Boolean)) {
			const decoded = decodeSegment(part);
			if (typeof decoded !== 'string') {
				throw new ZoomError(404, 3001, `Meeting does not exist: ${decoded.segment}. A UUID that begins with / or contains // must be double-encoded.`);
			}
			segments.push(decoded);
		}
		const match = sim.router.match(method, segments);
		if (!match) {
			const allowed = sim.router.allowedMethods(segments);
			if (allowed.length > 0) throw new ZoomError(405, 405, `Method ${method} is not allowed here. Allowed: ${allowed.join(', ')}.`);
			throw new ZoomError(404, 404, 'Not Found');
		}
		logged.operationId = match.spec.operationId;
		logged.category = match.spec.rateCategory;

		sim.faults.storm(method, path);
		const rateHeaders = sim.limiter.admit(match.spec.rateCategory);
		const slow = sim.faults.delayMs(method, path);
		if (slow > 0) await delay(slow);
		const fault = sim.faults.decide(method, path);
		if (fault.kind === 'drop' && !fault.after) {
			req.socket.destroy();
			sim.log.add({ time: new Date().toISOString(), method, path, query, status: 0, body: logged.body, operationId: logged.operationId, category: logged.category, durationMs: Date.now() - started });
			return;
		}
		if (fault.kind === 'error' && !fault.after) throw new ZoomError(fault.status, fault.status, 'Internal Error. Try again later.');

		if (bodyError) throw new ZoomError(400, 300, 'Request Body should be a valid JSON object.');
		const params: Record<string, unknown> = { ...match.params };
		const failure = validateRequest(match.spec, params, query, body);
		if (failure) {
			throw new ZoomError(400, 300, `Validation Failed. Invalid field: ${failure.field} (${failure.message}).`, [
				{ field: failure.field, message: failure.message },
			]);
		}
		const request: ApiRequest = {
			sim,
			spec: match.spec,
			user,
			token: tokenRecord,
			params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])),
			query,
			body: body ?? {},
		};
		const result = sim.handle(request);
		if (!result) throw new ZoomError(501, 501, `The simulator does not model ${method} ${match.spec.pathTemplate} (${match.spec.operationId}).`);
		if (fault.kind === 'drop') {
			req.socket.destroy();
			sim.log.add({ time: new Date().toISOString(), method, path, query, status: 0, body: logged.body, operationId: logged.operationId, category: logged.category, durationMs: Date.now() - started });
			return;
		}
		if (fault.kind === 'error') throw new ZoomError(fault.status, fault.status, 'Internal Error. Try again later.');
		if (sim.validateResponses) {
			const violation = validateResponse(match.spec, result.status, result.body);
			if (violation) sim.violations.push({ ...violation, operationId: match.spec.operationId, status: result.status, path });
		}
		finish({ ...result, headers: { ...rateHeaders, ...result.headers } });
	} catch (error) {
		if (error instanceof ZoomError) {
			finish({ status: error.status, body: error.toBody(), headers: error.headers });
			return;
		}
		finish({ status: 500, body: { code: 500, message: `Simulator error: ${(error as Error).message}` } });
	}
}

export function createSimulatorServer(sim: Simulator): Server {
	return createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const path = url.pathname;
		const fail = (error: unknown) => {
			if (!res.headersSent) sendJson(res, 500, { code: 500, message: `Simulator error: ${(error as Error).message}` });
			else res.destroy();
		};
		if (path.startsWith('/v2/')) {
			handleApi(sim, req, res, url).catch(fail);
		} else if (path === '/oauth/token' && req.method === 'POST') {
			token(sim, req, url, res)
				.then(() => sim.log.add({ time: new Date().toISOString(), method: 'POST', path, query: {}, status: res.statusCode, durationMs: 0 }))
				.catch(fail);
		} else if (path === '/oauth/authorize' && req.method === 'GET') {
			authorize(sim, url, res);
		} else if (path.startsWith('/_sim/')) {
			handleControl(sim, req, res, url).catch(fail);
		} else if (path.startsWith('/rec/')) {
			serveDownload(sim, req, res, url).catch(fail);
		} else {
			sendJson(res, 404, { code: 404, message: 'Not Found' });
		}
	});
}
