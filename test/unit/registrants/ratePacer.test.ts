import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { RatePacer, type PacerSlot } from '../../../nodes/ZoomTicketing/helpers/ratePacer';

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
