import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { RatePacer, type PacerSlot } from '../../../nodes/ZoomTicketing/transport/ratePacer';

/** A clock that only moves when someone sleeps on it. */
function fakeClock() {
	let now = 0;
	return {
		now: () => now,
		sleep: async (ms: number) => {
			now += ms;
			await new Promise((resolve) => setImmediate(resolve));
		},
		get time() {
			return now;
		},
	};
}

describe('RatePacer', () => {
	it('lets one probe out until an answer announces the limit, then paces to it per rolling window', async () => {
		const clock = fakeClock();
		const pacer = new RatePacer(clock);
		const probe = await pacer.acquire();
		let secondStarted = false;
		const second = pacer.acquire().then((slot) => {
			secondStarted = true;
			return slot;
		});
		await new Promise((resolve) => setImmediate(resolve));
		assert.equal(secondStarted, false, 'no second request before the first answer');
		pacer.settle(probe, { 'x-ratelimit-type': 'QPS', 'x-ratelimit-limit': '3' });

		const slots: PacerSlot[] = [await second];
		slots.push(await pacer.acquire());
		const startedAt = clock.time;
		for (const slot of slots) pacer.settle(slot, {});
		await pacer.acquire();
		assert.ok(clock.time >= startedAt + 1000, `the 4th request waited a window after the 1st answer (t=${clock.time})`);
	});

	it('holds a slot until a window after its answer, since Zoom counts the request on arrival', async () => {
		const clock = fakeClock();
		const pacer = new RatePacer(clock);
		pacer.settle(await pacer.acquire(), { 'X-RateLimit-Type': 'QPS', 'X-RateLimit-Limit': '1' });
		const slot = await pacer.acquire();
		assert.ok(clock.time >= 1000);
		await clock.sleep(250);
		pacer.settle(slot, {});
		const answeredAt = clock.time;
		await pacer.acquire();
		assert.ok(clock.time >= answeredAt + 1000);
	});

	it('does not hold requests back when Zoom announces no limit', async () => {
		const clock = fakeClock();
		const pacer = new RatePacer(clock);
		pacer.settle(await pacer.acquire(), {});
		for (let index = 0; index < 50; index++) await pacer.acquire();
		assert.equal(clock.time, 0);
	});

	it('uses a one-minute window for QPM categories', async () => {
		const clock = fakeClock();
		const pacer = new RatePacer(clock);
		pacer.settle(await pacer.acquire(), { 'x-ratelimit-type': 'QPM', 'x-ratelimit-limit': '2' });
		pacer.settle(await pacer.acquire(), {});
		await pacer.acquire();
		assert.ok(clock.time >= 60_000);
	});
});

describe('RatePacer: shapes and categories', () => {
	const heavy = { 'X-RateLimit-Category': 'Heavy', 'X-RateLimit-Type': 'QPS', 'X-RateLimit-Limit': '2' };

	it('shares one window between every shape Zoom names the same category for', async () => {
		const clock = fakeClock();
		const pacer = new RatePacer(clock);
		pacer.settle(await pacer.acquire('GET /report/meetings/{id}/participants'), heavy);
		pacer.settle(await pacer.acquire('GET /report/webinars/{id}/participants'), heavy);
		assert.equal(clock.time, 0, 'each shape sent its first request at once');
		await pacer.acquire('GET /report/meetings/{id}/participants');
		assert.ok(clock.time >= 1000, `the third Heavy request waited for the window (t=${clock.time})`);
	});

	it('keeps categories apart and lets a shape of unknown category probe on its own', async () => {
		const clock = fakeClock();
		const pacer = new RatePacer(clock);
		const light = { 'X-RateLimit-Category': 'Light', 'X-RateLimit-Type': 'QPS', 'X-RateLimit-Limit': '1' };
		pacer.settle(await pacer.acquire('GET /meetings/{id}'), light);
		const probe = await pacer.acquire('POST /webinars/{id}/batch_registrants');
		let waiting = true;
		const next = pacer.acquire('POST /webinars/{id}/batch_registrants').then((slot) => {
			waiting = false;
			return slot;
		});
		await new Promise((resolve) => setImmediate(resolve));
		assert.equal(waiting, true, 'a second request of the shape waits for the first answer');
		pacer.settle(probe, heavy);
		await next;
		assert.equal(clock.time, 0, 'the Heavy request did not wait for the used-up Light window');
	});

	it('learns nothing from a refusal without a usable limit, and asks again', async () => {
		const clock = fakeClock();
		const pacer = new RatePacer(clock);
		const daily = { 'X-RateLimit-Category': 'Light', 'X-RateLimit-Type': 'Daily-limit', 'X-RateLimit-Limit': '100', 'Retry-After': '2026-12-02T00:00:00Z' };
		pacer.settle(await pacer.acquire('POST /users/{id}/meetings'), daily);
		const again = await pacer.acquire('POST /users/{id}/meetings');
		const blocked = pacer.acquire('POST /users/{id}/meetings');
		let started = false;
		void blocked.then(() => {
			started = true;
		});
		await new Promise((resolve) => setImmediate(resolve));
		assert.equal(started, false, 'the next request probes again, one at a time');
		pacer.settle(again, { 'X-RateLimit-Category': 'Light', 'X-RateLimit-Type': 'QPS', 'X-RateLimit-Limit': '30' });
		await blocked;
	});
});
