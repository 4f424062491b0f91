import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { startTriggerServer, type TriggerServer } from './webhookServer';
import { SUPPORTED, zoomEvent, zoomHeaders } from './zoomEvents';

const SECRET = 'sim-webhook-secret';
// printf '%s' 'qgg8vlvZRS6UYooatFL8Aw' | openssl dgst -sha256 -hmac 'sim-webhook-secret'
const PLAIN_TOKEN = 'qgg8vlvZRS6UYooatFL8Aw';
const ENCRYPTED_TOKEN = '6dfe0a2bd15fe03a1b4cfaa96a3bd0fb57da663c962ac309f97ccf164fc65138';

interface Reply {
	status: number;
	body: IDataObject;
}

async function post(url: string, body: string | Buffer, headers: Record<string, string>): Promise<Reply> {
	const response = await fetch(url, { method: 'POST', body, headers });
	const text = await response.text();
	return { status: response.status, body: text ? (JSON.parse(text) as IDataObject) : {} };
}

async function sendSigned(server: TriggerServer, event: Record<string, unknown>, secret = SECRET): Promise<Reply> {
	const body = JSON.stringify(event);
	return await post(server.url, body, zoomHeaders(secret, body));
}

describe('Zoom Ticketing Trigger in n8n-core webhook execution', () => {
	let server: TriggerServer;

	before(async () => {
		server = await startTriggerServer({ secretToken: SECRET });
	});

	after(async () => {
		await server.close();
	});

	it('listens on the full path given by the Path parameter', () => {
		assert.ok(server.url.endsWith('/webhook/zoom/events'), server.url);
	});

	it('answers the URL validation handshake and starts nothing', async () => {
		const before = server.executions.length;
		const body = JSON.stringify({ payload: { plainToken: PLAIN_TOKEN }, event_ts: Date.now(), event: 'endpoint.url_validation' });
		const reply = await post(server.url, body, zoomHeaders(SECRET, body));
		assert.equal(reply.status, 200);
		assert.deepEqual(reply.body, { plainToken: PLAIN_TOKEN, encryptedToken: ENCRYPTED_TOKEN });

		const forged = await post(server.url, body, zoomHeaders('not-the-secret', body));
		assert.equal(forged.status, 401);
		assert.equal(forged.body.plainToken, undefined);

		const noToken = JSON.stringify({ payload: {}, event_ts: Date.now(), event: 'endpoint.url_validation' });
		assert.equal((await post(server.url, noToken, zoomHeaders(SECRET, noToken))).status, 400);
		assert.equal(server.executions.length, before);
	});

	it('starts one execution with one normalized item for each supported event', async () => {
		const before = server.executions.length;
		for (const [n, event] of SUPPORTED.entries()) {
			const reply = await sendSigned(server, zoomEvent(event, n));
			assert.equal(reply.status, 200, event);
			assert.deepEqual(reply.body, { message: 'Workflow was started' }, event);
		}
		assert.equal(server.executions.length, before + SUPPORTED.length);

		const emitted = (await server.emitted()).slice(before);
		for (const [n, event] of SUPPORTED.entries()) {
			assert.equal(emitted[n].length, 1, event);
			const item = emitted[n][0].json;
			assert.equal(item.event, event);
			assert.match(String(item.eventId), /^[0-9a-f]{64}$/);
			assert.equal(typeof item.occurredAt, 'string');
			const id = event.startsWith('webinar.') ? item.webinarId : item.meetingId;
			assert.equal(typeof id, 'string', `${event}: id as a string`);
			assert.equal(item.uuid, event.startsWith('webinar.') ? 'W3bUuid/Occ1==' : 'M33tUuid/Occ1==');
			assert.equal(item.hostId, 'sim-host-id');
			assert.deepEqual(item.raw, zoomEvent(event, n, (item.raw as IDataObject).event_ts as number));
			if (event.includes('participant_')) {
				const participant = item.participant as IDataObject;
				assert.equal(participant.email, `attendee${n}@example.com`);
				assert.equal(participant.registrantId, `reg-${n}`);
			}
			if (event.includes('registration_')) assert.equal((item.registrant as IDataObject).id, `reg-${n}`);
			if (event.startsWith('recording.')) {
				const recording = item.recording as IDataObject;
				assert.equal(recording.shareUrl, 'https://zoom.us/rec/share/abc');
				const [file] = recording.files as IDataObject[];
				assert.equal(file.downloadUrl, 'https://zoom.us/rec/download/file-1');
				assert.match(String(file.downloadToken), /^dl-/);
			}
		}
		assert.equal(new Set(emitted.map((items) => items[0].json.eventId)).size, SUPPORTED.length);
	});

	it('gives the same eventId to the same delivery sent twice, and another to another event', async () => {
		const before = server.executions.length;
		const event = zoomEvent('meeting.participant_joined', 42);
		const body = JSON.stringify(event);
		assert.equal((await post(server.url, body, zoomHeaders(SECRET, body))).status, 200);
		// Zoom's retry: the same body, a new timestamp and signature.
		assert.equal((await post(server.url, body, zoomHeaders(SECRET, body, Math.floor(Date.now() / 1000) + 1))).status, 200);
		assert.equal((await sendSigned(server, zoomEvent('meeting.participant_joined', 43))).status, 200);

		const [first, retry, other] = (await server.emitted()).slice(before).map((items) => items[0].json.eventId);
		assert.equal(retry, first);
		assert.notEqual(other, first);
	});

	describe('refuses without starting an execution', () => {
		const refusals: Array<[string, () => Promise<Reply>, number, string]> = [];
		const event = () => zoomEvent('meeting.participant_joined', 7);
		const now = () => Math.floor(Date.now() / 1000);

		refusals.push(
			[
				'a forged signature',
				async () => {
					const body = JSON.stringify(event());
					return await post(server.url, body, { ...zoomHeaders(SECRET, body), 'x-zm-signature': `v0=${'ab'.repeat(32)}` });
				},
				401,
				'Invalid signature',
			],
			['a signature made with another secret', async () => await sendSigned(server, event(), 'wrong-secret'), 401, 'Invalid signature'],
			[
				'a missing x-zm-signature',
				async () => {
					const body = JSON.stringify(event());
					const { 'x-zm-signature': _dropped, ...headers } = zoomHeaders(SECRET, body);
					return await post(server.url, body, headers);
				},
				401,
				'Missing x-zm-signature header',
			],
			[
				'a missing x-zm-request-timestamp',
				async () => {
					const body = JSON.stringify(event());
					const { 'x-zm-request-timestamp': _dropped, ...headers } = zoomHeaders(SECRET, body);
					return await post(server.url, body, headers);
				},
				401,
				'Missing x-zm-request-timestamp header',
			],
			[
				'a malformed signature',
				async () => {
					const body = JSON.stringify(event());
					return await post(server.url, body, { ...zoomHeaders(SECRET, body), 'x-zm-signature': 'sha256=abc' });
				},
				401,
				'Malformed x-zm-signature header',
			],
			[
				'a stale timestamp (correctly signed)',
				async () => {
					const body = JSON.stringify(event());
					return await post(server.url, body, zoomHeaders(SECRET, body, now() - 301));
				},
				401,
				'Request timestamp is too old',
			],
			[
				'a future timestamp (correctly signed)',
				async () => {
					const body = JSON.stringify(event());
					return await post(server.url, body, zoomHeaders(SECRET, body, now() + 360));
				},
				401,
				'Request timestamp is in the future',
			],
			[
				'a body with one byte changed',
				async () => {
					const body = Buffer.from(JSON.stringify(event()));
					const headers = zoomHeaders(SECRET, body);
					const at = body.indexOf('attendee7@');
					body[at] = 'b'.charCodeAt(0);
					return await post(server.url, body, headers);
				},
				401,
				'Invalid signature',
			],
			[
				'a pretty-printed body signed compact',
				async () => {
					const compact = JSON.stringify(event());
					return await post(server.url, JSON.stringify(event(), null, 2), zoomHeaders(SECRET, compact));
				},
				401,
				'Invalid signature',
			],
			[
				'a signed body that is not JSON',
				async () => {
					const body = 'event=meeting.started';
					return await post(server.url, body, { ...zoomHeaders(SECRET, body), 'content-type': 'text/plain' });
				},
				400,
				'Request body is not a JSON object',
			],
			[
				'a signed JSON array',
				async () => await post(server.url, '[1,2]', zoomHeaders(SECRET, '[1,2]')),
				400,
				'Request body is not a JSON object',
			],
		);

		for (const [name, send, status, message] of refusals) {
			it(name, async () => {
				const before = server.executions.length;
				const reply = await send();
				assert.equal(reply.status, status);
				assert.equal(reply.body.message, message);
				assert.equal(server.executions.length, before);
			});
		}

		it('a body declared JSON that is not (n8n itself answers 422)', async () => {
			const before = server.executions.length;
			const body = '{"event":"meeting.started",';
			const reply = await post(server.url, body, zoomHeaders(SECRET, body));
			assert.equal(reply.status, 422);
			assert.equal(server.executions.length, before);
		});
	});

	it('acknowledges events it does not listen to with 200 and starts nothing', async () => {
		const before = server.executions.length;
		const reply = await sendSigned(server, { ...zoomEvent('meeting.started'), event: 'meeting.sharing_started' });
		assert.equal(reply.status, 200);
		assert.match(String(reply.body.message), /does not listen/);
		assert.equal(server.executions.length, before);
	});
});

describe('Zoom Ticketing Trigger options', () => {
	it('starts only the selected events', async () => {
		const server = await startTriggerServer({ secretToken: SECRET, parameters: { events: ['meeting.ended'] } });
		try {
			assert.equal((await sendSigned(server, zoomEvent('meeting.started'))).status, 200);
			assert.equal(server.executions.length, 0);
			assert.equal((await sendSigned(server, zoomEvent('meeting.ended'))).status, 200);
			assert.equal(server.executions.length, 1);
		} finally {
			await server.close();
		}
	});

	it('uses the configured path, tolerance and body size limit', async () => {
		const server = await startTriggerServer({
			secretToken: SECRET,
			parameters: { path: 'tickets/zoom', options: { toleranceSeconds: 30, maxBodySizeKb: 2 } },
		});
		try {
			assert.ok(server.url.endsWith('/webhook/tickets/zoom'));
			const body = JSON.stringify(zoomEvent('meeting.started'));
			const late = await post(server.url, body, zoomHeaders(SECRET, body, Math.floor(Date.now() / 1000) - 60));
			assert.deepEqual([late.status, late.body.message], [401, 'Request timestamp is too old']);

			const big = JSON.stringify({ ...zoomEvent('meeting.started'), padding: 'x'.repeat(2048) });
			const tooBig = await post(server.url, big, zoomHeaders(SECRET, big));
			assert.deepEqual([tooBig.status, tooBig.body.message], [413, 'Request body is too large']);

			assert.equal((await post(server.url, body, zoomHeaders(SECRET, body))).status, 200);
			assert.equal(server.executions.length, 1);
		} finally {
			await server.close();
		}
	});

	it('refuses everything when the credential holds no secret', async () => {
		const server = await startTriggerServer({ secretToken: '' });
		try {
			const body = JSON.stringify(zoomEvent('meeting.started'));
			const reply = await post(server.url, body, zoomHeaders('', body));
			assert.equal(reply.status, 500);
			assert.equal(server.executions.length, 0);
		} finally {
			await server.close();
		}
	});

	it('refuses (500) rather than re-serialise when the raw body is not available', async () => {
		const server = await startTriggerServer({ secretToken: SECRET, keepRawBody: false });
		try {
			const reply = await sendSigned(server, zoomEvent('meeting.started'));
			assert.deepEqual([reply.status, reply.body.message], [500, 'Raw request body is not available']);
			assert.equal(server.executions.length, 0);
		} finally {
			await server.close();
		}
	});
});
