import type { IDataObject } from 'n8n-workflow';

import { isWebinarType, type EventKind } from '../ZoomTicketing/helpers/eventKind';
import { deriveEventId } from './eventId';
import type { ZoomWebhookBody, ZoomWebhookObject } from './types';

function stringOrNull(value: unknown): string | null {
	if (typeof value === 'string') return value === '' ? null : value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return null;
}

function numberOrNull(value: unknown): number | null {
	return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function isoFromMilliseconds(value: unknown): string | null {
	const milliseconds = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
	if (typeof milliseconds !== 'number' || !Number.isFinite(milliseconds)) return null;
	const date = new Date(milliseconds);
	return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function kindOf(event: string, object: ZoomWebhookObject): EventKind {
	if (event.startsWith('webinar.')) return 'webinar';
	if (event.startsWith('meeting.')) return 'meeting';
	return isWebinarType(object.type) ? 'webinar' : 'meeting';
}

function flattenParticipant(participant: Record<string, unknown>): IDataObject {
	return {
		name: stringOrNull(participant.user_name),
		email: stringOrNull(participant.email),
		registrantId: stringOrNull(participant.registrant_id),
		userId: stringOrNull(participant.user_id),
		participantUserId: stringOrNull(participant.participant_user_id),
		participantUuid: stringOrNull(participant.participant_uuid),
		id: stringOrNull(participant.id),
		joinTime: stringOrNull(participant.join_time),
		leaveTime: stringOrNull(participant.leave_time),
		leaveReason: stringOrNull(participant.leave_reason),
	};
}

function flattenRegistrant(registrant: Record<string, unknown>): IDataObject {
	return {
		id: stringOrNull(registrant.id),
		email: stringOrNull(registrant.email),
		firstName: stringOrNull(registrant.first_name),
		lastName: stringOrNull(registrant.last_name),
		status: stringOrNull(registrant.status),
		joinUrl: stringOrNull(registrant.join_url),
	};
}

function flattenRecording(object: ZoomWebhookObject, downloadToken: string | null): IDataObject {
	const files = Array.isArray(object.recording_files) ? (object.recording_files as unknown[]) : [];
	return {
		shareUrl: stringOrNull(object.share_url),
		passcode: stringOrNull(object.recording_play_passcode) ?? stringOrNull(object.password),
		totalSize: numberOrNull(object.total_size),
		recordingCount: numberOrNull(object.recording_count),
		downloadToken,
		files: files
			.filter((file): file is Record<string, unknown> => typeof file === 'object' && file !== null)
			.map((file) => ({
				id: stringOrNull(file.id),
				fileType: stringOrNull(file.file_type),
				fileExtension: stringOrNull(file.file_extension),
				fileSize: numberOrNull(file.file_size),
				recordingType: stringOrNull(file.recording_type),
				recordingStart: stringOrNull(file.recording_start),
				recordingEnd: stringOrNull(file.recording_end),
				status: stringOrNull(file.status),
				playUrl: stringOrNull(file.play_url),
				downloadUrl: stringOrNull(file.download_url),
				// Each file carries the token so that a workflow can split files into items and download each.
				downloadToken,
			})),
	};
}

/** The trigger's output item for one verified Zoom event; `raw` is the body as Zoom sent it. */
export function normalizeZoomEvent(body: ZoomWebhookBody): IDataObject {
	const event = typeof body.event === 'string' ? body.event : '';
	const object: ZoomWebhookObject = body.payload?.object ?? {};
	const kind = kindOf(event, object);
	const zoomId = stringOrNull(object.id);
	const isRecording = event.startsWith('recording.');

	return {
		event,
		eventId: deriveEventId(body),
		occurredAt: isoFromMilliseconds(body.event_ts),
		accountId: stringOrNull(body.payload?.account_id),
		kind,
		meetingId: kind === 'meeting' ? zoomId : null,
		webinarId: kind === 'webinar' ? zoomId : null,
		uuid: stringOrNull(object.uuid),
		topic: stringOrNull(object.topic),
		hostId: stringOrNull(object.host_id),
		type: numberOrNull(object.type),
		startTime: stringOrNull(object.start_time),
		endTime: stringOrNull(object.end_time),
		timezone: stringOrNull(object.timezone),
		duration: numberOrNull(object.duration),
		participant: object.participant ? flattenParticipant(object.participant) : null,
		registrant: object.registrant ? flattenRegistrant(object.registrant) : null,
		recording: isRecording ? flattenRecording(object, stringOrNull(body.download_token)) : null,
		raw: body as IDataObject,
	};
}
