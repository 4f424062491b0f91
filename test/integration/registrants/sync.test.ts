import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { byId, futureStart, ticketHolders, ZoomFixture } from './support';

/**
 * The "done when", in n8n's real engine against the simulator at Pro limits: a webinar
 * with two panelists and a poll, 250 ticket holders synced in 9 batch calls, 10 refunds cancelled
 * by the re-sync, a repeated run that changes nothing, and faults that lose or duplicate nothing.
 */
describe('Sync Ticket Holders (webinar, real n8n engine, simulator)', () => {
	let zoom: ZoomFixture;
	let webinarId: string;
	const holders = ticketHolders(250);
	const syncParameters = (id: string) => ({ resource: 'registrant', operation: 'syncTicketHolders', eventType: 'webinar', webinarId: byId(id) });

	async function createWebinar(topic: string): Promise<string> {
		const run = await zoom.runNode({
			resource: 'webinar',
			operation: 'create',
			topic,
			type: 5,
			startTime: futureStart(),
			duration: 90,
			timezone: 'Europe/Berlin',
			settings: { approval_type: 0, practice_session: true, question_and_answer: { values: { enable: true, allow_anonymous_questions: true } } },
		});
		const [webinar] = run.json('Zoom');
		return String(webinar.id);
	}

	before(async () => {
		zoom = await ZoomFixture.start('pro');
	});
	after(async () => {
		await zoom?.close();
	});

	it('creates a webinar with registration, 2 panelists and a poll', async () => {
		webinarId = await createWebinar('Launch webinar');
		assert.match(webinarId, /^\d{9,12}$/);

		const panelists = await zoom.runNode({
			resource: 'panelist',
			operation: 'add',
			webinarId: byId(webinarId),
			panelists: {
				panelist: [
					{ name: 'Ada Lovelace', email: 'ada@speakers.example.com' },
					{ name: 'Grace Hopper', email: 'grace@speakers.example.com', name_tag_description: 'Rear Admiral' },
				],
			},
		});
		assert.equal(panelists.json('Zoom')[0].added, 2);

		const poll = await zoom.runNode({
			resource: 'poll',
			operation: 'create',
			eventType: 'webinar',
			webinarId: byId(webinarId),
			title: 'How did you hear about us?',
			pollType: 1,
			questions: { question: [{ name: 'Channel', type: 'single', answers: 'Newsletter, Social media, A friend', answerRequired: true }] },
		});
		assert.ok(poll.json('Zoom')[0].id, 'poll id returned');

		const listed = await zoom.runNode({ resource: 'panelist', operation: 'getMany', webinarId: byId(webinarId) });
		assert.deepEqual(listed.json('Zoom').map((p) => p.email).sort(), ['ada@speakers.example.com', 'grace@speakers.example.com']);
		const polls = await zoom.runNode({ resource: 'poll', operation: 'getMany', eventType: 'webinar', webinarId: byId(webinarId) });
		assert.equal(polls.json('Zoom').length, 1);
	});

	it('syncs 250 ticket holders with 9 batch calls, one output item per holder plus a summary', async () => {
		const since = await zoom.mark();
		const run = await zoom.runNode(syncParameters(webinarId), holders);
		const output = run.items('Zoom');
		assert.equal(output.length, 251);
		for (let index = 0; index < 250; index++) {
			assert.deepEqual(output[index].pairedItem, { item: index });
			assert.equal(output[index].json.action, 'added', JSON.stringify(output[index].json));
			assert.equal(output[index].json.ticketId, holders[index].ticketId);
			assert.ok(output[index].json.registrantId);
			assert.match(String(output[index].json.joinUrl), /^https?:\/\//);
		}
		const summary = output[250].json;
		assert.equal(summary.summary, true);
		assert.equal(summary.added, 250);
		assert.equal(summary.complete, true);

		const calls = await zoom.successfulCalls(since);
		assert.equal(calls.addBatchWebinarRegistrants, 9);
		assert.equal(calls.webinarRegistrantCreate, undefined);
		assert.deepEqual(await zoom.refused(since), []);
		const audit = await zoom.audit(webinarId);
		assert.equal(audit.byStatus.approved, 250);
		assert.equal(audit.duplicateEmails, 0);
	});

	it('cancels exactly the 10 refunded tickets on re-sync', async () => {
		const refunded = new Set([3, 17, 42, 77, 100, 128, 150, 199, 222, 249]);
		const input = holders.map((holder, index) => (refunded.has(index) ? { ...holder, status: 'refunded' } : holder));
		const since = await zoom.mark();
		const run = await zoom.runNode(syncParameters(webinarId), input);
		const output = run.json('Zoom');
		for (let index = 0; index < 250; index++) {
			assert.equal(output[index].action, refunded.has(index) ? 'cancelled' : 'alreadyRegistered');
		}
		assert.equal(output[250].cancelled, 10);
		const calls = await zoom.successfulCalls(since);
		assert.equal(calls.webinarRegistrantStatus, 1);
		assert.equal(calls.addBatchWebinarRegistrants, undefined);

		const audit = await zoom.audit(webinarId);
		const cancelledEmails = audit.registrants.filter((r) => r.cancelled).map((r) => r.email).sort();
		assert.deepEqual(cancelledEmails, [...refunded].map((index) => holders[index].email as string).sort());
		assert.equal(audit.byStatus.approved, 240);

		// The same run again: only reads, nothing changes.
		const again = await zoom.mark();
		const repeat = await zoom.runNode(syncParameters(webinarId), input);
		const repeated = repeat.json('Zoom');
		for (let index = 0; index < 250; index++) {
			assert.equal(repeated[index].action, refunded.has(index) ? 'alreadyCancelled' : 'alreadyRegistered');
		}
		const writes = (await zoom.requests(again)).filter((call) => call.method !== 'GET' && call.path.startsWith('/v2/'));
		assert.deepEqual(writes, []);
		assert.deepEqual(await zoom.audit(webinarId).then((a) => a.byStatus), audit.byStatus);
	});

	it('loses and duplicates nothing through a mid-sync 429 storm and a 5% rate of 5xx answered after the work was done', async () => {
		const stormWebinar = await createWebinar('Storm webinar');
		const stormHolders = ticketHolders(1000, 'storm');
		const since = await zoom.mark();
		const running = zoom.runNode(syncParameters(stormWebinar), stormHolders);
		for (;;) {
			const batches = (await zoom.requests(since)).filter((call) => call.operationId === 'addBatchWebinarRegistrants').length;
			if (batches >= 5) break;
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
		// From the 5th batch on: every request refused for 3 seconds, then each 5xx comes after Zoom registered the batch.
		await zoom.control('POST', 'faults', {
			stormSeconds: 3,
			errorRate: 0.05,
			errorStatus: 503,
			errorPhase: 'after',
			seed: 66,
			match: '^POST /v2/webinars/\\d+/batch_registrants$',
		});
		try {
			const output = (await running).json('Zoom');
			const notAdded = output.slice(0, 1000).filter((item) => item.action !== 'added');
			assert.deepEqual(notAdded, []);
			assert.equal(output[1000].complete, true);
		} finally {
			const faults = await zoom.control<{ counts: IDataObject }>('GET', 'faults');
			await zoom.control('DELETE', 'faults');
			assert.ok(Number(faults.counts.storm429) > 0, 'the storm happened');
			assert.ok(Number(faults.counts.errors) > 0, 'some 5xx were injected');
		}
		const audit = await zoom.audit(stormWebinar);
		assert.equal(audit.total, 1000);
		assert.equal(audit.byStatus.approved, 1000);
		assert.equal(audit.duplicateEmails, 0);
		const expected = new Set(stormHolders.map((holder) => holder.email));
		assert.ok(audit.registrants.every((registrant) => expected.has(registrant.email)));
	});

	it('reports invalid rows per item and keeps going; two tickets with one email make one registrant', async () => {
		const input: IDataObject[] = [
			{ ticketId: 'A1', email: 'not-an-email', firstName: 'Bad', status: 'valid' },
			{ ticketId: 'A2', email: 'pair@tickets.example.com', firstName: 'Pat', status: 'valid' },
			{ ticketId: 'A3', email: 'PAIR@tickets.example.com', firstName: 'Pat', status: 'valid' },
			{ ticketId: 'A4', email: 'fine@tickets.example.com', firstName: 'Fin', status: 'maybe' },
			{ ticketId: 'A5', email: 'ok@tickets.example.com', firstName: 'Oka', status: 'valid' },
		];
		const run = await zoom.runNode(syncParameters(webinarId), input);
		const output = run.json('Zoom');
		assert.equal(output[0].action, 'failed');
		assert.match(String(output[0].reason), /Email/);
		assert.match(String(output[0].reason), /not-an-email/);
		assert.equal(output[1].action, 'added');
		assert.equal(output[2].action, 'sharedRegistrant');
		assert.equal(output[2].registrantId, output[1].registrantId);
		assert.deepEqual(output[2].sharedWithTickets, ['A2']);
		assert.equal(output[3].action, 'failed');
		assert.match(String(output[3].reason), /Ticket Status/);
		assert.equal(output[4].action, 'added');
		assert.equal(output[5].failed, 2);
		assert.equal(output[5].complete, false);
	});

	it('fails clearly for an unknown webinar, before changing anything', async () => {
		const run = await zoom.runNode(syncParameters('99999999999'), holders.slice(0, 3));
		const error = run.nodeError('Zoom');
		assert.ok(error, 'the node failed');
		assert.match(error.message, /could not find|does not exist/i);
	});
});
