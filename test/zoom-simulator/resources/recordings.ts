import { createHmac } from 'node:crypto';

import { zoomTime } from '../clock';
import type { ApiRequest, HandlerTable, Sim } from '../context';
import { ZoomError, invalidField, notFound } from '../errors';
import { pagedBody } from '../pagination';
import type { Recording, RecordingFile, Session } from '../state/types';
import { findUserOrThrow } from './users';

const MONTH_MS = 31 * 86_400_000;
const DOWNLOAD_TOKEN_TTL_MS = 24 * 3600 * 1000;

export interface RecordingFileSpec {
	file_type?: string;
	recording_type?: string;
	file_size?: number;
}

const EXTENSIONS: Record<string, string> = { MP4: 'MP4', M4A: 'M4A', TRANSCRIPT: 'VTT', CHAT: 'TXT', CC: 'VTT', CSV: 'CSV', TIMELINE: 'JSON' };
const DEFAULT_FILES: RecordingFileSpec[] = [
	{ file_type: 'MP4', recording_type: 'shared_screen_with_speaker_view', file_size: 4 * 1024 * 1024 },
	{ file_type: 'M4A', recording_type: 'audio_only', file_size: 1024 * 1024 },
	{ file_type: 'TRANSCRIPT', recording_type: 'audio_transcript', file_size: 16 * 1024 },
];

/** Stores the cloud recording of a finished meeting or webinar instance. */
export function produceRecording(sim: Sim, session: Session, uuid: string, startMs: number, endMs: number, specs = DEFAULT_FILES): Recording {
	// Zoom's recording passcodes are at least 8 characters, unlike meeting passcodes.
	const passcode = `${session.password}${sim.store.ids.token(8)}`.slice(0, 10);
	const recording: Recording = {
		uuid,
		sessionId: session.id,
		kind: session.kind,
		hostId: session.hostId,
		topic: session.topic,
		start_time: startMs,
		duration: Math.max(1, Math.round((endMs - startMs) / 60_000)),
		password: passcode,
		files: specs.map((spec) => ({
			id: sim.store.ids.token(36),
			file_type: spec.file_type ?? 'MP4',
			file_extension: EXTENSIONS[spec.file_type ?? 'MP4'] ?? 'MP4',
			recording_type: spec.recording_type ?? (spec.file_type === 'M4A' ? 'audio_only' : 'shared_screen_with_speaker_view'),
			file_size: spec.file_size ?? 1024 * 1024,
			recording_start: startMs,
			recording_end: endMs,
			status: 'completed',
		})),
		settings: {
			share_recording: 'publicly',
			recording_authentication: false,
			authentication_option: '',
			authentication_domains: '',
			viewer_download: true,
			password: passcode,
			on_demand: false,
			approval_type: 2,
			send_email_to_host: true,
			show_social_share_buttons: true,
			topic: session.topic,
			auto_delete: false,
		},
	};
	sim.store.recordings.set(uuid, recording);
	for (const file of recording.files) sim.store.recordingFiles.set(file.id, { recording, file });
	return recording;
}

/** A token, as in `recording.completed`, that lets anyone download the recording's files for 24 hours. */
export function issueDownloadToken(sim: Sim, recording: Recording, ttlMs = DOWNLOAD_TOKEN_TTL_MS): string {
	const token = `dl.${sim.store.ids.token(48)}`;
	sim.store.downloadTokens.set(token, { recordingUuid: recording.uuid, expiresAt: sim.clock.now() + ttlMs });
	return token;
}

export function fileUrls(sim: Sim, file: RecordingFile): { play_url: string; download_url: string } {
	return { play_url: `${sim.baseUrl}/rec/play/${file.id}`, download_url: `${sim.baseUrl}/rec/download/${file.id}` };
}

export function shareUrl(sim: Sim, recording: Recording): string {
	const slug = createHmac('sha256', 'share').update(recording.uuid).digest('base64url').slice(0, 32);
	return `${sim.joinDomain}/rec/share/${slug}`;
}

function playPasscode(recording: Recording): string {
	return createHmac('sha256', 'play').update(recording.uuid + String(recording.settings.password)).digest('base64url').slice(0, 32);
}

export function serializeRecording(sim: Sim, recording: Recording, trash: boolean): Record<string, unknown> {
	const session = sim.store.sessions.get(recording.sessionId) ?? sim.store.trash.get(recording.sessionId);
	const files = recording.files.filter((f) => (trash ? f.deleted_time !== undefined || recording.trashed_at !== undefined : f.deleted_time === undefined));
	return {
		uuid: recording.uuid,
		id: recording.sessionId,
		account_id: sim.identity.accountId,
		host_id: recording.hostId,
		host_email: session?.hostEmail ?? sim.identity.hostEmail,
		topic: recording.topic,
		type: String(session?.type ?? (recording.kind === 'meeting' ? 2 : 5)),
		timezone: session?.timezone ?? 'UTC',
		start_time: zoomTime(recording.start_time),
		duration: recording.duration,
		total_size: files.reduce((sum, f) => sum + f.file_size, 0),
		recording_count: files.length,
		...(sim.recordingShareUrl ? { share_url: shareUrl(sim, recording) } : {}),
		password: String(recording.settings.password ?? ''),
		recording_play_passcode: playPasscode(recording),
		recording_files: files.map((file) => {
			const out: Record<string, unknown> = {
				id: file.id,
				meeting_id: recording.uuid,
				recording_start: zoomTime(file.recording_start),
				recording_end: zoomTime(file.recording_end),
				file_type: file.file_type,
				file_extension: file.file_extension,
				file_size: file.file_size,
				...fileUrls(sim, file),
				status: file.status,
				recording_type: file.recording_type,
			};
			if (file.deleted_time !== undefined) out.deleted_time = zoomTime(file.deleted_time);
			return out;
		}),
	};
}

/** A meeting number means its latest instance with a recording; otherwise the value is an instance UUID. */
function findRecording(sim: Sim, meetingId: string): Recording {
	let found: Recording | undefined = sim.store.recordings.get(meetingId);
	if (!found && /^\d+$/.test(meetingId)) {
		for (const recording of sim.store.recordings.values()) {
			if (recording.sessionId === Number(meetingId) && (!found || recording.start_time > found.start_time)) found = recording;
		}
	}
	if (!found || found.trashed_at !== undefined || found.files.every((f) => f.deleted_time !== undefined)) {
		throw notFound(3301, 'There is no recording for this meeting.');
	}
	return found;
}

function findAnyRecording(sim: Sim, meetingId: string): Recording {
	const direct = sim.store.recordings.get(meetingId);
	if (direct) return direct;
	let found: Recording | undefined;
	for (const recording of sim.store.recordings.values()) {
		if (recording.sessionId === Number(meetingId) && (!found || recording.start_time > found.start_time)) found = recording;
	}
	if (!found) throw notFound(3301, 'There is no recording for this meeting.');
	return found;
}

function removeRecording(sim: Sim, recording: Recording): void {
	sim.store.recordings.delete(recording.uuid);
	for (const file of recording.files) sim.store.recordingFiles.delete(file.id);
}

function utcDate(value: string | undefined, fallbackMs: number, field: string): number {
	if (value === undefined) return fallbackMs;
	const ms = Date.parse(`${value}T00:00:00Z`);
	if (Number.isNaN(ms)) throw invalidField(field);
	return ms;
}

export const recordingHandlers: HandlerTable = {
	recordingGet(request: ApiRequest) {
		const recording = findRecording(request.sim, request.params.meetingId);
		const body = serializeRecording(request.sim, recording, false);
		if (String(request.query.include_fields ?? '').includes('download_access_token')) {
			const ttl = Number(request.query.ttl ?? 86_400);
			body.download_access_token = issueDownloadToken(request.sim, recording, ttl * 1000);
		}
		return { status: 200, body };
	},

	recordingsList(request: ApiRequest) {
		const user = findUserOrThrow(request);
		const today = Date.parse(`${new Date(request.sim.clock.now()).toISOString().slice(0, 10)}T00:00:00Z`);
		const from = utcDate(request.query.from as string | undefined, today, 'from');
		const to = utcDate(request.query.to as string | undefined, Math.max(today, from), 'to');
		if (to < from) throw invalidField('to', 'The end date must be after the start date.');
		if (to - from > MONTH_MS) {
			throw new ZoomError(400, 300, 'The date range cannot exceed one month.', [{ field: 'from', message: 'Range exceeds one month.' }]);
		}
		const trash = request.query.trash === true;
		const meetingId = request.query.meeting_id as number | undefined;
		const page = request.sim.pager.page(`recordings:${user.id}:${from}:${to}:${trash}:${meetingId ?? ''}`, request.query, () =>
			[...request.sim.store.recordings.values()]
				.filter((r) => r.hostId === user.id && r.start_time >= from && r.start_time < to + 86_400_000)
				.filter((r) => meetingId === undefined || r.sessionId === meetingId)
				.filter((r) =>
					trash
						? r.trashed_at !== undefined || r.files.some((f) => f.deleted_time !== undefined)
						: r.trashed_at === undefined && r.files.some((f) => f.deleted_time === undefined),
				)
				.sort((a, b) => b.start_time - a.start_time),
		);
		return {
			status: 200,
			body: {
				from: new Date(from).toISOString().slice(0, 10),
				to: new Date(to).toISOString().slice(0, 10),
				...pagedBody(page, 'meetings', (r) => serializeRecording(request.sim, r, trash), false),
			},
		};
	},

	recordingDelete(request: ApiRequest) {
		const recording = findRecording(request.sim, request.params.meetingId);
		if (request.query.action === 'delete') removeRecording(request.sim, recording);
		else recording.trashed_at = request.sim.clock.now();
		return { status: 204 };
	},

	recordingDeleteOne(request: ApiRequest) {
		const recording = findRecording(request.sim, request.params.meetingId);
		const file = recording.files.find((f) => f.id === request.params.recordingId && f.deleted_time === undefined);
		if (!file) throw notFound(3301, 'There is no recording for this meeting.');
		if (request.query.action === 'delete') {
			recording.files = recording.files.filter((f) => f !== file);
			request.sim.store.recordingFiles.delete(file.id);
			if (recording.files.length === 0) removeRecording(request.sim, recording);
		} else {
			file.deleted_time = request.sim.clock.now();
		}
		return { status: 204 };
	},

	recordingStatusUpdate(request: ApiRequest) {
		const recording = findAnyRecording(request.sim, request.params.meetingUUID);
		recording.trashed_at = undefined;
		for (const file of recording.files) file.deleted_time = undefined;
		return { status: 200 };
	},

	recordingStatusUpdateOne(request: ApiRequest) {
		const recording = findAnyRecording(request.sim, request.params.meetingId);
		const file = recording.files.find((f) => f.id === request.params.recordingId);
		if (!file) throw notFound(3301, 'There is no recording for this meeting.');
		file.deleted_time = undefined;
		recording.trashed_at = undefined;
		return { status: 204 };
	},

	recordingSettingUpdate(request: ApiRequest) {
		const recording = findRecording(request.sim, request.params.meetingId);
		return { status: 200, body: { ...recording.settings, password: String(recording.settings.password ?? '') } };
	},

	recordingSettingsUpdate(request: ApiRequest) {
		const recording = findRecording(request.sim, request.params.meetingId);
		Object.assign(recording.settings, request.body);
		if (typeof request.body.topic === 'string') recording.topic = request.body.topic;
		return { status: 204 };
	},
};
