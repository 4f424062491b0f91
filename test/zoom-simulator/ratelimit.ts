import type { Plan } from './config';
import { ZoomError } from './errors';
import type { RateCategory } from './openapi';
import type { Store } from './state/store';

interface Limit {
	max: number;
	windowMs: number;
}

/** Zoom's per-account limits by plan (requests per second; Resource-intensive per minute). */
export const PLAN_LIMITS: Record<Plan, Record<RateCategory, Limit>> = {
	free: {
		Light: { max: 4, windowMs: 1000 },
		Medium: { max: 2, windowMs: 1000 },
		Heavy: { max: 1, windowMs: 1000 },
		'Resource-intensive': { max: 10, windowMs: 60_000 },
	},
	pro: {
		Light: { max: 30, windowMs: 1000 },
		Medium: { max: 20, windowMs: 1000 },
		Heavy: { max: 10, windowMs: 1000 },
		'Resource-intensive': { max: 10, windowMs: 60_000 },
	},
	business: {
		Light: { max: 80, windowMs: 1000 },
		Medium: { max: 60, windowMs: 1000 },
		Heavy: { max: 40, windowMs: 1000 },
		'Resource-intensive': { max: 20, windowMs: 60_000 },
	},
};

/**
 * A sliding-window log per category, shared by every user and token of the account: a request is
 * admitted when fewer than `max` requests were admitted in the last window. Uses real time, not
 * the simulated clock, since it governs how fast clients may actually call.
 */
export class RateLimiter {
	private readonly logs = new Map<RateCategory, { stamps: number[]; next: number }>();
	enabled = true;

	constructor(private plan: Plan) {}

	setPlan(plan: Plan): void {
		this.plan = plan;
		this.logs.clear();
	}

	limitOf(category: RateCategory): Limit {
		return PLAN_LIMITS[this.plan][category];
	}

	/** Admits the request or throws Zoom's 429. Returns the headers Zoom adds to the response. */
	admit(category: RateCategory, now = Date.now()): Record<string, string> {
		const limit = this.limitOf(category);
		let log = this.logs.get(category);
		if (!log || log.stamps.length !== limit.max) {
			log = { stamps: new Array<number>(limit.max).fill(-Infinity), next: 0 };
			this.logs.set(category, log);
		}
		const oldest = log.stamps[log.next];
		const headers: Record<string, string> = {
			'X-RateLimit-Category': category,
			'X-RateLimit-Type': category === 'Resource-intensive' ? 'QPM' : 'QPS',
			'X-RateLimit-Limit': String(limit.max),
		};
		if (this.enabled && now - oldest < limit.windowMs) {
			const waitMs = oldest + limit.windowMs - now;
			throw new ZoomError(
				429,
				429,
				`You have reached the maximum per-${limit.windowMs === 1000 ? 'second' : 'minute'} rate limit for this API. Try again later.`,
				undefined,
				{ ...headers, 'X-RateLimit-Remaining': '0', 'Retry-After': String(Math.max(1, Math.ceil(waitMs / 1000))) },
			);
		}
		log.stamps[log.next] = now;
		log.next = (log.next + 1) % limit.max;
		let used = 0;
		for (const stamp of log.stamps) if (now - stamp < limit.windowMs) used++;
		headers['X-RateLimit-Remaining'] = String(limit.max - used);
		return headers;
	}
}

function nextUtcMidnight(nowMs: number): string {
	const d = new Date(nowMs);
	return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1)).toISOString().replace('.000Z', 'Z');
}

/** Zoom's answer once a daily limit is used up; it resets at the next UTC midnight. */
export function dailyLimitError(store: Store, category: RateCategory, max: number, message: string): ZoomError {
	return new ZoomError(429, 429, message, undefined, {
		'X-RateLimit-Category': category,
		'X-RateLimit-Type': 'Daily-limit',
		'X-RateLimit-Limit': String(max),
		'X-RateLimit-Remaining': '0',
		'Retry-After': nextUtcMidnight(store.clock.now()),
	});
}

/**
 * Zoom's daily limits that are not per category: counts one use of `what` by `subject` and
 * throws the daily-limit 429 once `max` uses were made this (UTC, simulated) day.
 */
export function spendDaily(store: Store, category: RateCategory, what: string, subject: string, max: number, message: string): void {
	if (store.peekDaily(what, subject) >= max) throw dailyLimitError(store, category, max, message);
	store.countDaily(what, subject);
}
