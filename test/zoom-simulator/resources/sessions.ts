import { createHash } from 'node:crypto';

import type { ApiRequest, Sim } from '../context';
import { ZoomError, invalidField, notFound } from '../errors';
import { spendDaily } from '../ratelimit';
import { checkRecurrence, expandOccurrences } from '../recurrence';
import type { Occurrence, Recurrence, Session, SessionKind, User } from '../state/types';
import { isTimeZone, parseStartTime } from '../timezones';
import { zoomTime } from '../clock';

export const DIAL_IN_NUMBERS = [
	{ country: 'US', country_name: 'US', city: 'New York', number: '+1 6465588656', type: 'toll' },
	{ country: 'US', country_name: 'US', city: 'San Jose', number: '+1 6699009128', type: 'toll' },
	{ country: 'US_TF', country_name: 'US', number: '+1 8778535247', type: 'tollfree' },
];

const MEETING_SETTINGS = {
	host_video: false,
	participant_video: false,
	cn_meeting: false,
	in_meeting: false,
	join_before_host: false,
	jbh_time: 0,
	mute_upon_entry: false,
	watermark: false,
	use_pmi: false,
	approval_type: 2,
	registration_type: 1,
	audio: 'both',
	auto_recording: 'none',
	enforce_login: false,
	enforce_login_domains: '',
	alternative_hosts: '',
	alternative_hosts_email_notification: true,
	close_registration: false,
	show_share_button: false,
	allow_multiple_devices: false,
	registrants_confirmation_email: true,
	registrants_email_notification: true,
	waiting_room: false,
	meeting_authentication: false,
	email_notification: true,
	encryption_type: 'enhanced_encryption',
	approved_or_denied_countries_or_regions: { enable: false },
	breakout_room: { enable: false },
	language_interpretation: { enable: false },
	sign_language_interpretation: { enable: false },
	internal_meeting: false,
	continuous_meeting_chat: { enable: false },
	participant_focused_meeting: false,
	push_change_to_calendar: false,
	focus_mode: false,
	private_meeting: false,
	host_save_video_order: false,
	device_testing: false,
	email_in_attendee_report: false,
	request_permission_to_unmute_participants: false,
};

const WEBINAR_SETTINGS = {
	host_video: false,
	panelists_video: false,
	practice_session: false,
	hd_video: false,
	hd_video_for_attendees: false,
	send_1080p_video_to_attendees: false,
	approval_type: 2,
	registration_type: 1,
	audio: 'both',
	auto_recording: 'none',
	enforce_login: false,
	enforce_login_domains: '',
	alternative_hosts: '',
	alternative_host_update_polls: false,
	close_registration: false,
	show_share_button: false,
	allow_multiple_devices: false,
	on_demand: false,
	post_webinar_survey: false,
	survey_url: '',
	registrants_confirmation_email: true,
	registrants_email_notification: true,
	registrants_restrict_number: 0,
	notify_registrants: true,
	meeting_authentication: false,
	contact_name: '',
	contact_email: '',
	email_language: 'en-US',
	panelists_invitation_email_notification: true,
	question_and_answer: {
		enable: true,
		allow_submit_questions: true,
		allow_anonymous_questions: true,
		answer_questions: 'all',
		attendees_can_comment: true,
		attendees_can_upvote: true,
		allow_auto_reply: false,
	},
	attendees_and_panelists_reminder_email_notification: { enable: true, type: 0 },
	follow_up_attendees_email_notification: { enable: false, type: 0 },
	follow_up_absentees_email_notification: { enable: false, type: 0 },
	language_interpretation: { enable: false },
	sign_language_interpretation: { enable: false },
	add_watermark: false,
	add_audio_watermark: false,
	email_in_attendee_report: false,
};

export const SESSION_TYPES: Record<SessionKind, number[]> = { meeting: [1, 2, 3, 8, 10], webinar: [5, 6, 9] };
const RECURRING_FIXED = new Set([8, 9]);
const RECURRING = new Set([3, 6, 8, 9]);

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function deepMerge(target: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = { ...target };
	for (const [key, value] of Object.entries(patch)) {
		out[key] = isPlainObject(value) && isPlainObject(out[key]) ? deepMerge(out[key] as Record<string, unknown>, value) : value;
	}
	return out;
}

function label(kind: SessionKind): string {
	return kind === 'meeting' ? 'Meeting' : 'Webinar';
}

export function sessionNotFound(kind: SessionKind, id: string | number): ZoomError {
	return notFound(3001, `${label(kind)} does not exist: ${id}.`);
}

/** Finds a meeting or webinar by its number (a past instance UUID is accepted where Zoom does). */
export function findSession(sim: Sim, kind: SessionKind, id: string | number): Session {
	const session = sim.store.sessions.get(Number(id));
	if (!session || session.kind !== kind) throw sessionNotFound(kind, id);
	return session;
}

const PASSCODE = /^[A-Za-z0-9@_*-]{1,10}$/;

function newPasscode(): string {
	return String(100000 + Math.floor(Math.random() * 900000));
}

export function encryptedPasscode(session: Session): string {
	return createHash('sha256').update(`${session.id}:${session.password}`).digest('base64url').slice(0, 32);
}

function numericPasscode(session: Session): string {
	const digest = createHash('sha1').update(session.password).digest();
	return String(digest.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}

const SCHEDULE_FIELDS = ['type', 'start_time', 'duration', 'timezone', 'recurrence'];

/** Applies schedule fields; occurrences are generated again only when one of them changed. */
function applySchedule(session: Session, body: Record<string, any>, now: number, creating: boolean): void {
	if (!creating && !SCHEDULE_FIELDS.some((field) => body[field] !== undefined)) return;
	if (body.timezone !== undefined) {
		if (!isTimeZone(body.timezone)) throw invalidField('timezone');
		session.timezone = body.timezone;
	}
	if (body.start_time !== undefined) session.start_time = zoomTime(parseStartTime(body.start_time, session.timezone));
	if (body.duration !== undefined) session.duration = body.duration;
	if (body.recurrence !== undefined) {
		checkRecurrence(body.recurrence as Recurrence);
		session.recurrence = body.recurrence as Recurrence;
	}
	if (RECURRING_FIXED.has(session.type) && !session.recurrence) throw invalidField('recurrence');
	if (!RECURRING.has(session.type)) session.recurrence = undefined;
	if (session.type === 3 || session.type === 6) {
		session.start_time = undefined;
		session.occurrences = [];
	} else if (!session.start_time) {
		session.start_time = zoomTime(now);
	}
	if (RECURRING_FIXED.has(session.type) && session.recurrence) {
		session.occurrences = expandOccurrences(session.recurrence, Date.parse(session.start_time!), session.duration, session.timezone);
	} else if (!RECURRING.has(session.type)) {
		session.occurrences = [];
	}
}

function dailyLimitMessage(kind: SessionKind, userId: string): string {
	return `You have exceeded the daily rate limit of (100) for Create/Update ${kind} API requests for the user, ${userId}. You can resume these API requests at GMT 00:00:00.`;
}

export function spendSessionWrite(request: ApiRequest, kind: SessionKind, hostId: string): void {
	spendDaily(request.sim.store, request.spec.rateCategory, `${kind}Write`, hostId, 100, dailyLimitMessage(kind, hostId));
}

/** `countDaily: false` is for seeding through the control API, which Zoom's daily limit does not see. */
export function createSession(request: ApiRequest, kind: SessionKind, host: User, countDaily = true): Session {
	const { sim, body } = request;
	const type = body.type ?? (kind === 'meeting' ? 2 : 5);
	if (!SESSION_TYPES[kind].includes(type)) throw invalidField('type');
	if (body.password !== undefined && !PASSCODE.test(body.password)) throw invalidField('password');
	if (countDaily) spendSessionWrite(request, kind, host.id);
	const now = sim.clock.now();
	const session: Session = {
		kind,
		id: sim.store.ids.meetingNumber(),
		uuid: sim.store.ids.uuid(),
		hostId: host.id,
		hostEmail: host.email,
		type,
		topic: body.topic ?? `${host.display_name}'s Zoom ${label(kind)}`,
		agenda: body.agenda ?? '',
		duration: body.duration ?? 60,
		timezone: host.timezone,
		password: body.password ?? newPasscode(),
		created_at: zoomTime(now),
		settings: deepMerge(kind === 'meeting' ? MEETING_SETTINGS : WEBINAR_SETTINGS, body.settings ?? {}),
		occurrences: [],
		status: 'waiting',
		registrants: new Map(),
		registrantsByEmail: new Map(),
		questions: { questions: [], custom_questions: [] },
		polls: new Map(),
		panelists: new Map(),
		instances: [],
		extra: {},
	};
	if (type === 1) body.start_time = undefined;
	applySchedule(session, { timezone: body.timezone, start_time: body.start_time, recurrence: body.recurrence }, now, true);
	if (body.pre_schedule !== undefined) session.extra.pre_schedule = body.pre_schedule;
	sim.store.sessions.set(session.id, session);
	return session;
}

export function updateSession(request: ApiRequest, session: Session): void {
	const { sim, body, query } = request;
	if (body.type !== undefined && !SESSION_TYPES[session.kind].includes(body.type)) throw invalidField('type');
	if (body.password !== undefined && !PASSCODE.test(body.password)) throw invalidField('password');
	const occurrenceId = query.occurrence_id as string | undefined;
	if (occurrenceId !== undefined) {
		const occurrence = findOccurrence(session, occurrenceId);
		spendSessionWrite(request, session.kind, session.hostId);
		if (body.start_time !== undefined) {
			const ms = parseStartTime(body.start_time, session.timezone);
			occurrence.start_time = zoomTime(ms);
		}
		if (body.duration !== undefined) occurrence.duration = body.duration;
		return;
	}
	spendSessionWrite(request, session.kind, session.hostId);
	if (body.type !== undefined) session.type = body.type;
	if (body.topic !== undefined) session.topic = body.topic;
	if (body.agenda !== undefined) session.agenda = body.agenda;
	if (body.password !== undefined) session.password = body.password;
	if (body.settings !== undefined) session.settings = deepMerge(session.settings, body.settings);
	if (body.pre_schedule !== undefined) session.extra.pre_schedule = body.pre_schedule;
	applySchedule(session, body, sim.clock.now(), false);
}

/** DELETE of a meeting or webinar: one occurrence (`occurrence_id`), else the whole session to the trash. */
export function deleteSession(request: ApiRequest, session: Session): void {
	const occurrenceId = request.query.occurrence_id as string | undefined;
	if (occurrenceId !== undefined) {
		findOccurrence(session, occurrenceId).status = 'deleted';
	} else {
		request.sim.store.sessions.delete(session.id);
		request.sim.store.trash.set(session.id, session);
	}
}

export function findOccurrence(session: Session, occurrenceId: string): Occurrence {
	const occurrence = session.occurrences.find((o) => o.occurrence_id === occurrenceId && o.status === 'available');
	if (!occurrence) throw new ZoomError(400, 300, `Invalid parameter: occurrence_id.`, [{ field: 'occurrence_id', message: 'Invalid field.' }]);
	return occurrence;
}

export function registrationEnabled(session: Session): boolean {
	return session.settings.approval_type !== 2 && [2, 5, 8, 9].includes(session.type);
}

// Zoom's link formats: a meeting joins at /j/, a webinar at /w/; a registrant's or panelist's own
// link adds its token (tk) so Zoom knows who is joining.
function joinPath(sim: Sim, session: Session): string {
	return `${sim.joinDomain}/${session.kind === 'webinar' ? 'w' : 'j'}/${session.id}`;
}

export function joinUrl(sim: Sim, session: Session): string {
	return `${joinPath(sim, session)}?pwd=${encryptedPasscode(session)}`;
}

export function personalJoinUrl(sim: Sim, session: Session, token: string): string {
	return `${joinPath(sim, session)}?tk=${token}&pwd=${encryptedPasscode(session)}`;
}

/** The meeting or webinar object Zoom returns from create and get. */
export function serializeSession(sim: Sim, session: Session, occurrenceId?: string): Record<string, unknown> {
	const visible = session.occurrences.filter((o) => o.status === 'available');
	const occurrence = occurrenceId ? findOccurrence(session, occurrenceId) : undefined;
	const out: Record<string, unknown> = {
		uuid: session.uuid,
		id: session.id,
		host_id: session.hostId,
		host_email: session.hostEmail,
		topic: session.topic,
		type: session.type,
		agenda: session.agenda,
		created_at: session.created_at,
		duration: occurrence?.duration ?? session.duration,
		timezone: session.timezone,
		start_url: `${sim.joinDomain}/s/${session.id}?zak=${encryptedPasscode(session)}`,
		join_url: joinUrl(sim, session),
		password: session.password,
		settings: { ...session.settings, global_dial_in_countries: ['US'], global_dial_in_numbers: DIAL_IN_NUMBERS },
	};
	if (session.kind === 'meeting') {
		out.h323_password = numericPasscode(session);
		out.pstn_password = numericPasscode(session);
		out.encrypted_password = encryptedPasscode(session);
		out.pre_schedule = session.extra.pre_schedule === true;
		out.status = session.status === 'started' ? 'started' : 'waiting';
	} else {
		out.h323_passcode = numericPasscode(session);
		out.encrypted_passcode = encryptedPasscode(session);
		out.creation_source = 'open_api';
		out.is_simulive = false;
	}
	const start = occurrence?.start_time ?? session.start_time;
	if (start) out.start_time = start;
	if (session.recurrence) out.recurrence = session.recurrence;
	if (visible.length > 0 && !occurrence) out.occurrences = visible;
	if (registrationEnabled(session)) {
		out.registration_url = `${sim.joinDomain}/${session.kind === 'meeting' ? 'meeting' : 'webinar'}/register/${encryptedPasscode(session).slice(0, 22)}`;
	}
	return out;
}

/** The shorter object Zoom puts in list responses. */
export function listItem(sim: Sim, session: Session): Record<string, unknown> {
	const item: Record<string, unknown> = {
		uuid: session.uuid,
		id: session.id,
		host_id: session.hostId,
		topic: session.topic,
		type: session.type,
		duration: session.duration,
		timezone: session.timezone,
		agenda: session.agenda,
		created_at: session.created_at,
		join_url: joinUrl(sim, session),
	};
	if (session.start_time) item.start_time = session.start_time;
	return item;
}

export function nextStart(session: Session): number | undefined {
	const available = session.occurrences.filter((o) => o.status === 'available');
	if (available.length > 0) return Date.parse(available[available.length - 1].start_time);
	return session.start_time ? Date.parse(session.start_time) : undefined;
}
