import { header } from './rateLimit';

export interface PacerClock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

/** One request's place in its category's window: from its start until a window after its answer. */
export interface PacerSlot {
	at: number;
	settled: boolean;
	shape: string;
	/** Set on the first request of a shape whose category is not known yet. */
	probe?: () => void;
}

/**
 * The rolling window of one Zoom rate-limit category (`X-RateLimit-Limit` requests per second for
 * QPS, per minute for QPM). Zoom counts a request when it arrives, which is somewhere between our
 * start and its answer; a request therefore holds its place until one window after its answer.
 */
class CategoryWindow {
	private slots: PacerSlot[] = [];

	constructor(
		private readonly clock: PacerClock,
		private readonly limit: number,
		private readonly windowMs: number,
	) {}

	async acquire(shape: string): Promise<PacerSlot> {
		for (;;) {
			const now = this.clock.now();
			this.slots = this.slots.filter((slot) => !slot.settled || slot.at + this.windowMs > now);
			if (this.slots.length < this.limit) return this.take(shape, now, false);
			const settled = this.slots.filter((slot) => slot.settled);
			const nextFree = settled.length > 0 ? Math.min(...settled.map((slot) => slot.at + this.windowMs)) : now + 5;
			await this.clock.sleep(Math.max(1, nextFree - now));
		}
	}

	/** Counts a request that went out before its category was known and was answered just now. */
	answered(shape: string): void {
		this.take(shape, this.clock.now(), true);
	}

	private take(shape: string, now: number, settled: boolean): PacerSlot {
		const slot: PacerSlot = { at: now, settled, shape };
		this.slots.push(slot);
		return slot;
	}
}

/**
 * Keeps requests to Zoom under the per-category limits Zoom announces in its answers, so that
 * bulk work runs at the limit instead of bouncing off it (every 429 costs a whole `Retry-After`
 * second). A request is known by its shape (method and path template, `GET /meetings/{id}`);
 * the first answer for a shape names its category (`X-RateLimit-Category`) and the category's
 * limit, and from then on every shape of that category shares one window. Until that first
 * answer, one request of the shape goes out at a time. Shapes Zoom announces no limit for are
 * not held back (429s are still handled by the transport).
 */
export class RatePacer {
	private readonly categoryOf = new Map<string, CategoryWindow | null>();
	private readonly windows = new Map<string, CategoryWindow>();
	private readonly probes = new Map<string, Promise<void>>();

	constructor(private readonly clock: PacerClock) {}

	/** Waits until one more request of this shape fits under its category's limit and takes a place. */
	async acquire(shape = ''): Promise<PacerSlot> {
		for (;;) {
			const window = this.categoryOf.get(shape);
			if (window) return await window.acquire(shape);
			if (window === null) return { at: this.clock.now(), settled: true, shape };
			const probe = this.probes.get(shape);
			if (probe) {
				await probe;
				continue;
			}
			let release = () => {};
			this.probes.set(
				shape,
				new Promise<void>((resolve) => {
					release = resolve;
				}),
			);
			return { at: this.clock.now(), settled: false, shape, probe: release };
		}
	}

	/** Records the answer of a request (its headers; none when the connection failed). */
	settle(slot: PacerSlot, headers?: Record<string, unknown>): void {
		slot.at = this.clock.now();
		slot.settled = true;
		if (!slot.probe) return;
		this.probes.delete(slot.shape);
		if (headers !== undefined) this.learn(slot.shape, headers);
		slot.probe();
	}

	private learn(shape: string, headers: Record<string, unknown>): void {
		const type = header(headers, 'X-RateLimit-Type');
		const limit = Number(header(headers, 'X-RateLimit-Limit'));
		if ((type === 'QPS' || type === 'QPM') && Number.isInteger(limit) && limit > 0) {
			const category = `${header(headers, 'X-RateLimit-Category') ?? shape} ${type}`;
			let window = this.windows.get(category);
			if (!window) {
				window = new CategoryWindow(this.clock, limit, type === 'QPS' ? 1000 : 60_000);
				this.windows.set(category, window);
			}
			window.answered(shape);
			this.categoryOf.set(shape, window);
			return;
		}
		// A refusal without a usable limit (a daily limit, a storm) teaches nothing: the next
		// request of the shape asks again.
		if (header(headers, 'Retry-After') === undefined) this.categoryOf.set(shape, null);
	}
}
