import type { Clock } from './clock';
import { ZoomError } from './errors';
import type { IdSource } from './state/ids';

const TOKEN_LIFETIME_MS = 15 * 60 * 1000;

interface Cursor {
	items: readonly unknown[];
	offset: number;
	expiresAt: number;
	scope: string;
}

export interface Page<T> {
	items: T[];
	page_size: number;
	total_records: number;
	next_page_token: string;
	page_number: number;
	page_count: number;
}

/**
 * `next_page_token` pagination: the first request takes a snapshot of the matching items, later
 * pages walk that snapshot, and a token stops working 15 minutes (simulated) after it was issued.
 */
export class Pager {
	private readonly cursors = new Map<string, Cursor>();

	constructor(
		private readonly clock: Clock,
		private readonly ids: IdSource,
	) {}

	page<T>(scope: string, query: Record<string, unknown>, load: () => readonly T[], defaultSize = 30): Page<T> {
		const pageSize = Number(query.page_size ?? defaultSize) || defaultSize;
		const token = typeof query.next_page_token === 'string' ? query.next_page_token : '';
		let items: readonly T[];
		let offset: number;
		if (token) {
			const cursor = this.cursors.get(token);
			this.cursors.delete(token);
			if (!cursor || cursor.scope !== scope || cursor.expiresAt <= this.clock.now()) {
				throw new ZoomError(400, 300, 'The next page token is invalid or expired.');
			}
			items = cursor.items as readonly T[];
			offset = cursor.offset;
		} else {
			items = load();
			const pageNumber = Number(query.page_number ?? 1) || 1;
			offset = Math.max(0, (pageNumber - 1) * pageSize);
		}
		const end = Math.min(items.length, offset + pageSize);
		let next = '';
		if (end < items.length) {
			next = this.ids.token(32);
			this.cursors.set(next, { items, offset: end, expiresAt: this.clock.now() + TOKEN_LIFETIME_MS, scope });
		}
		this.sweep();
		return {
			items: items.slice(offset, end),
			page_size: pageSize,
			total_records: items.length,
			next_page_token: next,
			page_number: Math.floor(offset / pageSize) + 1,
			page_count: Math.max(1, Math.ceil(items.length / pageSize)),
		};
	}

	private sweep(): void {
		if (this.cursors.size < 1000) return;
		const now = this.clock.now();
		for (const [key, cursor] of this.cursors) if (cursor.expiresAt <= now) this.cursors.delete(key);
	}

	clear(): void {
		this.cursors.clear();
	}
}

/**
 * A list answer: the page's items under `key`, with Zoom's paging fields. Report and recording
 * lists carry no `page_number` (`numbered` false).
 */
export function pagedBody<T>(page: Page<T>, key: string, map: (item: T) => unknown, numbered = true): Record<string, unknown> {
	const { items, page_number, ...paging } = page;
	return { ...paging, ...(numbered ? { page_number } : {}), [key]: items.map(map) };
}
