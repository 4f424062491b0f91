import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import { registrationMeeting, serverToServerToken, testZoom, type TestZoom } from './helpers';

describe('rate limits and faults', () => {
	let zoom: TestZoom;
	before(async () => {
		zoom = await testZoom();
	});
	beforeEach(async () => {
		await zoom.control('POST', '/reset');
		zoom.token = await serverToServerToken(zoom.running.baseUrl);
	});
	after(() => zoom.close());

	it('reads each category from the document and applies the plan’s per-second limit account-wide', async () => {
		const meeting = (await zoom.api('POST', '/users/me/meetings', registrationMeeting)).body;
		const light = await zoom.api('GET', `/meetings/${meeting.id}`);
		assert.equal(light.headers.get('x-ratelimit-category'), 'Light');
		assert.equal(light.headers.get('x-ratelimit-limit'), '30');
		const medium = await zoom.api('GET', `/meetings/${meeting.id}/registrants`);
		assert.equal(medium.headers.get('x-ratelimit-category'), 'Medium');
		assert.equal(medium.headers.get('x-ratelimit-limit'), '20');

		const second = await serverToServerToken(zoom.running.baseUrl);
		const burst = await Promise.all(
			Array.from({ length: 25 }, (_, i) =>
				fetch(`${zoom.running.apiBaseUrl}/report/meetings/${meeting.id}/participants`, {
					headers: { Authorization: `Bearer ${i % 2 ? second : zoom.token}` },
				}),
			),
		);
		const refused = burst.filter((r) => r.status === 429);
		assert.ok(refused.length >= 15, `only ${refused.length} of 25 refused`);
		const first = refused[0];
		assert.equal(first.headers.get('x-ratelimit-category'), 'Heavy');
		assert.equal(first.headers.get('x-ratelimit-type'), 'QPS');
		assert.equal(first.headers.get('x-ratelimit-limit'), '10');
		assert.equal(first.headers.get('x-ratelimit-remaining'), '0');
		assert.match(first.headers.get('retry-after')!, /^\d+$/);
		assert.deepEqual(await first.json(), { code: 429, message: 'You have reached the maximum per-second rate limit for this API. Try again later.' });

		await zoom.control('PUT', '/plan', { plan: 'free' });
		const free = await Promise.all(Array.from({ length: 4 }, () => zoom.api('GET', `/meetings/${meeting.id}/registrants`)));
		assert.equal(free.filter((r) => r.status === 429).length, 2);
	});

	it('injects 5xx answers, after the work when asked, repeatably by seed', async () => {
		await zoom.control('PUT', '/plan', { rateLimits: false });
		await zoom.control('PUT', '/faults', { errorRate: 1, errorPhase: 'after', match: '^POST /v2/users/me/meetings$' });
		const failed = await zoom.api('POST', '/users/me/meetings', { topic: 'did it happen?' });
		assert.equal(failed.status, 503);
		await zoom.control('DELETE', '/faults');
		const list = (await zoom.api('GET', '/users/me/meetings')).body;
		assert.equal(list.total_records, 1, 'the create was carried out before the 5xx');

		const statuses = async () => {
			await zoom.control('PUT', '/faults', { errorRate: 0.3, seed: 7, match: 'GET /v2/users/me$' });
			const out: number[] = [];
			for (let i = 0; i < 20; i++) out.push((await zoom.api('GET', '/users/me')).status);
			return out;
		};
		const a = await statuses();
		const b = await statuses();
		assert.deepEqual(a, b);
		assert.ok(a.includes(503) && a.includes(200));
	});

	it('drops connections, delays answers, storms 429s and revokes tokens on demand', async () => {
		await zoom.control('PUT', '/faults', { dropRate: 1 });
		await assert.rejects(zoom.api('GET', '/users/me'));
		await zoom.control('PUT', '/faults', { slowRate: 1, slowMs: 300 });
		const started = Date.now();
		const slow = await zoom.api('GET', '/users/me');
		assert.equal(slow.status, 200);
		assert.ok(Date.now() - started >= 250);
		await zoom.control('PUT', '/faults', { stormRequests: 3 });
		const storm = [];
		for (let i = 0; i < 4; i++) storm.push(await zoom.api('GET', '/users/me'));
		assert.deepEqual(storm.map((s) => s.status), [429, 429, 429, 200]);
		assert.equal(storm[0].headers.get('retry-after'), '1');
		const counts = (await zoom.control('GET', '/faults')).body.counts;
		assert.equal(counts.storm429, 3);
		await zoom.control('PUT', '/faults', {});
		await zoom.control('POST', '/tokens/revoke', {});
		assert.equal((await zoom.api('GET', '/users/me')).body.code, 124);
	});

	it('logs every request for tests to inspect', async () => {
		await zoom.api('POST', '/users/me/meetings', { topic: 'logged' });
		await zoom.api('GET', '/users/me', undefined, { x: 1 });
		const log = (await zoom.control('GET', '/requests?method=POST&path=meetings')).body;
		assert.equal(log.total, 1);
		const entry = log.requests[0];
		assert.equal(entry.operationId, 'meetingCreate');
		assert.equal(entry.status, 201);
		assert.deepEqual(entry.body, { topic: 'logged' });
		assert.ok(Date.parse(entry.time) > 0);
		const counts = (await zoom.control('GET', '/requests?countsOnly=true')).body.counts;
		assert.equal(counts.user, 1);
		assert.equal((await zoom.control('GET', '/requests?operationId=user')).body.requests[0].query.x, '1');
	});
});
