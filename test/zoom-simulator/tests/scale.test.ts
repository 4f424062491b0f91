import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { registrationWebinar, testZoom, type TestZoom } from './helpers';

function percentile(sorted: number[], q: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Sizes that are normal for a large ticketed event. Timings are printed, never asserted. */
describe('scale', () => {
	let zoom: TestZoom;
	let webinarId: number;
	before(async () => {
		zoom = await testZoom({ validateResponses: false });
		await zoom.control('PUT', '/plan', { rateLimits: false });
		webinarId = (await zoom.api('POST', '/users/me/webinars', registrationWebinar)).body.id;
	});
	after(() => zoom.close());

	it('lists 50,000 registrants of one webinar in pages of 300', async () => {
		const seeded = (await zoom.control('POST', '/seed', { registrants: [{ webinarId, count: 50_000, returnIds: false }] })).body;
		assert.equal(seeded.registrants[0].total, 50_000);
		const started = Date.now();
		const seen = new Set<string>();
		let token = '';
		let pages = 0;
		do {
			const page = await zoom.api('GET', `/webinars/${webinarId}/registrants`, undefined, { page_size: 300, ...(token ? { next_page_token: token } : {}) });
			assert.equal(page.status, 200);
			assert.equal(page.body.total_records, 50_000);
			for (const r of page.body.registrants) seen.add(r.id);
			token = page.body.next_page_token;
			pages++;
		} while (token);
		assert.equal(pages, 167);
		assert.equal(seen.size, 50_000);
		console.log(`# 50,000 registrants: ${pages} pages in ${Date.now() - started} ms (${((Date.now() - started) / pages).toFixed(1)} ms/page)`);
	});

	it('reports 100,000 participant rows in pages of 300', async () => {
		const runStarted = Date.now();
		const run = await zoom.control('POST', '/runs', {
			webinarId,
			allRegistrants: { join: 0, leave: 90, rejoinEvery: 1 },
			recording: false,
			wait: true,
			returnParticipants: false,
		});
		assert.equal(run.status, 200);
		console.log(`# run with 100,000 join sessions built in ${Date.now() - runStarted} ms`);
		const started = Date.now();
		let rows = 0;
		let token = '';
		let pages = 0;
		do {
			const page = await zoom.api('GET', `/report/webinars/${webinarId}/participants`, undefined, { page_size: 300, ...(token ? { next_page_token: token } : {}) });
			assert.equal(page.status, 200);
			rows += page.body.participants.length;
			token = page.body.next_page_token;
			pages++;
		} while (token);
		assert.equal(rows, 100_000);
		assert.equal(pages, 334);
		console.log(`# 100,000 participant rows: ${pages} pages in ${Date.now() - started} ms; rss ${Math.round(process.memoryUsage().rss / 1048576)} MB`);
	});

	it('expires next_page_token after 15 minutes', async () => {
		const first = await zoom.api('GET', `/webinars/${webinarId}/registrants`, undefined, { page_size: 300 });
		const fresh = await zoom.api('GET', `/webinars/${webinarId}/registrants`, undefined, { page_size: 300 });
		await zoom.control('POST', '/clock/advance', { minutes: 14 });
		assert.equal((await zoom.api('GET', `/webinars/${webinarId}/registrants`, undefined, { page_size: 300, next_page_token: fresh.body.next_page_token })).status, 200);
		await zoom.control('POST', '/clock/advance', { minutes: 2 });
		const expired = await zoom.api('GET', `/webinars/${webinarId}/registrants`, undefined, { page_size: 300, next_page_token: first.body.next_page_token });
		assert.equal(expired.status, 400);
		assert.equal(expired.body.code, 300);
		assert.match(expired.body.message, /next page token/);
	});

	it('measures the latency of a simple GET', async () => {
		const times: number[] = [];
		for (let i = 0; i < 1000; i++) {
			const started = process.hrtime.bigint();
			const result = await zoom.api('GET', '/users/me');
			times.push(Number(process.hrtime.bigint() - started) / 1e6);
			assert.equal(result.status, 200);
		}
		times.sort((a, b) => a - b);
		console.log(`# GET /v2/users/me over HTTP, 1000 sequential calls: p50 ${percentile(times, 0.5).toFixed(2)} ms, p99 ${percentile(times, 0.99).toFixed(2)} ms`);
	});
});
