/**
 * Reading Zoom's 429 answers. Zoom sends `Retry-After` (seconds, or a date for daily limits) and
 * `X-RateLimit-Category`, `-Type` (`QPS`, `Daily-limit`, ...), `-Limit`, `-Remaining`.
 */
export interface RateLimitInfo {
	daily: boolean;
	category?: string;
	type?: string;
	limit?: string;
	/** When Zoom allows the next request, if it said so. */
	retryAt?: Date;
	waitMs: number;
}

/** One header of an answer, whatever the case of its name or whether it came as a list. */
export function header(headers: Record<string, unknown>, name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	if (Array.isArray(value)) return value[0] === undefined ? undefined : String(value[0]);
	return value === undefined || value === null ? undefined : String(value);
}

export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	const text = value.trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const date = Date.parse(text);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}

export function readRateLimit(headers: Record<string, unknown>, body: { message?: string }, now: number): RateLimitInfo {
	const type = header(headers, 'x-ratelimit-type');
	const category = header(headers, 'x-ratelimit-category');
	const limit = header(headers, 'x-ratelimit-limit');
	const remaining = header(headers, 'x-ratelimit-remaining');
	const retryAfter = parseRetryAfter(header(headers, 'retry-after'), now);
	const daily = /daily/i.test(type ?? '') || /daily/i.test(body.message ?? '');

	// Without Retry-After, a per-second limit frees up in the next one-second window.
	const waitMs = retryAfter ?? (daily ? Number.POSITIVE_INFINITY : remaining === '0' ? 1000 : 500);

	return {
		daily,
		type,
		category,
		limit,
		waitMs,
		retryAt: retryAfter !== undefined ? new Date(now + retryAfter) : undefined,
	};
}

/** Full jitter on top of a wait, so that parallel executions do not retry in lockstep. */
export function withJitter(waitMs: number, random: () => number = Math.random): number {
	return Math.round(waitMs + random() * Math.min(1000, Math.max(100, waitMs * 0.25)));
}

/** Exponential backoff with full jitter for 5xx, timeouts and dropped connections. */
export function backoffMs(attempt: number, random: () => number = Math.random, baseMs = 500, capMs = 8000): number {
	const ceiling = Math.min(capMs, baseMs * 2 ** attempt);
	return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
