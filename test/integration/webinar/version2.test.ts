import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { byId, futureStart, ZoomFixture } from '../registrants/support';

const V2 = { typeVersion: 2 };

/** The keys and value types of an output, so two outputs can be compared by shape. */
function shape(value: unknown): unknown {
	if (Array.isArray(value)) return value.length > 0 ? [shape(value[0])] : [];
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, shape(entry)]).sort());
	return typeof value;
}

describe('Meetings and webinars as one family (node version 2, real n8n engine, simulator)', () => {
	let zoom: ZoomFixture;

	before(async () => {
		zoom = await ZoomFixture.start('pro');
	});
	after(async () => {
		await zoom?.close();
	});

	it('creates, gets, updates and deletes a meeting and a webinar with the same parameters and output shape', async () => {
		const since = await zoom.mark();
		const outputs: Record<string, IDataObject[]> = {};
		for (const [resource, type] of [
			['meeting', 8],
			['webinar', 9],
		] as const) {
			const common = { resource, timezone: 'Europe/Berlin' };
			const created = (
				await zoom.runNode(
					{
						...common,
						operation: 'create',
						type,
						topic: `Family ${resource}`,
						startTime: '2031-03-04T17:00:00',
						duration: 45,
						recurrenceType: 2,
						weeklyDays: [3],
						recurrenceEnd: 'count',
						endTimes: 3,
						additionalFields: { agenda: 'Same concept, same name', password: 'fam1ly', tracking_fields: { field: [{ field: 'campaign', value: 'spring' }] } },
						settings: { approval_type: 0 },
					},
					[{}],
					V2,
				)
			).json('Zoom')[0];
			const id = String(created.id);
			const locator = { [`${resource}Id`]: byId(id) };
			const occurrenceId = String(((created.eventPage as IDataObject).occurrences as IDataObject[])[1].occurrenceId);
			const got = (await zoom.runNode({ resource, operation: 'get', ...locator, options: { occurrenceId, showPreviousOccurrences: true } }, [{}], V2)).json('Zoom')[0];
			const deleted = (await zoom.runNode({ resource, operation: 'delete', ...locator, options: { occurrenceId, notifyRegistrants: true } }, [{}], V2)).json('Zoom')[0];
			// A new start time gives the occurrences new IDs, so this comes after the occurrence's delete.
			const updated = (
				await zoom.runNode({ resource, operation: 'update', ...locator, updateFields: { topic: `Renamed ${resource}`, startTime: futureStart() } }, [{}], V2)
			).json('Zoom')[0];
			outputs[resource] = [created, got, updated, deleted];

			assert.equal(created.type, type);
			assert.match(String((created.eventPage as IDataObject).joinUrl), resource === 'meeting' ? /\/j\/\d+\?pwd=/ : /\/w\/\d+\?pwd=/);
			assert.equal((created.eventPage as IDataObject).passcode, 'fam1ly');
			assert.equal(created.start_url, undefined, 'the host link is kept apart');
			assert.ok((created.hostOnly as IDataObject).startUrl);
			assert.equal(updated.topic, `Renamed ${resource}`);
			assert.deepEqual(deleted, { deleted: true, [`${resource}Id`]: id, occurrenceId });
		}
		// Zoom's own fields stay as Zoom sends them (webinars carry a few more); what the node adds is the same.
		for (let index = 0; index < 3; index++) {
			const [meeting, webinar] = [outputs.meeting[index], outputs.webinar[index]];
			// dialInPasscode comes from pstn_password, which Zoom sends for meetings only.
			const { dialInPasscode: _pstn, ...meetingPage } = meeting.eventPage as IDataObject;
			assert.deepEqual(shape(webinar.eventPage), shape(meetingPage), `step ${index}: the same eventPage shape`);
			assert.deepEqual(shape(webinar.hostOnly), shape(meeting.hostOnly), `step ${index}: the same hostOnly shape`);
		}
		// Simplify keeps the same list of fields; Zoom's webinar object has no status, so that one may be missing.
		const simpleMeeting = Object.keys(outputs.meeting[1]).filter((key) => key !== 'status');
		assert.deepEqual(Object.keys(outputs.webinar[1]).sort(), simpleMeeting.sort(), 'Simplify keeps the same fields');
		const sent = (await zoom.requests(since)).filter((call) => call.operationId === 'webinarDelete' || call.operationId === 'meetingDelete');
		assert.deepEqual(
			sent.map((call) => Object.keys(call.query ?? {}).sort()),
			[
				['cancel_meeting_reminder', 'occurrence_id'],
				['cancel_webinar_reminder', 'occurrence_id'],
			],
		);
		assert.deepEqual(await zoom.refused(since), []);
	});

	it('Sync Ticket Holders: an invalid row fails the node, naming the row and field, before anything is sent', async () => {
		const webinar = (await zoom.runNode({ resource: 'webinar', operation: 'create', type: 5, topic: 'Sync v2', startTime: futureStart(), timezone: 'UTC', settings: { approval_type: 0 } }, [{}], V2)).json('Zoom')[0];
		const parameters = {
			resource: 'registrant',
			operation: 'syncTicketHolders',
			eventType: 'webinar',
			webinarId: byId(String(webinar.id)),
			ticketIdField: 'ticketId',
			emailField: 'email',
			firstNameField: 'firstName',
			lastNameField: 'lastName',
			statusField: 'status',
		};
		const input = [
			{ ticketId: 'B1', email: 'fine@tickets.example.com', firstName: 'Fin', status: 'valid' },
			{ ticketId: 'B2', email: 'not-an-email', firstName: 'Bad', status: 'valid' },
		];
		const since = await zoom.mark();
		const failed = await zoom.runNode(parameters, input, V2);
		const error = failed.nodeError('Zoom');
		assert.ok(error, 'the node failed');
		assert.match(error.message, /Email \(field "email"\)/);
		assert.match(error.message, /item 1/);
		assert.deepEqual((await zoom.requests(since)).filter((call) => call.method !== 'GET'), [], 'nothing was written');

		const continued = await zoom.runNode(parameters, input, { ...V2, onError: 'continueRegularOutput' });
		const output = continued.json('Zoom');
		assert.equal(output[0].action, 'added');
		assert.match(String((output[1].error as IDataObject).message), /Email \(field "email"\)/);
		assert.equal(output[2].failed, 1);
	});
});
