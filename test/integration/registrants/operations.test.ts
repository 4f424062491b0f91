import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { byId, futureStart, ZoomFixture } from './support';

describe('Registrant operations (meetings and webinars, real n8n engine, simulator)', () => {
	let zoom: ZoomFixture;
	let meetingId: string;
	let recurringMeetingId: string;
	let webinarId: string;

	before(async () => {
		zoom = await ZoomFixture.start('business');
		const seeded = await zoom.control<{ meetings: IDataObject[]; webinars: IDataObject[] }>('POST', 'seed', {
			meetings: [
				{ topic: 'Workshop', type: 2, start_time: futureStart(), duration: 60, settings: { approval_type: 0 } },
				{
					topic: 'Weekly clinic',
					type: 8,
					start_time: futureStart(),
					duration: 30,
					recurrence: { type: 2, weekly_days: '2', end_times: 3 },
					settings: { approval_type: 0 },
				},
			],
			webinars: [{ topic: 'Keynote', type: 5, start_time: futureStart(), duration: 60, settings: { approval_type: 0 } }],
		});
		meetingId = String(seeded.meetings[0].id);
		recurringMeetingId = String(seeded.meetings[1].id);
		webinarId = String(seeded.webinars[0].id);
	});
	after(async () => {
		await zoom?.close();
	});

	const meeting = () => ({ resource: 'registrant', eventType: 'meeting', meetingId: byId(meetingId) });
	const webinar = () => ({ resource: 'registrant', eventType: 'webinar', webinarId: byId(webinarId) });

	it('adds a registrant with standard fields and custom answers, and adding again returns the same registration', async () => {
		await zoom.runNode({
			...meeting(),
			operation: 'updateQuestions',
			standardQuestions: { questions: [{ field_name: 'org', required: true }] },
			customQuestions: { questions: [{ title: 'Dietary needs', type: 'short', required: false }] },
		});
		const parameters = {
			...meeting(),
			operation: 'add',
			email: 'lin@example.com',
			firstName: 'Lin',
			lastName: 'Wu',
			additionalFields: { org: 'Example Org', country: 'de', job_title: 'Engineer', no_of_employees: '21-50' },
			customQuestions: { answers: [{ title: 'Dietary needs', value: 'vegetarian' }] },
		};
		const [first] = (await zoom.runNode(parameters)).json('Zoom');
		assert.ok(first.registrant_id);
		assert.match(String(first.join_url), /^https?:\/\//);
		assert.ok(first.participant_pin_code !== undefined, 'meeting registrants get a participant PIN');

		const [second] = (await zoom.runNode(parameters)).json('Zoom');
		assert.equal(second.registrant_id, first.registrant_id);
		const audit = await zoom.audit(meetingId);
		assert.equal(audit.total, 1);

		const [got] = (await zoom.runNode({ ...meeting(), operation: 'get', registrantId: String(first.registrant_id) })).json('Zoom');
		assert.equal(got.org, 'Example Org');
		assert.equal(got.country, 'DE');
		assert.deepEqual(got.custom_questions, [{ title: 'Dietary needs', value: 'vegetarian' }]);

		const [questions] = (await zoom.runNode({ ...meeting(), operation: 'getQuestions' })).json('Zoom');
		assert.deepEqual(questions.questions, [{ field_name: 'org', required: true }]);
	});

	it('rejects bad input per item before calling Zoom, naming the parameter and what is allowed', async () => {
		const since = await zoom.mark();
		const run = await zoom.runNode(
			{ ...webinar(), operation: 'add', email: '={{ $json.email }}', firstName: '={{ $json.first }}' },
			[{ email: 'ok@example.com', first: 'Ok' }, { email: 'nope', first: 'Bad' }, { email: 'also@example.com', first: '' }],
			{ continueOnFail: true },
		);
		const output = run.items('Zoom');
		assert.equal(output.length, 3);
		assert.ok(output[0].json.registrant_id);
		assert.match(String((output[1].json.error as IDataObject).message), /Email/);
		assert.match(String((output[1].json.error as IDataObject).message), /"nope"/);
		assert.deepEqual(output[1].pairedItem, { item: 1 });
		assert.match(String((output[2].json.error as IDataObject).message), /First Name/);
		const calls = await zoom.requests(since);
		assert.equal(calls.filter((call) => call.method === 'POST').length, 1);
	});

	it('adds many in batches of 30 where Zoom allows it, pairs results to items, and reports unknown meetings per item', async () => {
		const people = Array.from({ length: 65 }, (_, index) => ({ email: `many${index}@example.com`, firstName: 'Many', lastName: String(index), id: meetingId }));
		people.push({ email: 'elsewhere@example.com', firstName: 'Else', lastName: 'Where', id: '99999999999' });
		people.push({ email: 'many3@example.com', firstName: 'Many', lastName: 'Again', id: meetingId });
		const since = await zoom.mark();
		const run = await zoom.runNode(
			{
				resource: 'registrant',
				operation: 'addMany',
				eventType: 'meeting',
				meetingId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			},
			people,
			{ continueOnFail: true },
		);
		const output = run.items('Zoom');
		assert.equal(output.length, 67);
		output.forEach((item, index) => assert.deepEqual(item.pairedItem, { item: index }));
		for (let index = 0; index < 65; index++) assert.equal(output[index].json.email, `many${index}@example.com`);
		assert.match(String((output[65].json.error as IDataObject).message), /could not find|does not exist/i);
		assert.equal(output[66].json.registrant_id, output[3].json.registrant_id);
		assert.deepEqual(output[66].json.sharedWithItems, [3]);
		const calls = await zoom.successfulCalls(since);
		assert.equal(calls.addBatchRegistrants, 3);
		assert.equal(calls.meetingRegistrantCreate, undefined);
		assert.deepEqual(await zoom.refused(since), []);
		const audit = await zoom.audit(meetingId);
		assert.equal(audit.duplicateEmails, 0);
	});

	it('adds one at a time where batch registration is not allowed (recurring meeting)', async () => {
		const since = await zoom.mark();
		const people = Array.from({ length: 5 }, (_, index) => ({ email: `clinic${index}@example.com`, firstName: 'Clinic' }));
		const run = await zoom.runNode({ resource: 'registrant', operation: 'addMany', eventType: 'meeting', meetingId: byId(recurringMeetingId) }, people);
		assert.equal(run.json('Zoom').filter((item) => item.registrant_id).length, 5);
		const calls = await zoom.successfulCalls(since);
		assert.equal(calls.meetingRegistrantCreate, 5);
		assert.equal(calls.addBatchRegistrants, undefined);
	});

	it('syncs ticket holders into a meeting too, deleting refunded registrants when asked', async () => {
		const seeded = await zoom.control<{ meetings: IDataObject[] }>('POST', 'seed', {
			meetings: [{ topic: 'Synced class', type: 2, start_time: futureStart(), duration: 60, settings: { approval_type: 0 } }],
		});
		const classId = String(seeded.meetings[0].id);
		const holders = Array.from({ length: 40 }, (_, index) => ({
			ticket: { id: `C${index}`, state: 'valid' },
			person: { email: `class${index}@example.com`, first: 'Class', last: String(index) },
		}));
		const parameters = {
			resource: 'registrant',
			operation: 'syncTicketHolders',
			eventType: 'meeting',
			meetingId: byId(classId),
			ticketIdField: 'ticket.id',
			emailField: 'person.email',
			firstNameField: 'person.first',
			lastNameField: 'person.last',
			statusField: 'ticket.state',
			options: { removalMode: 'delete' },
		};
		const since = await zoom.mark();
		const first = (await zoom.runNode(parameters, holders)).json('Zoom');
		assert.equal(first[40].added, 40);
		assert.equal((await zoom.successfulCalls(since)).addBatchRegistrants, 2);

		holders[5].ticket.state = 'cancelled';
		const second = (await zoom.runNode(parameters, holders)).json('Zoom');
		assert.equal(second[5].action, 'deleted');
		assert.equal(second[40].deleted, 1);
		const audit = await zoom.audit(classId);
		assert.equal(audit.total, 39);
		assert.ok(!audit.registrants.some((registrant) => registrant.email === 'class5@example.com'));
	});

	it('lists by status, updates status 30 at a time, and deletes idempotently', async () => {
		const emails = Array.from({ length: 35 }, (_, index) => ({ email: `status${index}@example.com`, firstName: 'Status' }));
		await zoom.runNode({ ...webinar(), operation: 'addMany' }, emails);

		const since = await zoom.mark();
		const cancelled = await zoom.runNode({ ...webinar(), operation: 'updateStatus', action: 'cancel', registrant: '={{ $json.email }}' }, emails.slice(0, 32));
		assert.equal(cancelled.json('Zoom').filter((item) => item.updated === true).length, 32);
		assert.equal((await zoom.successfulCalls(since)).webinarRegistrantStatus, 2);

		const denied = await zoom.runNode({ ...webinar(), operation: 'getMany', status: 'denied', returnAll: true });
		assert.equal(denied.json('Zoom').length, 32);
		const limited = await zoom.runNode({ ...webinar(), operation: 'getMany', status: 'approved', returnAll: false, limit: 2 });
		assert.equal(limited.json('Zoom').length, 2);

		const target = String(limited.json('Zoom')[0].id);
		const [deleted] = (await zoom.runNode({ ...webinar(), operation: 'delete', registrantId: target })).json('Zoom');
		assert.deepEqual(deleted, { registrantId: target, deleted: true });
		const [again] = (await zoom.runNode({ ...webinar(), operation: 'delete', registrantId: target })).json('Zoom');
		assert.deepEqual(again, { registrantId: target, deleted: true, alreadyAbsent: true });

		const unknownMeeting = await zoom.runNode({ resource: 'registrant', eventType: 'webinar', webinarId: byId('99999999999'), operation: 'delete', registrantId: target });
		assert.match(String(unknownMeeting.nodeError('Zoom')?.message), /could not find|does not exist/i);
	});

	it('replaces the registration questions with webinar question types', async () => {
		await zoom.runNode({
			...webinar(),
			operation: 'updateQuestions',
			standardQuestions: { questions: [{ field_name: 'job_title', required: false }] },
			customQuestions: { questions: [{ title: 'Track', type: 'single_radio', answers: 'Beginner, Expert', required: true }] },
		});
		const [questions] = (await zoom.runNode({ ...webinar(), operation: 'getQuestions' })).json('Zoom');
		assert.deepEqual(questions.custom_questions, [{ title: 'Track', type: 'single_radio', required: true, answers: ['Beginner', 'Expert'] }]);

		const wrongType = await zoom.runNode({
			...meeting(),
			operation: 'updateQuestions',
			customQuestions: { questions: [{ title: 'Track', type: 'single_radio', answers: 'A, B' }] },
		});
		assert.match(String(wrongType.nodeError('Zoom')?.message), /Custom Questions > Type/);
	});
});
