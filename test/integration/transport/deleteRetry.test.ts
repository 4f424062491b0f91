import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { byId, futureStart, ZoomFixture } from '../registrants/support';

/**
 * A DELETE that Zoom carries out but whose answer is lost (a 5xx after the work, or a dropped
 * connection) is repeated by the transport; Zoom then says "does not exist", which here means
 * the first attempt did it.
 */
describe('Transport: a DELETE repeated after Zoom already carried it out', () => {
	let zoom: ZoomFixture;
	let meetingIds: string[];
	let webinarId: string;

	before(async () => {
		zoom = await ZoomFixture.start('business');
		const seeded = await zoom.control<{ meetings: IDataObject[]; webinars: IDataObject[]; registrants: Array<{ registrantIds: string[] }> }>(
			'POST',
			'seed',
			{
				meetings: [0, 1, 2].map((index) => ({ topic: `Delete me ${index}`, type: 2, start_time: futureStart(), duration: 30, settings: { approval_type: 0 } })),
				webinars: [{ topic: 'Delete me too', type: 5, start_time: futureStart(), duration: 60, settings: { approval_type: 0 } }],
			},
		);
		meetingIds = seeded.meetings.map((meeting) => String(meeting.id));
		webinarId = String(seeded.webinars[0].id);
	});
	beforeEach(async () => {
		await zoom.control('DELETE', 'faults');
	});
	after(async () => {
		await zoom?.close();
	});

	const deletes = async (since: number) =>
		(await zoom.requests(since)).filter((call) => call.method === 'DELETE').map((call) => call.status);

	it('Meeting Delete answered 503 after the meeting was deleted reports it deleted', async () => {
		const meetingId = meetingIds[0];
		await zoom.control('PUT', 'faults', { errorRate: 1, errorStatus: 503, errorPhase: 'after', match: `^DELETE /v2/meetings/${meetingId}$` });
		const since = await zoom.mark();
		const result = await zoom.runNode({ resource: 'meeting', operation: 'delete', meetingId: byId(meetingId) });
		assert.equal(result.status, 'success', result.error?.message);
		assert.deepEqual(result.json('Zoom'), [{ deleted: true, meetingId }]);
		assert.deepEqual(await deletes(since), [503, 404], 'deleted by the first request; the repeat found nothing');
	});

	it('Webinar Delete whose connection dropped after the webinar was deleted reports it deleted', async () => {
		await zoom.control('PUT', 'faults', { dropRate: 1, dropPhase: 'after', match: `^DELETE /v2/webinars/${webinarId}$` });
		const since = await zoom.mark();
		const result = await zoom.runNode({ resource: 'webinar', operation: 'delete', webinarId: byId(webinarId) });
		assert.equal(result.status, 'success', result.error?.message);
		assert.deepEqual(result.json('Zoom'), [{ webinarId, deleted: true }]);
		assert.deepEqual(await deletes(since), [0, 404]);
	});

	it('Registrant Delete answered 503 after the registrant was removed says it was already absent, without looking again', async () => {
		const meetingId = meetingIds[1];
		const seeded = await zoom.control<{ registrants: Array<{ registrantIds: string[] }> }>('POST', 'seed', {
			registrants: [{ meetingId: Number(meetingId), count: 1 }],
		});
		const [registrantId] = seeded.registrants[0].registrantIds;
		await zoom.control('PUT', 'faults', { errorRate: 1, errorStatus: 502, errorPhase: 'after', match: '^DELETE /v2/meetings/\\d+/registrants/' });
		const since = await zoom.mark();
		const result = await zoom.runNode({ resource: 'registrant', eventType: 'meeting', meetingId: byId(meetingId), operation: 'delete', registrantId });
		assert.equal(result.status, 'success', result.error?.message);
		assert.deepEqual(result.json('Zoom'), [{ registrantId, deleted: true, alreadyAbsent: true }]);
		const calls = (await zoom.requests(since)).filter((call) => call.operationId);
		// Zoom documents 400 code 3000 "Registrant {id} was not found" for the repeat.
		assert.deepEqual(
			calls.map((call) => `${call.method} ${call.status}`),
			['DELETE 502', 'DELETE 400'],
		);
		assert.equal((await zoom.audit(meetingId)).total, 0);
	});

	it('a DELETE of something that never existed still fails, since nothing was repeated', async () => {
		await zoom.control('DELETE', 'faults');
		const result = await zoom.runNode({ resource: 'meeting', operation: 'delete', meetingId: byId('89999999999') }, [{}], { onError: 'continueRegularOutput' });
		const [output] = result.json('Zoom');
		assert.match(String((output.error as IDataObject).message), /could not find it \(code 3001\)/);
	});

	it('a DELETE repeated after a 5xx that Zoom refused before doing anything deletes normally', async () => {
		const meetingId = meetingIds[2];
		await zoom.control('PUT', 'faults', { errorRate: 0.5, errorStatus: 500, errorPhase: 'before', match: `^DELETE /v2/meetings/${meetingId}$`, seed: 3 });
		const since = await zoom.mark();
		const result = await zoom.runNode({ resource: 'meeting', operation: 'delete', meetingId: byId(meetingId) });
		assert.equal(result.status, 'success', result.error?.message);
		assert.deepEqual(result.json('Zoom'), [{ deleted: true, meetingId }]);
		const statuses = await deletes(since);
		assert.equal(statuses.at(-1), 204, `the last attempt deleted it (${statuses.join(', ')})`);
	});
});
