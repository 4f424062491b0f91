import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { chain, itemsNode, zoomNode } from '../../harness';
import { meetingTestBed, type MeetingTestBed } from './setup';

describe('Rate limits, server errors and dropped connections', () => {
	let bed: MeetingTestBed;
	let since = 0;
	const s2s = () => ({ serverToServer: bed.s2s });
	const create = (extra: IDataObject = {}) =>
		zoomNode(
			'Create',
			{ resource: 'meeting', operation: 'create', meetingType: 'scheduled', topic: '={{ $json.topic }}', startTime: '2026-12-03T15:00:00Z', timezone: 'UTC', duration: 30 },
			s2s(),
			extra,
		);
	const logSince = async (query = '') => {
		const log = await bed.control('GET', `requests?since=${since}${query}`);
		return log.requests as IDataObject[];
	};

	before(async () => {
		bed = await meetingTestBed();
	});
	beforeEach(async () => {
		await bed.control('DELETE', 'faults');
		const last = ((await bed.control('GET', 'requests?limit=1')).requests as IDataObject[])[0];
		since = Number(last?.seq ?? 0);
	});
	after(async () => {
		await bed?.assertRequestsMatchOpenApi();
		await bed?.close();
	});

	test('a 429 storm is ridden out: every create sent exactly once, none lost', async () => {
		await bed.control('PUT', 'faults', { stormRequests: 5, match: '^POST /v2/users/me/meetings$' });
		const topics = ['Storm A', 'Storm B', 'Storm C'];
		const result = await bed.harness.run(chain(itemsNode(topics.map((topic) => ({ topic }))), create()));
		assert.equal(result.status, 'success', result.error?.message);
		assert.deepEqual(result.json('Create').map((meeting) => meeting.topic), topics);

		const posts = await logSince('&method=POST&path=/v2/users/me/meetings');
		assert.equal(posts.filter((entry) => entry.status === 429).length, 5, 'the storm refused five requests');
		const created = posts.filter((entry) => entry.status === 201).map((entry) => (entry.body as IDataObject).topic);
		assert.deepEqual(created, topics, 'each meeting created once, in order');
		const listed = await bed.harness.run(
			chain(itemsNode([{}]), zoomNode('List', { resource: 'meeting', operation: 'getMany', type: 'scheduled', returnAll: true }, s2s())),
		);
		for (const topic of topics) {
			assert.equal(listed.json('List').filter((meeting) => meeting.topic === topic).length, 1, `${topic} exists once in Zoom`);
		}
	});

	test('a create answered 5xx after Zoom carried it out is not sent again', async () => {
		await bed.control('PUT', 'faults', { errorRate: 1, errorStatus: 503, errorPhase: 'after', match: '^POST /v2/users/me/meetings$' });
		const result = await bed.harness.run(chain(itemsNode([{ topic: 'Maybe created' }]), create({ onError: 'continueRegularOutput' })));
		const [output] = result.json('Create');
		assert.match(String((output.error as IDataObject).message), /HTTP 503/);
		const posts = await logSince('&method=POST&path=/v2/users/me/meetings');
		assert.equal(posts.length, 1, 'one POST only');
	});

	test('reads are repeated after 5xx answers and dropped connections', async () => {
		const made = await bed.harness.run(chain(itemsNode([{ topic: 'Flaky reads' }]), create()));
		const id = String(made.json('Create')[0].id);
		const get = zoomNode('Get', { resource: 'meeting', operation: 'get', meetingId: { __rl: true, mode: 'id', value: id } }, s2s());

		since = Number(((await bed.control('GET', 'requests?limit=1')).requests as IDataObject[])[0].seq);
		await bed.control('PUT', 'faults', { errorRate: 0.5, errorStatus: 502, match: '^GET /v2/meetings/', seed: 7 });
		const flaky = await bed.harness.run(chain(itemsNode([{}, {}, {}, {}]), get));
		assert.equal(flaky.status, 'success', flaky.error?.message);
		assert.deepEqual(flaky.json('Get').map((meeting) => String(meeting.id)), [id, id, id, id]);
		const gets = await logSince('&method=GET');
		assert.ok(gets.some((entry) => entry.status === 502), 'some reads failed');
		assert.equal(gets.filter((entry) => entry.status === 200).length, 4);

		await bed.control('DELETE', 'faults');
		since = Number(((await bed.control('GET', 'requests?limit=1')).requests as IDataObject[])[0].seq);
		await bed.control('PUT', 'faults', { dropRate: 0.5, match: '^GET /v2/meetings/', seed: 3 });
		const dropped = await bed.harness.run(chain(itemsNode([{}, {}, {}, {}]), get));
		assert.equal(dropped.status, 'success', dropped.error?.message);
		const afterDrops = await logSince('&method=GET');
		assert.ok(afterDrops.some((entry) => entry.status === 0), 'some connections were dropped');
		assert.equal(afterDrops.filter((entry) => entry.status === 200).length, 4);
	});

	test('the daily limit stops at once with a message that names the limit and when it resets', async () => {
		await bed.control('PUT', 'plan', { rateLimits: false });
		const made = await bed.harness.run(chain(itemsNode([{ topic: 'Daily' }]), create()));
		const id = String(made.json('Create')[0].id);
		const update = zoomNode(
			'Update',
			{ resource: 'meeting', operation: 'update', meetingId: { __rl: true, mode: 'id', value: id }, updateFields: { agenda: '={{ $json.agenda }}' } },
			s2s(),
		);
		// More updates than Zoom's 100 creates/updates per user and day allow.
		const items = Array.from({ length: 110 }, (_, index) => ({ agenda: `Revision ${index}` }));
		since = Number(((await bed.control('GET', 'requests?limit=1')).requests as IDataObject[])[0].seq);
		const result = await bed.harness.run(chain(itemsNode(items), update));
		assert.equal(result.status, 'error');
		const error = result.nodeError('Update');
		assert.match(String(error?.message), /daily limit was reached/);
		assert.match(String(error?.description), /resets at \d{4}-\d{2}-\d{2}T00:00:00/);
		const patches = await logSince('&method=PATCH');
		assert.equal(patches.filter((entry) => entry.status === 429).length, 1, 'no hopeless retries');
		assert.equal(patches.at(-1)?.status, 429, 'nothing was sent after the daily limit');

		// With Continue On Fail, the items after the limit fail at once with the same error.
		since = Number(patches.at(-1)?.seq);
		const continued = await bed.harness.run(
			chain(itemsNode(items.slice(0, 5)), { ...update, onError: 'continueRegularOutput' }),
		);
		const outputs = continued.json('Update');
		assert.equal(outputs.length, 5);
		assert.ok(outputs.every((output) => /daily limit was reached/.test(String((output.error as IDataObject).message))));
		assert.equal((await logSince('&method=PATCH')).length, 1, 'one request told us; the other four items were not sent');
		await bed.control('PUT', 'plan', { rateLimits: true });
	});
});
