import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { zoomApiRequest } from '../transport';

/** The connected user's scheduled webinars, filtered by topic or ID, one Zoom page at a time. */
export async function searchWebinars(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const qs: IDataObject = { type: 'scheduled', page_size: 300 };
	if (paginationToken) qs.next_page_token = paginationToken;
	const page = await zoomApiRequest.call(this, 'GET', '/users/me/webinars', {}, qs);
	const needle = filter?.trim().toLowerCase().replace(/\s/g, '');
	const results = ((page.webinars ?? []) as Array<{ id: number; topic?: string; start_time?: string; join_url?: string }>)
		.filter((webinar) => !needle || `${webinar.topic ?? ''}${webinar.id}`.toLowerCase().replace(/\s/g, '').includes(needle))
		.map((webinar) => ({
			name: `${webinar.topic ?? 'Webinar'} (${webinar.start_time ? webinar.start_time.slice(0, 16).replace('T', ' ') : webinar.id})`,
			value: String(webinar.id),
			url: webinar.join_url,
		}));
	const token = typeof page.next_page_token === 'string' && page.next_page_token ? page.next_page_token : undefined;
	return { results, paginationToken: token };
}
