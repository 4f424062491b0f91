import { zoomTime } from '../clock';
import type { ApiRequest, ApiResult, HandlerTable, Sim } from '../context';
import { ZoomError } from '../errors';
import { pagedBody } from '../pagination';
import type { Instance, ParticipantRow, Registrant, Session, SessionKind } from '../state/types';

/**
 * Past instances and reports. A meeting/webinar number means its latest finished instance; any
 * other value is an instance UUID. Participant, poll and Q&A data appear only once the report is
 * ready (`reportDelaySeconds` after the end, simulated time).
 */
function findInstance(sim: Sim, kind: SessionKind, idOrUuid: string, needReport: boolean): { session: Session; instance: Instance } {
	const label = kind === 'meeting' ? 'Meeting' : 'Webinar';
	let found: { session: Session; instance: Instance } | undefined;
	if (/^\d+$/.test(idOrUuid)) {
		const session = sim.store.sessions.get(Number(idOrUuid)) ?? sim.store.trash.get(Number(idOrUuid));
		if (session && session.kind === kind && session.instances.length > 0) {
			found = { session, instance: session.instances[session.instances.length - 1] };
		}
	}
	found ??= sim.store.instancesByUuid.get(idOrUuid);
	if (!found || found.session.kind !== kind) throw new ZoomError(404, 3001, `${label} does not exist: ${idOrUuid}.`);
	if (needReport && (found.instance.reportReadyAt ?? Infinity) > sim.clock.now()) {
		throw new ZoomError(
			404,
			3001,
			`${label} does not exist: ${idOrUuid}. The report of a ${kind} is available some time after it ends; try again after ${zoomTime(found.instance.reportReadyAt ?? sim.clock.now())}.`,
		);
	}
	return found;
}

function seconds(row: ParticipantRow): number {
	return Math.round((row.leave_time - row.join_time) / 1000);
}

function reportRow(row: ParticipantRow, withRegistrant: boolean): Record<string, unknown> {
	const out: Record<string, unknown> = {
		id: row.id,
		user_id: row.user_id,
		participant_user_id: row.participant_user_id,
		name: row.name,
		user_email: row.user_email,
		join_time: zoomTime(row.join_time),
		leave_time: zoomTime(row.leave_time),
		duration: seconds(row),
		failover: false,
		status: 'in_meeting',
		customer_key: '',
		bo_mtg_id: '',
	};
	if (withRegistrant) out.registrant_id = row.registrant_id;
	return out;
}

function pastRow(row: ParticipantRow): Record<string, unknown> {
	return {
		id: row.id,
		name: row.name,
		user_id: row.user_id,
		registrant_id: row.registrant_id,
		user_email: row.user_email,
		join_time: zoomTime(row.join_time),
		leave_time: zoomTime(row.leave_time),
		duration: seconds(row),
		failover: false,
		status: 'in_meeting',
		internal_user: false,
	};
}

function details(sim: Sim, session: Session, instance: Instance): Record<string, unknown> {
	const end = instance.end_time ?? sim.clock.now();
	const people = new Set(instance.participants.map((p) => p.id));
	const totalSeconds = instance.participants.reduce((sum, row) => sum + seconds(row), 0);
	const host = sim.store.users.get(session.hostId);
	return {
		uuid: instance.uuid,
		id: session.id,
		host_id: session.hostId,
		type: session.type,
		topic: session.topic,
		user_name: host?.display_name ?? '',
		user_email: session.hostEmail,
		start_time: zoomTime(instance.start_time),
		end_time: zoomTime(end),
		duration: Math.round((end - instance.start_time) / 60_000),
		total_minutes: Math.round(totalSeconds / 60),
		participants_count: people.size,
		dept: '',
	};
}

function pollReport(session: Session, instance: Instance, detailed: boolean): Record<string, unknown> {
	const byEmail = new Map<string, { email: string; name: string; question_details: Array<Record<string, unknown>> }>();
	for (const answer of instance.pollAnswers) {
		let entry = byEmail.get(answer.email);
		if (!entry) {
			entry = { email: answer.email, name: answer.name, question_details: [] };
			byEmail.set(answer.email, entry);
		}
		entry.question_details.push({ question: answer.question, answer: answer.answer, date_time: zoomTime(answer.date_time), polling_id: 'poll' });
	}
	const questions = [...byEmail.values()].map((entry) => {
		if (!detailed) return entry;
		const [first_name, ...rest] = entry.name.split(' ');
		return { ...entry, first_name, last_name: rest.join(' ') };
	});
	return { id: session.id, uuid: instance.uuid, start_time: zoomTime(instance.start_time), questions };
}

function qaReport(session: Session, instance: Instance, detailed: boolean): Record<string, unknown> {
	const byEmail = new Map<string, { email: string; name: string; user_id?: string; question_details: Array<Record<string, unknown>> }>();
	let n = 0;
	for (const qa of instance.qa) {
		let entry = byEmail.get(qa.email);
		if (!entry) {
			entry = { email: qa.email, name: qa.name, question_details: [] };
			if (detailed) entry.user_id = instance.participants.find((p) => p.user_email === qa.email)?.user_id ?? '';
			byEmail.set(qa.email, entry);
		}
		n++;
		entry.question_details.push(
			detailed
				? {
						question_id: `q${n}`,
						question: qa.question,
						answer: qa.answer,
						create_time: zoomTime(qa.create_time),
						question_status: qa.answer ? 'answered' : 'open',
						answer_details: qa.answer
							? [{ user_id: '', name: 'Host', email: session.hostEmail, content: qa.answer, create_time: zoomTime(qa.create_time + 60_000), type: 'host_answered_publicly' }]
							: [],
					}
				: { question: qa.question, answer: qa.answer },
		);
	}
	return { id: session.id, uuid: instance.uuid, start_time: zoomTime(instance.start_time), questions: [...byEmail.values()] };
}

function pageBody(request: ApiRequest, scope: string, rows: readonly ParticipantRow[], map: (row: ParticipantRow) => Record<string, unknown>): ApiResult {
	return { status: 200, body: pagedBody(request.sim.pager.page(scope, request.query, () => rows), 'participants', map, false) };
}

function handlersFor(kind: SessionKind): HandlerTable {
	const param = kind === 'meeting' ? 'meetingId' : 'webinarId';
	const cap = kind === 'meeting' ? 'Meeting' : 'Webinar';
	const plural = kind === 'meeting' ? 'meetings' : 'webinars';
	const table: HandlerTable = {};

	table[`report${cap}Details`] = (request) => {
		const { session, instance } = findInstance(request.sim, kind, request.params[param], true);
		return { status: 200, body: { ...details(request.sim, session, instance), custom_keys: [], tracking_fields: [] } };
	};

	table[`report${cap}Participants`] = (request) => {
		const { instance } = findInstance(request.sim, kind, request.params[param], true);
		const withRegistrant = String(request.query.include_fields ?? '').split(',').includes('registrant_id');
		return pageBody(request, `report:${instance.uuid}`, instance.participants, (row) => reportRow(row, withRegistrant));
	};

	table[`report${cap}Polls`] = (request) => {
		const { session, instance } = findInstance(request.sim, kind, request.params[param], true);
		return { status: 200, body: pollReport(session, instance, true) };
	};

	table[kind === 'meeting' ? 'reportMeetingQA' : 'reportWebinarQA'] = (request) => {
		const { session, instance } = findInstance(request.sim, kind, request.params[param], true);
		return { status: 200, body: qaReport(session, instance, true) };
	};

	table[kind === 'meeting' ? 'pastMeetings' : 'pastWebinars'] = (request) => {
		const session = request.sim.store.sessions.get(Number(request.params[param])) ?? request.sim.store.trash.get(Number(request.params[param]));
		if (!session || session.kind !== kind) throw new ZoomError(404, 3001, `${cap} does not exist: ${request.params[param]}.`);
		return {
			status: 200,
			body: { [plural]: session.instances.map((i) => ({ uuid: i.uuid, start_time: zoomTime(i.start_time) })) },
		};
	};

	table[kind === 'meeting' ? 'listPastMeetingPolls' : 'listPastWebinarPollResults'] = (request) => {
		const { session, instance } = findInstance(request.sim, kind, request.params[param], true);
		return { status: 200, body: pollReport(session, instance, false) };
	};

	table[kind === 'meeting' ? 'listPastMeetingQA' : 'listPastWebinarQA'] = (request) => {
		const { session, instance } = findInstance(request.sim, kind, request.params[param], true);
		return { status: 200, body: qaReport(session, instance, false) };
	};

	table[kind === 'meeting' ? 'pastMeetingParticipants' : 'listWebinarParticipants'] = (request) => {
		const { instance } = findInstance(request.sim, kind, request.params[param], true);
		return pageBody(request, `past:${instance.uuid}`, instance.participants, pastRow);
	};

	return table;
}

function absentees(request: ApiRequest): ApiResult {
	const { session, instance } = findInstance(request.sim, 'webinar', request.params.webinarId, true);
	const occurrenceId = (request.query.occurrence_id as string | undefined) ?? instance.occurrence_id;
	const page = request.sim.pager.page(`absentees:${instance.uuid}`, request.query, () => {
		const attended = new Set(instance.participants.map((p) => p.registrant_id).filter(Boolean));
		const out: Registrant[] = [];
		for (const registrant of session.registrants.values()) {
			if (registrant.status !== 'approved' || attended.has(registrant.id)) continue;
			if (occurrenceId && registrant.occurrenceIds.length > 0 && !registrant.occurrenceIds.includes(occurrenceId)) continue;
			out.push(registrant);
		}
		return out;
	});
	return {
		status: 200,
		body: pagedBody(page, 'registrants', (r) => ({
			id: r.id,
			email: r.email,
			first_name: r.first_name,
			last_name: r.last_name,
			...r.fields,
			custom_questions: r.custom_questions,
			status: r.status,
			create_time: r.create_time,
			join_url: r.join_url,
		})),
	};
}

function pastDetails(request: ApiRequest): ApiResult {
	const { session, instance } = findInstance(request.sim, 'meeting', request.params.meetingId, false);
	return { status: 200, body: { ...details(request.sim, session, instance), source: 'Zoom', has_meeting_summary: false } };
}

export const reportHandlers: HandlerTable = {
	...handlersFor('meeting'),
	...handlersFor('webinar'),
	webinarAbsentees: absentees,
	pastMeetingDetails: pastDetails,
};
