import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { byId, ZoomFixture, zoomDateTime } from '../../harness';

/**
 * Failed items under the node's two "Continue" settings, in n8n-core's WorkflowExecute: with
 * "Continue (using error output)" n8n moves them to a second output only when their json is just
 * `{ error }`, so this checks the routing and that message, description and HTTP status survive.
 */
describe('Continue On Fail: error output and regular output (real n8n engine, simulator)', () => {
	let zoom: ZoomFixture;
	let meetingId: string;
	let webinarId: string;

	before(async () => {
		zoom = new ZoomFixture(await ZoomFixture.launch({ credentialId: 'error-output-s2s', plan: 'business' }));
		const start = zoomDateTime(new Date(Date.now() + 7 * 86_400_000));
		const seeded = await zoom.control<{ meetings: IDataObject[]; webinars: IDataObject[] }>('POST', 'seed', {
			meetings: [{ topic: 'Exists', type: 2, start_time: start, duration: 30, settings: { approval_type: 0 } }],
			webinars: [{ topic: 'Keynote', type: 5, start_time: start, duration: 60, settings: { approval_type: 0 } }],
		});
		meetingId = String(seeded.meetings[0].id);
		webinarId = String(seeded.webinars[0].id);
	});
	after(async () => {
		await zoom?.close();
	});

	const getMeeting: INodeParameters = { resource: 'meeting', operation: 'get', meetingId: byId('={{ $json.id }}') };
	const unknownId = '99999999999';

	function assertZoomNotFound(json: IDataObject): void {
		const error = json.error as IDataObject;
		assert.match(String(error.message), /could not find it \(code 3001\)/);
		assert.match(String(error.description), /Check the ID/);
		assert.equal(error.httpCode, '404');
	}

	it('Continue (using error output): the good item on output 0, the failed one on output 1 with message, description and HTTP status', async () => {
		const run = await zoom.runNode(getMeeting, [{ id: meetingId }, { id: unknownId }], { onError: 'continueErrorOutput' });
		assert.equal(run.status, 'success');
		const [good, failed] = [run.items('Zoom', 0), run.items('Zoom', 1)];
		assert.equal(good.length, 1);
		assert.equal(good[0].json.topic, 'Exists');
		assert.deepEqual(good[0].pairedItem, { item: 0 });
		assert.equal(failed.length, 1);
		assert.deepEqual(failed[0].pairedItem, { item: 1 });
		assertZoomNotFound(failed[0].json);
		assert.equal(failed[0].json.id, unknownId, 'n8n adds the fields of the input item the error belongs to');
	});

	it('Continue (regular output): both items on output 0, the failed one with message, description and HTTP status', async () => {
		const run = await zoom.runNode(getMeeting, [{ id: meetingId }, { id: unknownId }], { onError: 'continueRegularOutput' });
		assert.equal(run.status, 'success');
		const output = run.items('Zoom', 0);
		assert.equal(output.length, 2);
		assert.equal(output[0].json.topic, 'Exists');
		assert.deepEqual(output[1].pairedItem, { item: 1 });
		assert.deepEqual(Object.keys(output[1].json), ['error']);
		assertZoomNotFound(output[1].json);
		assert.deepEqual(run.items('Zoom', 1), []);
	});

	it('input refused before anything is sent goes to the error output too, with what is allowed', async () => {
		const run = await zoom.runNode(
			{ resource: 'meeting', operation: 'get', meetingId: { __rl: true, mode: 'url', value: '={{ $json.url }}' } },
			[{ url: `https://zoom.us/j/${meetingId}` }, { url: 'https://example.com/j/85746065432' }],
			{ onError: 'continueErrorOutput' },
		);
		assert.equal(run.items('Zoom', 0).length, 1);
		const [failed] = run.items('Zoom', 1);
		const error = failed.json.error as IDataObject;
		assert.match(String(error.message), /"example\.com" is not a Zoom domain \(item 1\)/);
		assert.match(String(error.description), /Nothing was sent to Zoom/);
		assert.equal(error.httpCode, undefined);
	});

	it('a batch operation (Add Many) splits its results the same way', async () => {
		const run = await zoom.runNode(
			{ resource: 'registrant', operation: 'addMany', eventType: 'meeting', meetingId: byId('={{ $json.id }}') },
			[
				{ id: meetingId, email: 'ok@example.com', firstName: 'Ok' },
				{ id: unknownId, email: 'lost@example.com', firstName: 'Lost' },
			],
			{ onError: 'continueErrorOutput' },
		);
		const [good, failed] = [run.items('Zoom', 0), run.items('Zoom', 1)];
		assert.equal(good.length, 1);
		assert.equal(good[0].json.email, 'ok@example.com');
		assert.equal(failed.length, 1);
		assert.deepEqual(failed[0].pairedItem, { item: 1 });
		assert.equal((failed[0].json.error as IDataObject).httpCode, '404');
		assert.match(String((failed[0].json.error as IDataObject).message), /could not find/);
	});

	it('a batch operation that fails as a whole (Sync Ticket Holders, unknown webinar) sends every item to the error output', async () => {
		const holders = [1, 2, 3].map((n) => ({ ticketId: `T${n}`, email: `holder${n}@example.com`, firstName: 'Holder', lastName: String(n), status: 'valid' }));
		const run = await zoom.runNode(
			{ resource: 'registrant', operation: 'syncTicketHolders', eventType: 'webinar', webinarId: byId(unknownId) },
			holders,
			{ onError: 'continueErrorOutput' },
		);
		assert.deepEqual(run.items('Zoom', 0), []);
		const failed = run.items('Zoom', 1);
		assert.deepEqual(
			failed.map((item) => item.pairedItem),
			[{ item: 0 }, { item: 1 }, { item: 2 }],
		);
		for (const item of failed) {
			assert.match(String((item.json.error as IDataObject).message), /could not find/);
			assert.equal((item.json.error as IDataObject).httpCode, '404');
		}
		const sync = await zoom.runNode({ resource: 'registrant', operation: 'syncTicketHolders', eventType: 'webinar', webinarId: byId(webinarId) }, holders, {
			onError: 'continueErrorOutput',
		});
		assert.deepEqual(sync.items('Zoom', 1), []);
	});
});
