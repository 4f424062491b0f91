import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { byId, futureStart, ticketHolders, ZoomFixture } from './support';

/**
 * Zoom allows the same person to be added at most 3 times a day. A sync that meets that daily
 * limit must stop at once, say which changes were made and which were not, and a later run must
 * finish exactly the rest.
 */
describe('Sync Ticket Holders at a daily limit (real n8n engine, simulator)', () => {
	let zoom: ZoomFixture;
	let webinarId: string;

	before(async () => {
		zoom = await ZoomFixture.start('pro');
		const seeded = await zoom.control<{ webinars: IDataObject[] }>('POST', 'seed', {
			webinars: [{ topic: 'Daily limit', type: 5, start_time: futureStart(), duration: 60, settings: { approval_type: 0 } }],
		});
		webinarId = String(seeded.webinars[0].id);
	});
	after(async () => {
		await zoom?.close();
	});

	it('stops at the daily limit, reports what was and was not done, and a re-run after the reset finishes the job', async () => {
		const holders = ticketHolders(100, 'daily');
		const exhausted = holders[99];
		const webinar = { resource: 'registrant', eventType: 'webinar', webinarId: byId(webinarId) };
		for (let attempt = 0; attempt < 3; attempt++) {
			await zoom.runNode({ ...webinar, operation: 'add', email: String(exhausted.email), firstName: 'Tries' });
		}
		const [registered] = (await zoom.runNode({ ...webinar, operation: 'getMany', status: 'approved', returnAll: true })).json('Zoom');
		await zoom.runNode({ ...webinar, operation: 'delete', registrantId: String(registered.id) });

		const run = await zoom.runNode({ resource: 'registrant', operation: 'syncTicketHolders', eventType: 'webinar', webinarId: byId(webinarId) }, holders);
		const output = run.json('Zoom');
		const summary = output[100];
		assert.equal(summary.complete, false);
		assert.match(String(summary.stoppedBy), /daily limit/i);
		assert.match(String(summary.message), /run the same sync again/i);
		const added = output.slice(0, 100).filter((item) => item.action === 'added');
		const notDone = output.slice(0, 100).filter((item) => item.action === 'notDone');
		assert.equal(added.length + notDone.length, 100);
		assert.ok(notDone.some((item) => item.email === exhausted.email));
		assert.equal(summary.added, added.length);
		assert.equal(summary.notDone, notDone.length);
		for (const item of notDone) assert.match(String(item.reason), /daily limit/i);

		const audit = await zoom.audit(webinarId);
		assert.deepEqual(
			audit.registrants.map((registrant) => registrant.email).sort(),
			added.map((item) => String(item.email)).sort(),
			'exactly what was reported as done is registered',
		);

		await zoom.control('POST', 'clock/advance', { days: 1 });
		const rerun = (await zoom.runNode({ resource: 'registrant', operation: 'syncTicketHolders', eventType: 'webinar', webinarId: byId(webinarId) }, holders)).json('Zoom');
		assert.equal(rerun[100].complete, true);
		assert.equal(rerun[100].added, notDone.length);
		assert.equal(rerun[100].alreadyRegistered, added.length);
		const final = await zoom.audit(webinarId);
		assert.equal(final.byStatus.approved, 100);
		assert.equal(final.duplicateEmails, 0);
	});
});
