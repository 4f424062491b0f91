export interface LoggedRequest {
	seq: number;
	time: string;
	method: string;
	path: string;
	query: Record<string, unknown>;
	status: number;
	body?: unknown;
	operationId?: string;
	category?: string;
	durationMs: number;
}

const MAX_ENTRIES = 200_000;

/** Every request to the Zoom surface (`/v2`, `/oauth`, downloads), newest last. */
export class RequestLog {
	private entries: LoggedRequest[] = [];
	private seq = 0;

	add(entry: Omit<LoggedRequest, 'seq'>): void {
		this.entries.push({ seq: ++this.seq, ...entry });
		if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
	}

	query(filter: { since?: number; method?: string; path?: string; operationId?: string; limit?: number }): LoggedRequest[] {
		const pattern = filter.path ? new RegExp(filter.path) : undefined;
		const out: LoggedRequest[] = [];
		for (const entry of this.entries) {
			if (filter.since !== undefined && entry.seq <= filter.since) continue;
			if (filter.method && entry.method !== filter.method.toUpperCase()) continue;
			if (filter.operationId && entry.operationId !== filter.operationId) continue;
			if (pattern && !pattern.test(entry.path)) continue;
			out.push(entry);
		}
		return filter.limit ? out.slice(-filter.limit) : out;
	}

	clear(): void {
		this.entries = [];
	}
}
