import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { loadOperations, type SpecOperation } from '../openapi';
import { handlers } from '../resources';
import { registrationMeeting, registrationWebinar, testZoom, type TestZoom } from './helpers';

/**
 * Every operation the simulator serves is called with a valid request (its answer is checked
 * against Zoom's response schema by the simulator itself) and with an invalid one (which must be
 * refused as Zoom refuses it: 400, code 300, the field named).
 */
describe('every served endpoint', () => {
	let zoom: TestZoom;
	before(async () => {
		zoom = await testZoom({ plan: 'business' });
		// These probes check validation only; back-to-back calls must not trip the per-second
		// limits, which have their own tests (rate limits and faults).
		await zoom.control('PUT', '/plan', { rateLimits: false });
	});
	after(() => zoom.close());

	it('answers a valid request of each modelled operation with a documented success that matches the schema', async () => {
		const { api, control } = zoom;
		const ok = (a: { status: number; body: unknown }, label: string) => assert.ok(a.status >= 200 && a.status < 300, `${label}: ${a.status} ${JSON.stringify(a.body)}`);

		ok(await api('GET', '/users/me'), 'user');
		const meeting = (await api('POST', '/users/me/meetings', registrationMeeting)).body;
		const recurring = (
			await api('POST', '/users/me/meetings', {
				topic: 'Weekly',
				type: 8,
				start_time: '2030-03-02T09:00:00',
				timezone: 'America/New_York',
				recurrence: { type: 2, weekly_days: '2,4', end_times: 4 },
				settings: { approval_type: 1 },
			})
		).body;
		ok(await api('GET', `/meetings/${meeting.id}`), 'meeting');
		ok(await api('GET', `/meetings/${recurring.id}`, undefined, { occurrence_id: recurring.occurrences[1].occurrence_id }), 'meeting occurrence');
		ok(await api('GET', '/users/me/meetings', undefined, { type: 'upcoming', page_size: 1 }), 'meetings');
		ok(await api('PATCH', `/meetings/${meeting.id}`, { agenda: 'Updated', settings: { waiting_room: true } }), 'meetingUpdate');
		ok(await api('DELETE', `/meetings/${recurring.id}`, undefined, { occurrence_id: recurring.occurrences[3].occurrence_id }), 'meetingDelete occurrence');

		ok(await api('PATCH', `/meetings/${meeting.id}/registrants/questions`, { questions: [{ field_name: 'city', required: false }], custom_questions: [{ title: 'Ticket', type: 'short', required: false }] }), 'questions');
		ok(await api('GET', `/meetings/${meeting.id}/registrants/questions`), 'questions get');
		const reg = (await api('POST', `/meetings/${meeting.id}/registrants`, { email: 'ann@example.com', first_name: 'Ann', last_name: 'Lee', city: 'Berlin', custom_questions: [{ title: 'Ticket', value: 'T-1' }] })).body;
		ok(await api('POST', `/meetings/${recurring.id}/registrants`, { email: 'rec@example.com', first_name: 'Rec' }, { occurrence_ids: recurring.occurrences[0].occurrence_id }), 'recurring registrant');
		ok(await api('POST', `/meetings/${meeting.id}/batch_registrants`, { auto_approve: true, registrants: [{ email: 'bob@example.com', first_name: 'Bob' }, { email: 'cy@example.com', first_name: 'Cy' }] }), 'batch');
		ok(await api('GET', `/meetings/${meeting.id}/registrants`, undefined, { status: 'approved', page_size: 2 }), 'registrants');
		ok(await api('GET', `/meetings/${meeting.id}/registrants/${reg.registrant_id}`), 'registrant get');
		ok(await api('PUT', `/meetings/${meeting.id}/registrants/status`, { action: 'cancel', registrants: [{ email: 'cy@example.com' }] }), 'status');
		const poll = (await api('POST', `/meetings/${meeting.id}/polls`, { title: 'Lunch', poll_type: 1, questions: [{ name: 'Pizza?', type: 'single', answers: ['Yes', 'No'] }] })).body;
		ok(await api('GET', `/meetings/${meeting.id}/polls`), 'polls');
		ok(await api('GET', `/meetings/${meeting.id}/polls/${poll.id}`), 'poll');
		ok(await api('PUT', `/meetings/${meeting.id}/polls/${poll.id}`, { title: 'Dinner', questions: [{ name: 'Pasta?', type: 'single', answers: ['Yes', 'No'] }] }), 'poll update');

		const webinar = (await api('POST', '/users/me/webinars', { ...registrationWebinar, settings: { approval_type: 0, practice_session: true } })).body;
		const series = (
			await api('POST', '/users/me/webinars', { topic: 'Series', type: 9, start_time: '2030-04-01T12:00:00Z', recurrence: { type: 1, repeat_interval: 7, end_times: 3 } })
		).body;
		ok(await api('GET', `/webinars/${webinar.id}`), 'webinar');
		ok(await api('GET', '/users/me/webinars', undefined, { page_size: 10 }), 'webinars');
		ok(await api('PATCH', `/webinars/${webinar.id}`, { agenda: 'Agenda', settings: { question_and_answer: { enable: true } } }), 'webinarUpdate');
		ok(await api('PATCH', `/webinars/${webinar.id}/registrants/questions`, { questions: [{ field_name: 'org', required: false }] }), 'webinar questions');
		ok(await api('GET', `/webinars/${webinar.id}/registrants/questions`), 'webinar questions get');
		const wreg = (await api('POST', `/webinars/${webinar.id}/registrants`, { email: 'dee@example.com', first_name: 'Dee', org: 'ACME' })).body;
		ok(await api('POST', `/webinars/${webinar.id}/batch_registrants`, { registrants: [{ email: 'eve@example.com', first_name: 'Eve' }, { email: 'fay@example.com', first_name: 'Fay' }] }), 'webinar batch');
		ok(await api('GET', `/webinars/${webinar.id}/registrants`, undefined, { page_size: 300 }), 'webinar registrants');
		ok(await api('GET', `/webinars/${webinar.id}/registrants/${wreg.registrant_id}`), 'webinar registrant');
		ok(await api('PUT', `/webinars/${webinar.id}/registrants/status`, { action: 'deny', registrants: [{ email: 'fay@example.com' }] }), 'webinar status');
		ok(await api('POST', `/webinars/${webinar.id}/panelists`, { panelists: [{ email: 'pan@example.com', name: 'Pan' }, { email: 'el@example.com', name: 'El' }] }), 'panelists add');
		const panelists = (await api('GET', `/webinars/${webinar.id}/panelists`)).body;
		ok(await api('DELETE', `/webinars/${webinar.id}/panelists/${panelists.panelists[0].id}`), 'panelist delete');
		ok(await api('DELETE', `/webinars/${webinar.id}/panelists`), 'panelists delete');
		const wpoll = (await api('POST', `/webinars/${webinar.id}/polls`, { title: 'Quiz', poll_type: 3, questions: [{ name: '2+2?', type: 'single', answers: ['3', '4'], right_answers: ['4'] }] })).body;
		ok(await api('GET', `/webinars/${webinar.id}/polls`), 'webinar polls');
		ok(await api('GET', `/webinars/${webinar.id}/polls/${wpoll.id}`), 'webinar poll');
		ok(await api('PUT', `/webinars/${webinar.id}/polls/${wpoll.id}`, { title: 'Quiz 2' }), 'webinar poll update');

		const meetingRun = await control('POST', '/runs', {
			meetingId: meeting.id,
			participants: [
				{ registrantId: reg.registrant_id, sessions: [{ join: 0, leave: 20 }, { join: 25 }] },
				{ email: 'bob@example.com', sessions: [{ join: 5, leave: 50 }] },
				{ guest: true, name: 'Walk In', email: 'walkin@example.com', sessions: [{ join: 10, leave: 15 }] },
			],
			polls: [{ email: 'ann@example.com', name: 'Ann Lee', question: 'Pizza?', answer: 'Yes' }],
			qa: [{ email: 'bob@example.com', name: 'Bob', question: 'Slides?', answer: 'Yes, after' }],
			wait: true,
		});
		assert.equal(meetingRun.status, 200, JSON.stringify(meetingRun.body));
		const webinarRun = await control('POST', '/runs', {
			webinarId: webinar.id,
			participants: [{ registrantId: wreg.registrant_id, sessions: [{ join: 0, leave: 30 }] }],
			polls: [{ email: 'dee@example.com', question: '2+2?', answer: '4' }],
			qa: [{ email: 'dee@example.com', question: 'Recording?' }],
			wait: true,
		});
		assert.equal(webinarRun.status, 200, JSON.stringify(webinarRun.body));
		const uuid = encodeURIComponent(encodeURIComponent(meetingRun.body.uuid));

		ok(await api('GET', `/past_meetings/${meeting.id}`), 'pastMeetingDetails');
		ok(await api('GET', `/past_meetings/${meeting.id}/instances`), 'pastMeetings');
		ok(await api('GET', `/past_meetings/${uuid}/participants`, undefined, { page_size: 2 }), 'pastMeetingParticipants');
		ok(await api('GET', `/past_meetings/${meeting.id}/polls`), 'listPastMeetingPolls');
		ok(await api('GET', `/past_meetings/${meeting.id}/qa`), 'listPastMeetingQA');
		ok(await api('GET', `/report/meetings/${uuid}`), 'reportMeetingDetails');
		ok(await api('GET', `/report/meetings/${meeting.id}/participants`, undefined, { page_size: 2, include_fields: 'registrant_id' }), 'reportMeetingParticipants');
		ok(await api('GET', `/report/meetings/${meeting.id}/polls`), 'reportMeetingPolls');
		ok(await api('GET', `/report/meetings/${meeting.id}/qa`), 'reportMeetingQA');
		ok(await api('GET', `/past_webinars/${webinar.id}/instances`), 'pastWebinars');
		ok(await api('GET', `/past_webinars/${webinar.id}/participants`), 'listWebinarParticipants');
		ok(await api('GET', `/past_webinars/${webinar.id}/polls`), 'listPastWebinarPollResults');
		ok(await api('GET', `/past_webinars/${webinar.id}/qa`), 'listPastWebinarQA');
		ok(await api('GET', `/past_webinars/${webinar.id}/absentees`), 'webinarAbsentees');
		ok(await api('GET', `/report/webinars/${webinar.id}`), 'reportWebinarDetails');
		ok(await api('GET', `/report/webinars/${webinar.id}/participants`), 'reportWebinarParticipants');
		ok(await api('GET', `/report/webinars/${webinar.id}/polls`), 'reportWebinarPolls');
		ok(await api('GET', `/report/webinars/${webinar.id}/qa`), 'reportWebinarQA');

		const recording = (await api('GET', `/meetings/${meeting.id}/recordings`, undefined, { include_fields: 'download_access_token', ttl: 600 })).body;
		ok(await api('GET', '/users/me/recordings', undefined, { from: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10) }), 'recordingsList');
		ok(await api('GET', `/meetings/${uuid}/recordings/settings`), 'recording settings');
		ok(await api('PATCH', `/meetings/${meeting.id}/recordings/settings`, { share_recording: 'internally', viewer_download: false }), 'recording settings update');
		ok(await api('DELETE', `/meetings/${meeting.id}/recordings/${recording.recording_files[1].id}`), 'recordingDeleteOne');
		ok(await api('PUT', `/meetings/${meeting.id}/recordings/${recording.recording_files[1].id}/status`, { action: 'recover' }), 'recordingStatusUpdateOne');
		ok(await api('DELETE', `/meetings/${meeting.id}/recordings`), 'recordingDelete');
		ok(await api('PUT', `/meetings/${uuid}/recordings/status`, { action: 'recover' }), 'recordingStatusUpdate');

		const paced = await control('POST', '/runs', { webinarId: series.id, occurrenceId: series.occurrences[0].occurrence_id, pace: { msPerMinute: 1000 } });
		assert.equal(paced.status, 202);
		await new Promise((resolve) => setTimeout(resolve, 50));
		ok(await api('PUT', `/webinars/${series.id}/status`, { action: 'end' }), 'webinarStatus');
		const live = await control('POST', '/runs', { meetingId: recurring.id, occurrenceId: recurring.occurrences[0].occurrence_id, pace: { msPerMinute: 1000 } });
		assert.equal(live.status, 202);
		await new Promise((resolve) => setTimeout(resolve, 50));
		ok(await api('PUT', `/meetings/${recurring.id}/status`, { action: 'end' }), 'meetingStatus');

		ok(await api('DELETE', `/meetings/${meeting.id}/polls/${poll.id}`), 'poll delete');
		ok(await api('DELETE', `/webinars/${webinar.id}/polls/${wpoll.id}`), 'webinar poll delete');
		ok(await api('DELETE', `/meetings/${meeting.id}/registrants/${reg.registrant_id}`), 'registrant delete');
		ok(await api('DELETE', `/webinars/${webinar.id}/registrants/${wreg.registrant_id}`), 'webinar registrant delete');
		ok(await api('DELETE', `/webinars/${webinar.id}`), 'webinarDelete');
		ok(await api('DELETE', `/meetings/${meeting.id}`, undefined, { schedule_for_reminder: true, cancel_meeting_reminder: false }), 'meetingDelete');

		const log = (await control('GET', '/requests')).body.requests as Array<{ operationId?: string; status: number }>;
		const served = new Set(log.filter((r) => r.status >= 200 && r.status < 300).map((r) => r.operationId));
		const missing = Object.keys(handlers).filter((id) => !served.has(id));
		assert.deepEqual(missing, [], 'operations never answered with success');
		const violations = (await control('GET', '/violations')).body.violations;
		assert.deepEqual(violations, [], 'responses that do not match the schema');
	});

	it('refuses an invalid request to each modelled operation with 400, code 300 and the field', async () => {
		const operations = loadOperations().filter((op) => handlers[op.operationId]);
		let checked = 0;
		const unchecked: string[] = [];
		for (const op of operations) {
			const probe = invalidProbe(op);
			if (!probe) {
				unchecked.push(op.operationId);
				continue;
			}
			const url = new URL(`${zoom.running.apiBaseUrl}${probe.path}`);
			for (const [key, value] of Object.entries(probe.query)) url.searchParams.set(key, value);
			const response = await fetch(url, {
				method: op.method,
				headers: { Authorization: `Bearer ${zoom.token}`, 'Content-Type': 'application/json' },
				body: probe.body === undefined ? undefined : JSON.stringify(probe.body),
			});
			const body = (await response.json()) as { code: number; message: string; errors?: Array<{ field: string }> };
			assert.equal(response.status, 400, `${op.operationId}: ${JSON.stringify(body)}`);
			assert.equal(body.code, 300, op.operationId);
			assert.equal(body.errors?.[0].field, probe.field, `${op.operationId}: ${body.message}`);
			assert.match(body.message, new RegExp(probe.field.replace(/[.[\]]/g, '\\$&')));
			checked++;
		}
		// Operations with no constraint a request can break (only free-form string ids) are the remainder.
		assert.ok(checked >= operations.length - unchecked.length);
		for (const id of unchecked) {
			const op = operations.find((o) => o.operationId === id)!;
			const constrained = (op.operation.parameters ?? []).some(
				(p) => p.in !== 'header' && p.schema && ((p.schema.type && p.schema.type !== 'string') || p.schema.enum || p.schema.format),
			);
			assert.equal(constrained, false, `${id} has constraints but no probe`);
		}
	});
});

interface Probe {
	path: string;
	query: Record<string, string>;
	body?: unknown;
	field: string;
}

function wrongValue(schema: Record<string, any>): unknown {
	switch (schema.type) {
		case 'string':
			return schema.enum || schema.format ? 'not-a-valid-value' : 12345;
		case 'integer':
		case 'number':
			return 'not-a-number';
		case 'boolean':
			return 'not-a-boolean';
		case 'array':
			return 'not-an-array';
		default:
			return 'not-an-object';
	}
}

/** Builds a request that breaks exactly one constraint of the operation, and names that field. */
function invalidProbe(op: SpecOperation): Probe | undefined {
	const params = op.operation.parameters ?? [];
	const pathValues: Record<string, string> = {};
	let field: string | undefined;
	for (const p of params.filter((x) => x.in === 'path')) {
		const numeric = p.schema?.type === 'integer' || p.schema?.type === 'number';
		if (numeric && !field) {
			pathValues[p.name] = 'not-a-number';
			field = p.name;
		} else {
			pathValues[p.name] = numeric ? '81000000001' : 'abc';
		}
	}
	const path = op.pathTemplate.replace(/\{(\w+)\}/g, (_, name: string) => pathValues[name]);
	if (field) return { path, query: {}, body: bodyFor(op) === undefined ? undefined : {}, field };
	const constrainedQuery = params.find(
		(p) => p.in === 'query' && p.schema && (p.schema.enum || p.schema.type === 'integer' || p.schema.type === 'boolean' || p.schema.format === 'date'),
	);
	if (constrainedQuery) {
		return { path, query: { [constrainedQuery.name]: 'not-a-valid-value' }, body: bodyFor(op) === undefined ? undefined : {}, field: constrainedQuery.name };
	}
	const schema = bodyFor(op);
	if (schema) {
		const properties: Record<string, any> = {};
		for (const part of schema.allOf ?? [schema]) Object.assign(properties, part.properties ?? {});
		const [name, propertySchema] = Object.entries(properties).find(([, s]) => s.type) ?? [];
		if (name) return { path, query: {}, body: { [name]: wrongValue(propertySchema) }, field: name };
	}
	return undefined;
}

function bodyFor(op: SpecOperation): Record<string, any> | undefined {
	return op.operation.requestBody?.content?.['application/json']?.schema as Record<string, any> | undefined;
}
