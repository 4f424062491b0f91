import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { zoomApiRequest } from '../transport';

/** The connected user's upcoming and scheduled meetings, filtered by topic or ID. */
export async function searchMeetings(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = await zoomApiRequest.call(this, 'GET', '/users/me/meetings', {}, {
		type: 'scheduled',
		page_size: 300,
		...(paginationToken ? { next_page_token: paginationToken } : {}),
	});
	const needle = filter?.trim().toLowerCase().replace(/\s/g, '') ?? '';
	const results = ((page.meetings ?? []) as IDataObject[])
		.filter((meeting) => {
			if (!needle) return true;
			return (
				String(meeting.topic ?? '').toLowerCase().replace(/\s/g, '').includes(needle) || String(meeting.id).includes(needle)
			);
		})
		.map((meeting) => ({
			name: `${String(meeting.topic ?? 'Untitled')} (${String(meeting.id)})`,
			value: String(meeting.id),
			url: typeof meeting.join_url === 'string' ? meeting.join_url : undefined,
		}));
	const next = typeof page.next_page_token === 'string' && page.next_page_token !== '' ? page.next_page_token : undefined;
	return { results, paginationToken: next };
}
