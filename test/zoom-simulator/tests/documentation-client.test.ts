import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';

import { startSimulator, type RunningSimulator } from '../index';

/**
 * A client written from Zoom's public documentation only (OAuth, Meetings API, webhooks), with
 * plain fetch: nothing here uses the simulator's code except to start it and to drive its
 * control API, which stands in for people joining a real meeting.
 */
describe('a client written from Zoom’s documentation', () => {
	let zoom: RunningSimulator;
	let webhookServer: Server;
	let webhookUrl = '';
	const deliveries: Array<{ event: string; body: any; verified: boolean }> = [];
	const secretToken = 'sim-webhook-secret';

	before(async () => {
		zoom = await startSimulator({ port: 0, plan: 'pro', env: {} });
		webhookServer = createServer((req, res) => {
			let raw = '';
			req.setEncoding('utf8');
			req.on('data', (chunk: string) => (raw += chunk));
			req.on('end', () => {
				const message = `v0:${req.headers['x-zm-request-timestamp']}:${raw}`;
				const expected = `v0=${createHmac('sha256', secretToken).update(message).digest('hex')}`;
				const signature = String(req.headers['x-zm-signature'] ?? '');
				const verified = signature.length === expected.length && timingSafeEqual(new TextEncoder().encode(signature), new TextEncoder().encode(expected));
				const body = JSON.parse(raw);
				if (body.event === 'endpoint.url_validation') {
					const encryptedToken = createHmac('sha256', secretToken).update(body.payload.plainToken).digest('hex');
					res.writeHead(200, { 'Content-Type': 'application/json' });
					res.end(JSON.stringify({ plainToken: body.payload.plainToken, encryptedToken }));
					return;
				}
				deliveries.push({ event: body.event, body, verified });
				res.writeHead(verified ? 200 : 401);
				res.end();
			});
		});
		await new Promise<void>((resolve) => webhookServer.listen(0, '127.0.0.1', resolve));
		webhookUrl = `http://127.0.0.1:${(webhookServer.address() as AddressInfo).port}/webhooks/zoom`;
	});
	after(async () => {
		await new Promise((resolve) => webhookServer.close(resolve));
		await zoom.close();
	});

	it('creates a meeting with registration, batch-registers 60, receives verified webhooks, reads the report, downloads the recording', async () => {
		const tokenResponse = await fetch(`${zoom.baseUrl}/oauth/token`, {
			method: 'POST',
			headers: {
				Authorization: `Basic ${Buffer.from('sim-client:sim-secret').toString('base64')}`,
				'Content-Type': 'application/x-www-form-urlencoded',
			},
			body: new URLSearchParams({ grant_type: 'account_credentials', account_id: 'sim-account' }),
		});
		assert.equal(tokenResponse.status, 200);
		const { access_token: accessToken } = (await tokenResponse.json()) as { access_token: string };
		const zoomApi = async (method: string, path: string, body?: unknown) => {
			const response = await fetch(`${zoom.apiBaseUrl}${path}`, {
				method,
				headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			return { status: response.status, headers: response.headers, body: response.status === 204 ? undefined : ((await response.json()) as any) };
		};

		const meeting = await zoomApi('POST', '/users/me/meetings', {
			topic: 'Launch event',
			type: 2,
			start_time: '2030-06-01T17:00:00Z',
			duration: 90,
			timezone: 'UTC',
			settings: { approval_type: 0, registration_type: 1, registrants_email_notification: false },
		});
		assert.equal(meeting.status, 201);
		assert.ok(meeting.body.registration_url);

		const registrants: Array<{ email: string; registrant_id: string; join_url: string }> = [];
		for (let offset = 0; offset < 60; offset += 30) {
			const batch = await zoomApi('POST', `/meetings/${meeting.body.id}/batch_registrants`, {
				auto_approve: true,
				registrants_confirmation_email: false,
				registrants: Array.from({ length: 30 }, (_, i) => ({ email: `fan${offset + i}@example.org`, first_name: 'Fan', last_name: String(offset + i) })),
			});
			assert.equal(batch.status, 201);
			registrants.push(...batch.body.registrants);
		}
		assert.equal(new Set(registrants.map((r) => r.registrant_id)).size, 60);

		const subscribe = await fetch(`${zoom.baseUrl}/_sim/webhooks/endpoints`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ url: webhookUrl }),
		});
		assert.equal(subscribe.status, 201);

		const participants = registrants.slice(0, 50).map((r, i) => ({
			registrantId: r.registrant_id,
			sessions: i % 5 === 0 ? [{ join: 0, leave: 30 }, { join: 35, leave: 90 }] : [{ join: i % 10, leave: 80 }],
		}));
		const run = await fetch(`${zoom.baseUrl}/_sim/runs`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ meetingId: meeting.body.id, participants, wait: true }),
		});
		assert.equal(run.status, 200);
		const truth = (await run.json()) as { participants: Array<{ sessions: unknown[] }> };
		const sessions = truth.participants.reduce((n, p) => n + p.sessions.length, 0);
		assert.equal(sessions, 60);

		assert.ok(deliveries.length > 0);
		assert.ok(deliveries.every((d) => d.verified));
		assert.equal(deliveries.filter((d) => d.event === 'meeting.participant_joined').length, 60);
		assert.equal(deliveries.filter((d) => d.event === 'meeting.participant_left').length, 60);
		assert.equal(deliveries.filter((d) => d.event === 'meeting.ended').length, 1);
		const completed = deliveries.find((d) => d.event === 'recording.completed')!.body;

		const rows: Array<{ registrant_id: string; duration: number }> = [];
		let nextPageToken = '';
		let pages = 0;
		do {
			const query = new URLSearchParams({ page_size: '25', include_fields: 'registrant_id' });
			if (nextPageToken) query.set('next_page_token', nextPageToken);
			const page = await zoomApi('GET', `/report/meetings/${meeting.body.id}/participants?${query}`);
			assert.equal(page.status, 200);
			rows.push(...page.body.participants);
			nextPageToken = page.body.next_page_token;
			pages++;
		} while (nextPageToken);
		assert.equal(pages, 3);
		assert.equal(rows.length, 60);
		assert.equal(new Set(rows.map((r) => r.registrant_id)).size, 50);

		const file = completed.payload.object.recording_files[0];
		const download = await fetch(file.download_url, { headers: { Authorization: `Bearer ${accessToken}` } });
		assert.equal(download.status, 200);
		let bytes = 0;
		for await (const chunk of download.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
		assert.equal(bytes, file.file_size);
		const withToken = await fetch(`${file.download_url}?download_token=${completed.download_token}`);
		assert.equal(withToken.status, 200);
		await withToken.arrayBuffer();

		const burst = await Promise.all(Array.from({ length: 30 }, () => zoomApi('GET', `/report/meetings/${meeting.body.id}/participants?page_size=300`)));
		const limited = burst.filter((b) => b.status === 429);
		assert.ok(limited.length >= 15, `${limited.length} refused`);
		for (const refusal of limited) {
			assert.equal(refusal.body.code, 429);
			assert.ok(Number(refusal.headers.get('retry-after')) >= 1);
			assert.equal(refusal.headers.get('x-ratelimit-category'), 'Heavy');
			assert.equal(refusal.headers.get('x-ratelimit-type'), 'QPS');
			assert.equal(refusal.headers.get('x-ratelimit-limit'), '10');
			assert.equal(refusal.headers.get('x-ratelimit-remaining'), '0');
		}
	});
});
