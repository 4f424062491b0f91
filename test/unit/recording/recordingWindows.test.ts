import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import fc from 'fast-check';
import { DateTime } from 'luxon';

import { monthWindows } from '../../../nodes/ZoomTicketing/helpers/recordingWindows';

describe('monthWindows', () => {
	it('keeps a range within one month as one window', () => {
		assert.deepEqual(monthWindows('2026-03-01', '2026-03-31'), [{ from: '2026-03-01', to: '2026-03-31' }]);
		assert.deepEqual(monthWindows('2026-03-05', '2026-03-05'), [{ from: '2026-03-05', to: '2026-03-05' }]);
	});

	it('splits a longer range into consecutive one-month windows', () => {
		assert.deepEqual(monthWindows('2026-01-15', '2026-04-02'), [
			{ from: '2026-01-15', to: '2026-02-14' },
			{ from: '2026-02-15', to: '2026-03-14' },
			{ from: '2026-03-15', to: '2026-04-02' },
		]);
	});

	it('refuses reversed or invalid ranges', () => {
		assert.throws(() => monthWindows('2026-03-02', '2026-03-01'), /before/);
		assert.throws(() => monthWindows('2026-02-30', '2026-03-01'), /not a range/);
	});

	it('covers every day exactly once and never spans more than a month', () => {
		const day = fc.integer({ min: 0, max: 3 * 365 }).map((offset) => DateTime.utc(2025, 1, 1).plus({ days: offset }));
		fc.assert(
			fc.property(day, fc.integer({ min: 0, max: 800 }), (start, length) => {
				const end = start.plus({ days: length });
				const windows = monthWindows(start.toISODate() as string, end.toISODate() as string);
				assert.equal(windows[0].from, start.toISODate());
				assert.equal(windows[windows.length - 1].to, end.toISODate());
				for (let i = 0; i < windows.length; i++) {
					const from = DateTime.fromISO(windows[i].from, { zone: 'utc' });
					const to = DateTime.fromISO(windows[i].to, { zone: 'utc' });
					assert.ok(to >= from);
					assert.ok(to < from.plus({ months: 1 }), `${windows[i].from}..${windows[i].to} is longer than a month`);
					if (i > 0) assert.equal(windows[i].from, DateTime.fromISO(windows[i - 1].to, { zone: 'utc' }).plus({ days: 1 }).toISODate());
				}
			}),
		);
	});
});
