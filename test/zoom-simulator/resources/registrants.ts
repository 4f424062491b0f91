import type { ApiRequest, ApiResult, HandlerTable } from '../context';
import { ZoomError, invalidField } from '../errors';
import { pagedBody } from '../pagination';
import { dailyLimitError } from '../ratelimit';
import type { Registrant, RegistrantStatus, Session, SessionKind } from '../state/types';
import { zoomTime } from '../clock';
import { EVENT_PAYLOADS } from '../webhookPayloads';
import { findOccurrence, findSession, personalJoinUrl, registrationEnabled } from './sessions';

const STANDARD_FIELDS = [
	'address',
	'city',
	'state',
	'zip',
	'country',
	'phone',
	'comments',
	'industry',
	'job_title',
	'no_of_employees',
	'org',
	'purchasing_time_frame',
	'role_in_purchase_process',
	'language',
];
const BATCH_MAX = 30;
const SAME_REGISTRANT_PER_DAY = 3;

function sessionOf(request: ApiRequest, kind: SessionKind): Session {
	return findSession(request.sim, kind, kind === 'meeting' ? request.params.meetingId : request.params.webinarId);
}

function requireRegistration(session: Session): void {
	if (!registrationEnabled(session)) {
		throw new ZoomError(400, 3000, `Registration has not been enabled for this ${session.kind}: ${session.id}.`);
	}
	if (session.status === 'finished' && (session.type === 2 || session.type === 5)) {
		throw new ZoomError(400, 3038, `${session.kind === 'meeting' ? 'Meeting' : 'Webinar'} is over, you can not register now.`);
	}
}

function initialStatus(session: Session, autoApprove: boolean | undefined): RegistrantStatus {
	return session.settings.approval_type === 1 && autoApprove !== true ? 'pending' : 'approved';
}

function checkQuestions(session: Session, body: Record<string, any>): void {
	for (const question of session.questions.questions) {
		if (question.required && !body[question.field_name]) throw invalidField(question.field_name);
	}
	const answers = new Map<string, string>((body.custom_questions ?? []).map((a: { title: string; value: string }) => [a.title, a.value]));
	for (const question of session.questions.custom_questions) {
		if (question.required && !answers.get(String(question.title))) throw invalidField('custom_questions');
	}
}

/** The same person may be added to one meeting or webinar at most 3 times a day (single or batch). */
function sameRegistrantLimit(request: ApiRequest, session: Session, emails: string[]): void {
	const what = `registrant:${session.id}`;
	const store = request.sim.store;
	for (const email of emails) {
		if (store.peekDaily(what, email) >= SAME_REGISTRANT_PER_DAY) {
			throw dailyLimitError(
				store,
				request.spec.rateCategory,
				SAME_REGISTRANT_PER_DAY,
				`You have exceeded the daily rate limit (${SAME_REGISTRANT_PER_DAY}) of Add ${session.kind} registrant API requests for the registrant (${email}). You can resume these API requests at GMT 00:00:00.`,
			);
		}
	}
	for (const email of emails) store.countDaily(what, email);
}

/**
 * Adds a registrant, or returns the existing registration of that email (Zoom answers a repeated
 * add with the same registrant id and join URL; a cancelled or denied one is registered again).
 */
export function register(request: ApiRequest, session: Session, input: Record<string, any>, autoApprove?: boolean): Registrant {
	const { sim } = request;
	const key = String(input.email).toLowerCase();
	const existing = session.registrantsByEmail.get(key);
	if (existing && !existing.cancelled && existing.status !== 'denied') return existing;
	const fields: Record<string, string> = {};
	for (const name of STANDARD_FIELDS) if (input[name] !== undefined) fields[name] = String(input[name]);
	if (existing) {
		existing.cancelled = false;
		existing.status = initialStatus(session, autoApprove);
		existing.first_name = input.first_name;
		existing.last_name = input.last_name ?? '';
		existing.fields = fields;
		existing.custom_questions = input.custom_questions ?? [];
		emitRegistration(request, session, existing, 'registration_created');
		return existing;
	}
	const id = sim.store.ids.token(22);
	const registrant: Registrant = {
		id,
		email: input.email,
		first_name: input.first_name,
		last_name: input.last_name ?? '',
		fields,
		custom_questions: input.custom_questions ?? [],
		status: initialStatus(session, autoApprove),
		cancelled: false,
		create_time: zoomTime(sim.clock.now()),
		join_url: personalJoinUrl(sim, session, id),
		participant_pin_code: sim.store.ids.pin(),
		occurrenceIds: [],
	};
	session.registrants.set(id, registrant);
	session.registrantsByEmail.set(key, registrant);
	emitRegistration(request, session, registrant, 'registration_created');
	return registrant;
}

function emitRegistration(request: ApiRequest, session: Session, registrant: Registrant, what: 'registration_created' | 'registration_cancelled'): void {
	if (request.sim.webhooks.endpoints.size === 0) return;
	const event = `${session.kind}.${what}` as const;
	request.sim.emit(event, EVENT_PAYLOADS[event](request.sim, session, registrant, what, { email: request.user.email, id: request.user.id }));
}

export function listedRegistrant(registrant: Registrant): Record<string, unknown> {
	return {
		id: registrant.id,
		email: registrant.email,
		first_name: registrant.first_name,
		last_name: registrant.last_name,
		...registrant.fields,
		custom_questions: registrant.custom_questions,
		status: registrant.status,
		create_time: registrant.create_time,
		join_url: registrant.join_url,
		participant_pin_code: registrant.participant_pin_code,
	};
}

function findRegistrant(session: Session, registrantId: string): Registrant {
	const registrant = session.registrants.get(registrantId);
	if (!registrant) throw new ZoomError(404, 3079, `This registrant does not exist: ${registrantId}.`);
	return registrant;
}

function handlersFor(kind: SessionKind): HandlerTable {
	const prefix = kind === 'meeting' ? 'meeting' : 'webinar';
	const table: HandlerTable = {};

	table[`${prefix}RegistrantCreate`] = (request): ApiResult => {
		const session = sessionOf(request, kind);
		requireRegistration(session);
		checkQuestions(session, request.body);
		const occurrenceIds = String(request.query.occurrence_ids ?? '')
			.split(',')
			.filter(Boolean);
		for (const id of occurrenceIds) findOccurrence(session, id);
		sameRegistrantLimit(request, session, [String(request.body.email).toLowerCase()]);
		const registrant = register(request, session, request.body, request.body.auto_approve);
		if (occurrenceIds.length > 0) registrant.occurrenceIds = [...new Set([...registrant.occurrenceIds, ...occurrenceIds])];
		const occurrences = session.occurrences.filter(
			(o) => o.status === 'available' && (registrant.occurrenceIds.length === 0 || registrant.occurrenceIds.includes(o.occurrence_id)),
		);
		const body: Record<string, unknown> = {
			id: session.id,
			join_url: registrant.join_url,
			registrant_id: registrant.id,
			topic: session.topic,
			participant_pin_code: registrant.participant_pin_code,
		};
		if (session.start_time) body.start_time = session.start_time;
		if (occurrences.length > 0) body.occurrences = occurrences;
		return { status: 201, body };
	};

	table[kind === 'meeting' ? 'addBatchRegistrants' : 'addBatchWebinarRegistrants'] = (request): ApiResult => {
		const session = sessionOf(request, kind);
		const single = kind === 'meeting' ? 2 : 5;
		if (session.type !== single) {
			throw new ZoomError(
				400,
				kind === 'meeting' ? 303 : 300,
				kind === 'meeting'
					? 'This API can only be used for scheduled meeting(meeting type: 2). Batch registration is not supported for other meeting types.'
					: 'This API can only be used for scheduled webinars (type 5). Batch registration is not supported for other webinar types.',
			);
		}
		if (!registrationEnabled(session)) {
			throw new ZoomError(400, kind === 'meeting' ? 404 : 3000, `Registration has not been enabled for this ${kind}: ${session.id}.`);
		}
		requireRegistration(session);
		const registrants = (request.body.registrants ?? []) as Array<Record<string, string>>;
		if (registrants.length > BATCH_MAX) {
			throw new ZoomError(400, 300, `Validation Failed. Invalid field: registrants.`, [
				{ field: 'registrants', message: `At most ${BATCH_MAX} registrants can be added per request.` },
			]);
		}
		sameRegistrantLimit(
			request,
			session,
			registrants.map((r) => r.email.toLowerCase()),
		);
		const added = registrants.map((input) => register(request, session, input, request.body.auto_approve));
		return {
			status: 201,
			body: {
				registrants: added.map((r) => ({
					email: r.email,
					join_url: r.join_url,
					registrant_id: r.id,
					participant_pin_code: r.participant_pin_code,
				})),
			},
		};
	};

	table[`${prefix}Registrants`] = (request): ApiResult => {
		const session = sessionOf(request, kind);
		const status = String(request.query.status ?? 'approved');
		const occurrenceId = request.query.occurrence_id as string | undefined;
		if (occurrenceId) findOccurrence(session, occurrenceId);
		const page = request.sim.pager.page(`registrants:${session.id}:${status}:${occurrenceId ?? ''}`, request.query, () => {
			const out: Registrant[] = [];
			for (const registrant of session.registrants.values()) {
				if (registrant.status !== status) continue;
				if (occurrenceId && registrant.occurrenceIds.length > 0 && !registrant.occurrenceIds.includes(occurrenceId)) continue;
				out.push(registrant);
			}
			return out;
		});
		return { status: 200, body: pagedBody(page, 'registrants', listedRegistrant) };
	};

	table[kind === 'meeting' ? 'meetingRegistrantGet' : 'webinarRegistrantGet'] = (request): ApiResult => {
		const session = sessionOf(request, kind);
		return { status: 200, body: listedRegistrant(findRegistrant(session, request.params.registrantId)) };
	};

	table[kind === 'meeting' ? 'meetingregistrantdelete' : 'deleteWebinarRegistrant'] = (request): ApiResult => {
		const session = sessionOf(request, kind);
		const registrant = session.registrants.get(request.params.registrantId);
		if (!registrant) throw new ZoomError(400, 3000, `Registrant ${request.params.registrantId} was not found.`);
		session.registrants.delete(registrant.id);
		session.registrantsByEmail.delete(registrant.email.toLowerCase());
		emitRegistration(request, session, registrant, 'registration_cancelled');
		return { status: 204 };
	};

	table[`${prefix}RegistrantStatus`] = (request): ApiResult => {
		const session = sessionOf(request, kind);
		const action = request.body.action as 'approve' | 'deny' | 'cancel';
		const targets = request.body.registrants as Array<{ id?: string; email?: string }> | undefined;
		if (targets && targets.length > BATCH_MAX) {
			throw new ZoomError(400, 300, 'Validation Failed. Invalid field: registrants.', [
				{ field: 'registrants', message: `At most ${BATCH_MAX} registrants per request.` },
			]);
		}
		const chosen = targets
			? targets
					.map((t) => (t.id ? session.registrants.get(t.id) : session.registrantsByEmail.get(String(t.email).toLowerCase())))
					.filter((r): r is Registrant => r !== undefined)
			: [...session.registrants.values()];
		for (const registrant of chosen) {
			if (action === 'approve') {
				registrant.status = 'approved';
				registrant.cancelled = false;
			} else if (action === 'deny') {
				registrant.status = 'denied';
			} else if (registrant.status === 'approved' || registrant.status === 'pending') {
				registrant.status = 'denied';
				registrant.cancelled = true;
				emitRegistration(request, session, registrant, 'registration_cancelled');
			}
		}
		return { status: 204 };
	};

	table[`${prefix}RegistrantsQuestionsGet`] = (request): ApiResult => {
		const session = sessionOf(request, kind);
		return { status: 200, body: session.questions };
	};

	table[`${prefix}RegistrantQuestionUpdate`] = (request): ApiResult => {
		const session = sessionOf(request, kind);
		if (request.body.questions !== undefined) session.questions.questions = request.body.questions;
		if (request.body.custom_questions !== undefined) session.questions.custom_questions = request.body.custom_questions;
		return { status: 204 };
	};

	return table;
}

export const registrantHandlers: HandlerTable = { ...handlersFor('meeting'), ...handlersFor('webinar') };
