import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { searchMeetings } from '../../../nodes/ZoomTicketing/methods/eventSearch';
import { getTimeZones } from '../../../nodes/ZoomTicketing/methods/loadOptions';
import { zoomNode } from '../../harness';
import { meetingTestBed, type MeetingTestBed } from './setup';

describe('Meeting "From List" search, through n8n-core\'s LoadOptionsContext', () => {
	let bed: MeetingTestBed;
	before(async () => {
		bed = await meetingTestBed();
		await bed.control('POST', 'seed', {
			meetings: [
				{ topic: 'Spring Gala (virtual)', type: 2, start_time: '2026-12-10T18:00:00Z', duration: 60 },
				{ topic: 'Board meeting', type: 2, start_time: '2026-12-11T09:00:00Z', duration: 30 },
			],
		});
	});
	after(async () => {
		await bed?.assertRequestsMatchOpenApi();
		await bed?.close();
	});

	test('lists the user\'s meetings and filters by topic or ID', async () => {
		for (const credentials of [{ serverToServer: bed.s2s }, { oAuth2: bed.oauth }]) {
			const context = bed.harness.loadOptionsContext(zoomNode('Zoom', { resource: 'meeting', operation: 'get' }, credentials));
			const all = await searchMeetings.call(context);
			assert.equal(all.results.length, 2);
			const gala = await searchMeetings.call(context, 'spring gala');
			assert.equal(gala.results.length, 1);
			assert.match(gala.results[0].name, /^Spring Gala \(virtual\) \(\d+\)$/);
			assert.match(String(gala.results[0].url), /^https:\/\/zoom\.us\/j\//);
			const byId = await searchMeetings.call(context, String(gala.results[0].value).slice(0, 6));
			assert.ok(byId.results.some((entry) => entry.value === gala.results[0].value));
		}
		const requests = (await bed.control('GET', 'requests?path=/v2/users/me/meetings')).requests as IDataObject[];
		assert.ok(requests.every((entry) => (entry.query as IDataObject).type === 'scheduled'));
	});

	test('time zones come from the runtime\'s IANA list', async () => {
		const zones = await getTimeZones();
		assert.ok(zones.some((zone) => zone.value === 'Europe/Berlin' && zone.name === 'Europe/Berlin'));
		assert.ok(zones.some((zone) => zone.value === 'America/New_York' && zone.name === 'America/New York'));
	});
});
