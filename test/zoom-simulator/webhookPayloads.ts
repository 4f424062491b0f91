import type { ZoomEventName } from '../../nodes/ZoomTicketingTrigger/events';
import { zoomTime } from './clock';
import type { Sim } from './context';
import type { Instance, ParticipantRow, Recording, Registrant, Session } from './state/types';

/**
 * Payloads shaped exactly as Zoom's webhook schemas (webhooks/workplace/Meetings.json) allow:
 * most events forbid extra keys, `object.id` is a string in meeting/webinar lifecycle and
 * participant events but a number in registration and recording events.
 */

function sessionObject(session: Session, instance: Instance): Record<string, unknown> {
	return {
		id: String(session.id),
		uuid: instance.uuid,
		host_id: session.hostId,
		topic: session.topic,
		type: session.type,
		start_time: zoomTime(instance.start_time),
		timezone: session.timezone,
		duration: session.duration,
	};
}

export function startedPayload(sim: Sim, session: Session, instance: Instance): Record<string, unknown> {
	return { account_id: sim.identity.accountId, object: sessionObject(session, instance) };
}

export function endedPayload(sim: Sim, session: Session, instance: Instance, practiceSession = false): Record<string, unknown> {
	const object: Record<string, unknown> = { ...sessionObject(session, instance), end_time: zoomTime(instance.end_time ?? sim.clock.now()) };
	if (session.kind === 'webinar') object.practice_session = practiceSession;
	return { account_id: sim.identity.accountId, object };
}

function participantCommon(row: ParticipantRow): Record<string, unknown> {
	const participant: Record<string, unknown> = {
		user_id: row.user_id,
		user_name: row.name,
		id: row.participant_user_id,
		participant_uuid: row.id,
		email: row.user_email,
		participant_user_id: row.participant_user_id,
		customer_key: '',
	};
	if (row.registrant_id) participant.registrant_id = row.registrant_id;
	return participant;
}

export function joinedPayload(sim: Sim, session: Session, instance: Instance, row: ParticipantRow): Record<string, unknown> {
	return {
		account_id: sim.identity.accountId,
		object: { ...sessionObject(session, instance), participant: { ...participantCommon(row), join_time: zoomTime(row.join_time) } },
	};
}

export function leftPayload(sim: Sim, session: Session, instance: Instance, row: ParticipantRow, reason: string): Record<string, unknown> {
	return {
		account_id: sim.identity.accountId,
		object: {
			...sessionObject(session, instance),
			participant: { ...participantCommon(row), leave_time: zoomTime(row.leave_time), leave_reason: reason },
		},
	};
}

export function registrationPayload(
	sim: Sim,
	session: Session,
	registrant: Registrant,
	what: 'registration_created' | 'registration_cancelled',
	operator: { email: string; id: string },
): Record<string, unknown> {
	const object: Record<string, unknown> = {
		uuid: session.uuid,
		id: session.id,
		host_id: session.hostId,
		topic: session.topic,
		type: session.type,
		start_time: session.start_time ?? zoomTime(sim.clock.now()),
		duration: session.duration,
		timezone: session.timezone,
	};
	const occurrences = session.occurrences.filter((o) => o.status === 'available');
	if (occurrences.length > 0) object.occurrences = occurrences.map((o) => ({ occurrence_id: o.occurrence_id, start_time: o.start_time }));
	const base = { id: registrant.id, first_name: registrant.first_name, last_name: registrant.last_name, email: registrant.email };
	if (what === 'registration_cancelled') {
		object.registrant = base;
		return { account_id: sim.identity.accountId, operator: operator.email, operator_id: operator.id, object };
	}
	const registrantObject: Record<string, unknown> = {
		...base,
		...registrant.fields,
		custom_questions: registrant.custom_questions,
		status: registrant.status,
		join_url: registrant.join_url,
	};
	delete registrantObject.language;
	if (session.kind === 'meeting') registrantObject.participant_pin_code = registrant.participant_pin_code;
	object.registrant = registrantObject;
	return { account_id: sim.identity.accountId, object };
}

/**
 * `recording.completed` carries the media files; the transcript follows later in
 * `recording.transcript_completed`, as on Zoom.
 */
export function recordingPayload(
	sim: Sim,
	recording: Recording,
	serialized: Record<string, unknown>,
	which: 'completed' | 'transcript_completed',
): Record<string, unknown> | undefined {
	const files = (serialized.recording_files as Array<Record<string, unknown>>)
		.filter((file) => (file.file_type === 'TRANSCRIPT') === (which === 'transcript_completed'))
		.map((file) => ({
			id: file.id,
			meeting_id: file.meeting_id,
			recording_start: file.recording_start,
			recording_end: file.recording_end,
			file_type: file.file_type,
			file_size: file.file_size,
			file_extension: file.file_extension,
			play_url: file.play_url,
			download_url: file.download_url,
			status: file.status,
			recording_type: file.recording_type,
		}));
	if (files.length === 0) return undefined;
	const object: Record<string, unknown> = {
		id: recording.sessionId,
		uuid: recording.uuid,
		host_id: recording.hostId,
		account_id: sim.identity.accountId,
		topic: recording.topic,
		type: Number(serialized.type),
		start_time: zoomTime(recording.start_time),
		password: recording.password,
		timezone: serialized.timezone,
		host_email: serialized.host_email,
		duration: recording.duration,
		share_url: serialized.share_url,
		total_size: files.reduce((sum, file) => sum + Number(file.file_size), 0),
		recording_count: files.length,
		recording_files: files,
	};
	if (which === 'completed') {
		object.on_prem = false;
		object.recording_play_passcode = serialized.recording_play_passcode;
	}
	return { account_id: sim.identity.accountId, object };
}

type PayloadBuilder = (sim: Sim, ...details: never[]) => Record<string, unknown> | undefined;

/**
 * The builder of each event the trigger supports (its list: nodes/ZoomTicketingTrigger/events.ts);
 * the simulator emits events through this table, so a new event there needs its payload here.
 */
export const EVENT_PAYLOADS = {
	'meeting.started': startedPayload,
	'webinar.started': startedPayload,
	'meeting.ended': endedPayload,
	'webinar.ended': endedPayload,
	'meeting.participant_joined': joinedPayload,
	'webinar.participant_joined': joinedPayload,
	'meeting.participant_left': leftPayload,
	'webinar.participant_left': leftPayload,
	'meeting.registration_created': registrationPayload,
	'webinar.registration_created': registrationPayload,
	'meeting.registration_cancelled': registrationPayload,
	'webinar.registration_cancelled': registrationPayload,
	'recording.completed': recordingPayload,
	'recording.transcript_completed': recordingPayload,
} as const satisfies Record<ZoomEventName, PayloadBuilder>;
