import { createHmac } from 'node:crypto';

/**
 * Sample Zoom webhook bodies, shaped as Zoom's webhook schemas (webhooks/workplace/Meetings.json),
 * and Zoom's signing written out independently of the trigger's code.
 */

export const SUPPORTED = [
	'meeting.started',
	'meeting.ended',
	'meeting.participant_joined',
	'meeting.participant_left',
	'recording.completed',
	'recording.transcript_completed',
	'webinar.started',
	'webinar.ended',
	'webinar.participant_joined',
	'webinar.participant_left',
	'meeting.registration_created',
	'meeting.registration_cancelled',
	'webinar.registration_created',
	'webinar.registration_cancelled',
] as const;

export function zoomHeaders(secret: string, body: string | Buffer, timestampSeconds = Math.floor(Date.now() / 1000)) {
	const timestamp = String(timestampSeconds);
	const hmac = createHmac('sha256', secret).update(`v0:${timestamp}:`).update(body).digest('hex');
	return {
		'content-type': 'application/json; charset=utf-8',
		'x-zm-request-timestamp': timestamp,
		'x-zm-signature': `v0=${hmac}`,
	};
}

export function zoomEvent(event: string, n = 1, eventTs = Date.now()): Record<string, unknown> {
	const isWebinar = event.startsWith('webinar.');
	const base = {
		id: isWebinar ? '95012345678' : '81234567890',
		uuid: isWebinar ? 'W3bUuid/Occ1==' : 'M33tUuid/Occ1==',
		host_id: 'sim-host-id',
		topic: isWebinar ? 'Product launch webinar' : 'Ticket holders meetup',
		type: isWebinar ? 5 : 2,
		start_time: '2026-11-27T09:00:00Z',
		timezone: 'Europe/Berlin',
		duration: 60,
	};
	const participant = {
		user_id: String(16_778_240 + n),
		user_name: `Attendee ${n}`,
		id: `part-${n}`,
		participant_uuid: `pu-${n}`,
		email: `attendee${n}@example.com`,
		registrant_id: `reg-${n}`,
	};
	const registrant = {
		id: `reg-${n}`,
		first_name: 'Attendee',
		last_name: String(n),
		email: `attendee${n}@example.com`,
		status: event.endsWith('cancelled') ? 'cancelled' : 'approved',
		join_url: `https://zoom.us/w/${base.id}?tk=tk-${n}`,
	};

	let object: Record<string, unknown>;
	let extra: Record<string, unknown> = {};
	switch (event.split('.')[1]) {
		case 'participant_joined':
			object = { ...base, participant: { ...participant, join_time: '2026-11-27T09:01:00Z' } };
			break;
		case 'participant_left':
			object = {
				...base,
				participant: { ...participant, leave_time: '2026-11-27T09:50:00Z', leave_reason: 'left the meeting' },
			};
			break;
		case 'ended':
			object = { ...base, end_time: '2026-11-27T10:00:00Z' };
			break;
		case 'registration_created':
		case 'registration_cancelled':
			object = { ...base, id: Number(base.id), registrant };
			extra = event.endsWith('cancelled') ? { operator: 'host@example.com' } : {};
			break;
		case 'completed':
		case 'transcript_completed':
			object = {
				...base,
				id: 81234567890,
				account_id: 'sim-account',
				host_email: 'host@example.com',
				password: 'rec-pass',
				share_url: 'https://zoom.us/rec/share/abc',
				total_size: 1024,
				recording_count: 1,
				recording_files: [
					{
						id: 'file-1',
						meeting_id: base.uuid,
						recording_start: '2026-11-27T09:00:00Z',
						recording_end: '2026-11-27T10:00:00Z',
						file_type: event === 'recording.completed' ? 'MP4' : 'TRANSCRIPT',
						file_size: 1024,
						file_extension: event === 'recording.completed' ? 'MP4' : 'VTT',
						download_url: 'https://zoom.us/rec/download/file-1',
						status: 'completed',
						recording_type: event === 'recording.completed' ? 'shared_screen_with_speaker_view' : 'audio_transcript',
					},
				],
			};
			break;
		default:
			object = base;
	}

	const body: Record<string, unknown> = {
		event,
		event_ts: eventTs,
		payload: { account_id: 'sim-account', ...extra, object },
	};
	if (event.startsWith('recording.')) body.download_token = `dl-${n}-${eventTs}`;
	return body;
}
