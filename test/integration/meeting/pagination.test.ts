import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { chain, itemsNode, zoomNode } from '../../harness';
import { meetingTestBed, type MeetingTestBed } from './setup';

describe('Pagination over next_page_token', () => {
	let bed: MeetingTestBed;
	before(async () => {
		bed = await meetingTestBed();
		const meetings = Array.from({ length: 650 }, (_, index) => ({
			topic: `Session ${index + 1}`,
			type: 2,
			start_time: new Date(Date.UTC(2026, 11, 1) + index * 3_600_000).toISOString().replace('.000Z', 'Z'),
			duration: 30,
		}));
		await bed.control('POST', 'seed', { meetings });
	});
	after(async () => {
		await bed?.assertRequestsMatchOpenApi();
		await bed?.close();
	});

	const list = (parameters: IDataObject) =>
		chain(itemsNode([{}]), zoomNode('List', { resource: 'meeting', operation: 'getMany', type: 'scheduled', ...parameters }, { serverToServer: bed.s2s }));
	const pageRequests = async () => {
		const log = (await bed.control('GET', 'requests?method=GET&path=/v2/users/me/meetings')).requests as IDataObject[];
		await bed.control('DELETE', 'requests');
		return log.map((entry) => entry.query as IDataObject);
	};

	test('Return All reads every page of 300', async () => {
		await pageRequests();
		const result = await bed.harness.run(list({ returnAll: true }));
		const topics = result.json('List').map((meeting) => meeting.topic);
		assert.equal(topics.length, 650);
		assert.equal(new Set(topics).size, 650, 'no meeting twice');
		const pages = await pageRequests();
		assert.deepEqual(pages.map((query) => query.page_size), [300, 300, 300]);
		assert.equal(pages[0].next_page_token, undefined);
		assert.ok(pages.slice(1).every((query) => typeof query.next_page_token === 'string' && query.next_page_token !== ''));
	});

	test('Limit stops as soon as it has enough, asking only for what is missing', async () => {
		const result = await bed.harness.run(list({ returnAll: false, limit: 350 }));
		assert.equal(result.json('List').length, 350);
		const pages = await pageRequests();
		assert.deepEqual(pages.map((query) => query.page_size), [300, 50]);
	});
});
