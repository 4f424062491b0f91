import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { zoomApiRequest } from '../transport';

/**
 * The credential user's cloud recordings of the last month (Zoom's widest window), newest first.
 * Each entry is one occurrence, so its value is the occurrence UUID.
 */
export async function searchRecordings(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const today = DateTime.utc().startOf('day');
	const qs: IDataObject = {
		from: today.minus({ months: 1 }).plus({ days: 1 }).toISODate(),
		to: today.toISODate(),
		page_size: 300,
	};
	if (paginationToken) qs.next_page_token = paginationToken;
	const page = await zoomApiRequest.call(this, 'GET', '/users/me/recordings', {}, qs);
	const needle = filter?.trim().toLowerCase();
	const results = ((page.meetings ?? []) as Array<{ uuid: string; id?: number; topic?: string; start_time?: string }>)
		.filter((recording) => !needle || `${recording.topic ?? ''} ${recording.id ?? ''}`.toLowerCase().includes(needle))
		.map((recording) => ({
			name: `${recording.topic ?? 'Recording'} (${recording.start_time ? DateTime.fromISO(recording.start_time).toUTC().toFormat('yyyy-MM-dd HH:mm') : recording.id})`,
			value: recording.uuid,
		}));
	const token = typeof page.next_page_token === 'string' && page.next_page_token ? page.next_page_token : undefined;
	return { results, paginationToken: token };
}
