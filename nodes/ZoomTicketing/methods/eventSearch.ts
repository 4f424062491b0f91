import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import type { EventKind } from '../helpers/eventKind';
import { zoomApiRequest } from '../transport';

const squash = (text: string) => text.toLowerCase().replace(/\s/g, '');

/** The connected user's scheduled meetings or webinars, filtered by topic or ID, one Zoom page at a time. */
async function searchEvents(
	this: ILoadOptionsFunctions,
	kind: EventKind,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const qs: IDataObject = { type: 'scheduled', page_size: 300 };
	if (paginationToken) qs.next_page_token = paginationToken;
	const page = await zoomApiRequest.call(this, 'GET', `/users/me/${kind}s`, {}, qs);
	const needle = squash(filter?.trim() ?? '');
	const results = ((page[`${kind}s`] ?? []) as IDataObject[])
		.filter((event) => !needle || squash(String(event.topic ?? '')).includes(needle) || String(event.id).includes(needle))
		.map((event) => ({
			name: `${String(event.topic ?? 'Untitled')} (${String(event.id)})`,
			value: String(event.id),
			url: typeof event.join_url === 'string' ? event.join_url : undefined,
		}));
	const next = typeof page.next_page_token === 'string' && page.next_page_token !== '' ? page.next_page_token : undefined;
	return { results, paginationToken: next };
}

export async function searchMeetings(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchEvents.call(this, 'meeting', filter, paginationToken);
}

export async function searchWebinars(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchEvents.call(this, 'webinar', filter, paginationToken);
}
