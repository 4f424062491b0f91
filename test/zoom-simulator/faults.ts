import { ZoomError } from './errors';

export interface FaultConfig {
	/** Share (0..1) of API requests answered with a 5xx. */
	errorRate?: number;
	errorStatus?: 500 | 502 | 503 | 504;
	/** `after`: the request is carried out and then answered with the 5xx (the dangerous case for creates). */
	errorPhase?: 'before' | 'after';
	/** Share of requests delayed by `slowMs` before they are handled. */
	slowRate?: number;
	slowMs?: number;
	/** Share of requests whose connection is destroyed without a response. */
	dropRate?: number;
	dropPhase?: 'before' | 'after';
	/** Every API request gets a per-second 429 until this many have been refused, or until `stormSeconds` pass. */
	stormRequests?: number;
	stormSeconds?: number;
	/** Only requests whose `METHOD /path` matches this regular expression are affected. */
	match?: string;
	/** Revoke every access token after this many more API requests. */
	revokeTokensAfter?: number;
	/** Seed of the pseudo-random choice, for repeatable runs. */
	seed?: number;
}

export type FaultAction =
	| { kind: 'none' }
	| { kind: 'error'; status: number; after: boolean }
	| { kind: 'drop'; after: boolean };

/** Decides, per API request, which injected fault (if any) applies. */
export class Faults {
	private config: FaultConfig = {};
	private random = mulberry32(1);
	private matcher?: RegExp;
	private stormLeft = 0;
	private stormUntil = 0;
	private revokeCountdown = -1;
	readonly counts = { errors: 0, drops: 0, slow: 0, storm429: 0, revocations: 0 };

	set(config: FaultConfig): void {
		this.config = { ...config };
		this.random = mulberry32(config.seed ?? 1);
		this.matcher = config.match ? new RegExp(config.match) : undefined;
		this.stormLeft = config.stormRequests ?? 0;
		this.stormUntil = config.stormSeconds ? Date.now() + config.stormSeconds * 1000 : 0;
		this.revokeCountdown = config.revokeTokensAfter ?? -1;
	}

	get(): FaultConfig {
		return this.config;
	}

	clear(): void {
		this.set({});
		Object.assign(this.counts, { errors: 0, drops: 0, slow: 0, storm429: 0, revocations: 0 });
	}

	private applies(method: string, path: string): boolean {
		return !this.matcher || this.matcher.test(`${method} ${path}`);
	}

	/** Called once per API request, before it is handled. `true` means: revoke all tokens now. */
	tokenRevocationDue(): boolean {
		if (this.revokeCountdown < 0) return false;
		if (this.revokeCountdown === 0) {
			this.revokeCountdown = -1;
			this.counts.revocations++;
			return true;
		}
		this.revokeCountdown--;
		return false;
	}

	/** A 429 storm refusal, thrown before anything else is done with the request. */
	storm(method: string, path: string): void {
		if (!this.applies(method, path)) return;
		const byCount = this.stormLeft > 0;
		const byTime = this.stormUntil > Date.now();
		if (!byCount && !byTime) return;
		if (byCount) this.stormLeft--;
		this.counts.storm429++;
		throw new ZoomError(429, 429, 'You have reached the maximum per-second rate limit for this API. Try again later.', undefined, {
			'Retry-After': '1',
			'X-RateLimit-Category': 'Light',
			'X-RateLimit-Type': 'QPS',
			'X-RateLimit-Limit': '0',
			'X-RateLimit-Remaining': '0',
		});
	}

	delayMs(method: string, path: string): number {
		const rate = this.config.slowRate ?? 0;
		if (rate <= 0 || !this.applies(method, path) || this.random() >= rate) return 0;
		this.counts.slow++;
		return this.config.slowMs ?? 30_000;
	}

	decide(method: string, path: string): FaultAction {
		if (!this.applies(method, path)) return { kind: 'none' };
		const drop = this.config.dropRate ?? 0;
		if (drop > 0 && this.random() < drop) {
			this.counts.drops++;
			return { kind: 'drop', after: this.config.dropPhase === 'after' };
		}
		const error = this.config.errorRate ?? 0;
		if (error > 0 && this.random() < error) {
			this.counts.errors++;
			return { kind: 'error', status: this.config.errorStatus ?? 503, after: this.config.errorPhase === 'after' };
		}
		return { kind: 'none' };
	}
}

function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
