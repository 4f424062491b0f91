import { createHmac } from 'node:crypto';

import { SUPPORTED_EVENT_NAMES, type ZoomEventName } from '../../../nodes/ZoomTicketingTrigger/events';

/**
 * Sample Zoom webhook bodies, shaped as Zoom's webhook schemas (webhooks/workplace/Meetings.json),
 * and Zoom's signing written out independently of the trigger's code.
 */

/** Every event the trigger supports (its one list), in the order the tests send them. */
export const SUPPORTED = SUPPORTED_EVENT_NAMES;

export function zoomHeaders(secret: string, body: string | Buffer, timestampSeconds = Math.floor(Date.now() / 1000)) {
	const timestamp = String(timestampSeconds);
	const hmac = createHmac('sha256', secret).update(`v0:${timestamp}:`).update(body).digest('hex');
	return {
		'content-type': 'application/json; charset=utf-8',
		'x-zm-request-timestamp': timestamp,
		'x-zm-signature': `v0=${hmac}`,
	};
}

interface SampleParts {
	event: ZoomEventName;
	base: Record<string, unknown> & { id: string; uuid: string };
	participant: Record<string, unknown>;
	registrant: Record<string, unknown>;
}

type Sample = (parts: SampleParts) => { object: Record<string, unknown>; extra?: Record<string, unknown> };

const lifecycle: Sample = ({ base }) => ({ object: base });
const ended: Sample = ({ base }) => ({ object: { ...base, end_time: '2026-11-27T10:00:00Z' } });
const joined: Sample = ({ base, participant }) => ({ object: { ...base, participant: { ...participant, join_time: '2026-11-27T09:01:00Z' } } });
const left: Sample = ({ base, participant }) => ({
	object: { ...base, participant: { ...participant, leave_time: '2026-11-27T09:50:00Z', leave_reason: 'left the meeting' } },
});
const registration: Sample = ({ event, base, registrant }) => ({
	object: { ...base, id: Number(base.id), registrant },
	extra: event.endsWith('cancelled') ? { operator: 'host@example.com' } : {},
});
const recording: Sample = ({ event, base }) => {
	const media = event === 'recording.completed';
	return {
		object: {
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
					file_type: media ? 'MP4' : 'TRANSCRIPT',
					file_size: 1024,
					file_extension: media ? 'MP4' : 'VTT',
					download_url: 'https://zoom.us/rec/download/file-1',
					status: 'completed',
					recording_type: media ? 'shared_screen_with_speaker_view' : 'audio_transcript',
				},
			],
		},
	};
};

/** The sample body's object for each supported event. */
export const SAMPLES = {
	'meeting.started': lifecycle,
	'webinar.started': lifecycle,
	'meeting.ended': ended,
	'webinar.ended': ended,
	'meeting.participant_joined': joined,
	'webinar.participant_joined': joined,
	'meeting.participant_left': left,
	'webinar.participant_left': left,
	'meeting.registration_created': registration,
	'webinar.registration_created': registration,
	'meeting.registration_cancelled': registration,
	'webinar.registration_cancelled': registration,
	'recording.completed': recording,
	'recording.transcript_completed': recording,
} satisfies Record<ZoomEventName, Sample>;

export function zoomEvent(event: ZoomEventName, n = 1, eventTs = Date.now()): Record<string, unknown> {
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
	const { object, extra = {} } = SAMPLES[event]({ event, base, participant, registrant });
	const body: Record<string, unknown> = {
		event,
		event_ts: eventTs,
		payload: { account_id: 'sim-account', ...extra, object },
	};
	if (event.startsWith('recording.')) body.download_token = `dl-${n}-${eventTs}`;
	return body;
}
