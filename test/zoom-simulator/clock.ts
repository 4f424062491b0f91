/** Simulated time: real time plus an offset that the control API can advance. */
export class Clock {
	private offsetMs = 0;

	now(): number {
		return Date.now() + this.offsetMs;
	}

	advance(ms: number): void {
		this.offsetMs += ms;
	}

	/** Moves simulated time forward to `ms` if it is not there yet. */
	advanceTo(ms: number): void {
		const now = this.now();
		if (ms > now) this.offsetMs += ms - now;
	}

	reset(): void {
		this.offsetMs = 0;
	}

	iso(ms = this.now()): string {
		return zoomTime(ms);
	}
}

/** Zoom writes times in UTC without milliseconds: 2026-01-02T15:00:00Z. */
export function zoomTime(ms: number): string {
	return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
