export type SessionKind = 'meeting' | 'webinar';
export type RegistrantStatus = 'approved' | 'pending' | 'denied';

export interface User {
	id: string;
	email: string;
	first_name: string;
	last_name: string;
	display_name: string;
	type: number;
	pmi: number;
	timezone: string;
	account_id: string;
	created_at: string;
	role_name: string;
	status: 'active';
	language: string;
	verified: number;
	personal_meeting_url: string;
}

export interface Registrant {
	id: string;
	email: string;
	first_name: string;
	last_name: string;
	fields: Record<string, string>;
	custom_questions: Array<{ title: string; value: string }>;
	status: RegistrantStatus;
	/** Set when the host cancelled the registration; Zoom then lists it among denied registrants. */
	cancelled: boolean;
	create_time: string;
	join_url: string;
	participant_pin_code: number;
	occurrenceIds: string[];
}

export interface Occurrence {
	occurrence_id: string;
	start_time: string;
	duration: number;
	status: 'available' | 'deleted';
}

export interface Recurrence {
	type: 1 | 2 | 3;
	repeat_interval?: number;
	weekly_days?: string;
	monthly_day?: number;
	monthly_week?: number;
	monthly_week_day?: number;
	end_times?: number;
	end_date_time?: string;
}

export interface Poll {
	id: string;
	title: string;
	poll_type: number;
	anonymous: boolean;
	status: 'notstart' | 'started' | 'ended' | 'sharing';
	questions: Array<Record<string, unknown>>;
}

export interface Panelist {
	id: string;
	email: string;
	name: string;
	join_url: string;
	fields: Record<string, unknown>;
}

export interface ParticipantRow {
	/** Zoom's participant UUID for this join session. */
	id: string;
	user_id: string;
	participant_user_id: string;
	name: string;
	user_email: string;
	join_time: number;
	leave_time: number;
	registrant_id: string;
	guest: boolean;
}

export interface PollAnswer {
	name: string;
	email: string;
	question: string;
	answer: string;
	date_time: number;
}

export interface QaEntry {
	name: string;
	email: string;
	question: string;
	answer: string;
	create_time: number;
}

export interface Instance {
	uuid: string;
	occurrence_id?: string;
	start_time: number;
	end_time?: number;
	participants: ParticipantRow[];
	reportReadyAt?: number;
	pollAnswers: PollAnswer[];
	qa: QaEntry[];
}

export interface Session {
	kind: SessionKind;
	id: number;
	uuid: string;
	hostId: string;
	hostEmail: string;
	type: number;
	topic: string;
	agenda: string;
	start_time?: string;
	duration: number;
	timezone: string;
	password: string;
	created_at: string;
	settings: Record<string, unknown>;
	recurrence?: Recurrence;
	occurrences: Occurrence[];
	status: 'waiting' | 'started' | 'finished';
	registrants: Map<string, Registrant>;
	registrantsByEmail: Map<string, Registrant>;
	questions: { questions: Array<{ field_name: string; required: boolean }>; custom_questions: Array<Record<string, unknown>> };
	polls: Map<string, Poll>;
	panelists: Map<string, Panelist>;
	instances: Instance[];
	live?: Instance;
	extra: Record<string, unknown>;
}

export interface RecordingFile {
	id: string;
	file_type: string;
	file_extension: string;
	recording_type: string;
	file_size: number;
	recording_start: number;
	recording_end: number;
	status: 'completed';
	deleted_time?: number;
}

export interface Recording {
	uuid: string;
	sessionId: number;
	kind: SessionKind;
	hostId: string;
	topic: string;
	start_time: number;
	duration: number;
	password: string;
	files: RecordingFile[];
	trashed_at?: number;
	settings: Record<string, unknown>;
}
