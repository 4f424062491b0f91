export interface PacerClock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

function header(headers: Record<string, unknown>, name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	if (Array.isArray(value)) return value.length > 0 ? String(value[0]) : undefined;
	return value === undefined || value === null ? undefined : String(value);
}

/** One request's place in the window: from its start until a window after its answer. */
export interface PacerSlot {
	at: number;
	settled: boolean;
}

/**
 * Keeps a stream of requests to one Zoom rate-limit category under the limit Zoom announces in
 * `X-RateLimit-Limit` / `X-RateLimit-Type` (QPS or QPM), so that a bulk job runs at the limit
 * instead of bouncing off it: every 429 costs a whole `Retry-After` second.
 *
 * Zoom counts a request when it arrives, which is somewhere between our start and its answer;
 * a request therefore holds its place until one window after its answer came back.
 * Until the first answer tells the limit, one request at a time goes out. When Zoom announces no
 * limit, requests are not held back (the transport still handles 429s).
 */
export class RatePacer {
	private slots: PacerSlot[] = [];
	private limit: number | undefined;
	private windowMs = 1000;
	private probeInFlight = false;
	private learned = false;

	constructor(private readonly clock: PacerClock) {}

	/** Records the answer of a request: its slot now ends a window after this moment. */
	settle(slot: PacerSlot, headers?: Record<string, unknown>): void {
		slot.at = this.clock.now();
		slot.settled = true;
		this.probeInFlight = false;
		if (this.learned || headers === undefined) return;
		this.learned = true;
		const type = header(headers, 'X-RateLimit-Type');
		const limit = Number(header(headers, 'X-RateLimit-Limit'));
		if ((type === 'QPS' || type === 'QPM') && Number.isInteger(limit) && limit > 0) {
			this.limit = limit;
			this.windowMs = type === 'QPS' ? 1000 : 60_000;
		}
	}

	/** Waits until one more request fits in the rolling window and takes a place for it. */
	async acquire(): Promise<PacerSlot> {
		for (;;) {
			const now = this.clock.now();
			if (!this.learned) {
				if (!this.probeInFlight) {
					this.probeInFlight = true;
					return this.take(now);
				}
				await this.clock.sleep(5);
				continue;
			}
			if (this.limit === undefined) return { at: now, settled: true };
			this.slots = this.slots.filter((slot) => !slot.settled || slot.at + this.windowMs > now);
			if (this.slots.length < this.limit) return this.take(now);
			const settled = this.slots.filter((slot) => slot.settled);
			const nextFree = settled.length > 0 ? Math.min(...settled.map((slot) => slot.at + this.windowMs)) : now + 5;
			await this.clock.sleep(Math.max(1, nextFree - now));
		}
	}

	private take(now: number): PacerSlot {
		const slot = { at: now, settled: false };
		this.slots.push(slot);
		return slot;
	}
}
