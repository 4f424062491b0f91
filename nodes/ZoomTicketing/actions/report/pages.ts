import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { RatePacer } from '../../helpers/ratePacer';
import { zoomApiFullRequest } from '../../transport';

// Report endpoints are Heavy (Pro: 10 requests per second, account-wide); one pacer per node
// execution, shared by its items, keeps them all under the limit Zoom announces.
const pacers = new WeakMap<IExecuteFunctions, RatePacer>();

function heavyPacer(ctx: IExecuteFunctions): RatePacer {
	let pacer = pacers.get(ctx);
	if (!pacer) {
		pacer = new RatePacer({ now: () => Date.now(), sleep: async (ms: number) => await sleep(ms) });
		pacers.set(ctx, pacer);
	}
	return pacer;
}

/**
 * Reads a Heavy report list page by page (or up to `limit` entries), handing each page's entries
 * to `onPage` as it arrives. The pages can only be read one after another, since each needs the
 * previous `next_page_token`; pacing them to Zoom's announced limit avoids the 429s that
 * otherwise cost a whole `Retry-After` second each, and the caller's work on one page overlaps
 * the wait for the next. The transport still handles any 429 that other clients cause.
 */
export async function forEachReportPage(
	this: IExecuteFunctions,
	propertyName: string,
	endpoint: string,
	qs: IDataObject,
	limit: number | undefined,
	onPage: (entries: IDataObject[]) => void,
): Promise<void> {
	const pacer = heavyPacer(this);
	let received = 0;
	let nextPageToken: string | undefined;
	do {
		const pageSize = limit === undefined ? 300 : Math.min(300, Math.max(1, limit - received));
		const slot = await pacer.acquire();
		let headers: Record<string, unknown> | undefined;
		let page: IDataObject;
		try {
			const response = await zoomApiFullRequest.call(this, 'GET', endpoint, {
				qs: { ...qs, page_size: pageSize, ...(nextPageToken ? { next_page_token: nextPageToken } : {}) },
			});
			headers = response.headers as Record<string, unknown>;
			page = (response.body && typeof response.body === 'object' ? response.body : {}) as IDataObject;
		} finally {
			pacer.settle(slot, headers);
		}
		const entries = Array.isArray(page[propertyName]) ? (page[propertyName] as IDataObject[]) : [];
		const wanted = limit === undefined ? entries : entries.slice(0, limit - received);
		received += wanted.length;
		onPage(wanted);
		nextPageToken = typeof page.next_page_token === 'string' && page.next_page_token !== '' ? page.next_page_token : undefined;
	} while (nextPageToken && (limit === undefined || received < limit));
}

/** Every entry of a Heavy report list (or the first `limit`), paced as above. */
export async function getAllReportPages(
	this: IExecuteFunctions,
	propertyName: string,
	endpoint: string,
	qs: IDataObject = {},
	limit?: number,
): Promise<IDataObject[]> {
	const results: IDataObject[] = [];
	await forEachReportPage.call(this, propertyName, endpoint, qs, limit, (entries) => {
		for (const entry of entries) results.push(entry);
	});
	return results;
}
