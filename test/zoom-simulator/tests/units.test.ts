import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { Clock } from '../clock';
import { ZoomError } from '../errors';
import { Pager } from '../pagination';
import { RateLimiter } from '../ratelimit';
import { decodeSegment } from '../router';
import { IdSource } from '../state/ids';
import { signature } from '../webhooks';

describe('simulator building blocks', () => {
	it('signs webhooks as Zoom does (vector from openssl dgst -sha256 -hmac)', () => {
		assert.equal(
			signature('sim-webhook-secret', '1700000000', '{"event":"meeting.started"}'),
			'v0=8f8a47c7a5627469af65ae3c6ac51323f342854f799b89ceef151aa0fd6ac8a0',
		);
	});

	it('admits at most the limit within any one-second window, sliding', () => {
		const limiter = new RateLimiter('pro');
		const admitted = (at: number) => {
			try {
				limiter.admit('Heavy', at);
				return true;
			} catch (error) {
				assert.ok(error instanceof ZoomError);
				assert.equal(error.status, 429);
				return false;
			}
		};
		for (let i = 0; i < 10; i++) assert.equal(admitted(1000 + i * 50), true);
		assert.equal(admitted(1500), false);
		assert.equal(admitted(1999), false);
		assert.equal(admitted(2000), true, 'the first request left the window');
		assert.equal(admitted(2001), false);
		assert.equal(admitted(2050), true);
		const headers = limiter.admit('Light', 5000);
		assert.equal(headers['X-RateLimit-Remaining'], '29');
		limiter.setPlan('free');
		assert.equal(limiter.limitOf('Heavy').max, 1);
		assert.equal(limiter.limitOf('Resource-intensive').windowMs, 60_000);
	});

	it('pages a snapshot and expires tokens after 15 simulated minutes', () => {
		const clock = new Clock();
		const pager = new Pager(clock, new IdSource());
		const items = Array.from({ length: 7 }, (_, i) => i);
		const first = pager.page('s', { page_size: 3 }, () => items);
		assert.deepEqual(first.items, [0, 1, 2]);
		items.push(99);
		const second = pager.page('s', { page_size: 3, next_page_token: first.next_page_token }, () => []);
		assert.deepEqual(second.items, [3, 4, 5]);
		assert.equal(second.total_records, 8, 'the snapshot shares the array, as a live list would');
		assert.throws(() => pager.page('other', { next_page_token: second.next_page_token }, () => []), /invalid or expired/);
		const third = pager.page('s', { page_size: 3 }, () => items);
		clock.advance(15 * 60 * 1000);
		assert.throws(() => pager.page('s', { next_page_token: third.next_page_token }, () => []), /invalid or expired/);
	});

	it('decodes double-encoded UUID segments and refuses single-encoded ones that Zoom cannot route', () => {
		assert.equal(decodeSegment('abc%3D%3D'), 'abc==');
		assert.equal(decodeSegment(encodeURIComponent(encodeURIComponent('/ab//c=='))), '/ab//c==');
		assert.deepEqual(decodeSegment(encodeURIComponent('/ab//c==')), { segment: '%2Fab%2F%2Fc%3D%3D' });
		assert.equal(decodeSegment(encodeURIComponent('ab/c==')), 'ab/c==');
	});
});
