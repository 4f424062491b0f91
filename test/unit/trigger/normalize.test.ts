import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';

import { deriveEventId } from '../../../nodes/ZoomTicketingTrigger/eventId';
import { ALL_EVENTS, SUPPORTED_EVENTS, isSelectedEvent } from '../../../nodes/ZoomTicketingTrigger/events';
import { normalizeZoomEvent } from '../../../nodes/ZoomTicketingTrigger/normalize';
import type { ZoomWebhookBody } from '../../../nodes/ZoomTicketingTrigger/types';

const joined: ZoomWebhookBody = {
	event: 'meeting.participant_joined',
	event_ts: 1764213660123,
	payload: {
		account_id: 'sim-account',
		object: {
			id: '81234567890',
			uuid: '4444AAAiAAAAAiAiAiiAii==',
			host_id: 'z8yCxjabcdEFGHfp8uQ',
			topic: 'Launch',
			type: 8,
			start_time: '2026-11-27T03:20:00Z',
			timezone: 'Europe/Paris',
			duration: 60,
			participant: {
				user_id: '16778240',
				user_name: 'Zoë Ångström',
				id: 'iFxeBPYun6SAiWUzBcEkX',
				participant_uuid: 'p-uuid-1',
				join_time: '2026-11-27T03:21:00Z',
				email: 'zoe@example.com',
				registrant_id: 'r-1',
				participant_user_id: 'pu-1',
			},
		},
	},
};

const recording: ZoomWebhookBody = {
	event: 'recording.completed',
	event_ts: 1764220000000,
	download_token: 'dl-token-1',
	payload: {
		account_id: 'sim-account',
		object: {
			id: 95012345678,
			uuid: 'w3bUuid==',
			host_id: 'host-1',
			account_id: 'sim-account',
			topic: 'Webinar recorded',
			type: 5,
			start_time: '2026-11-27T03:20:00Z',
			password: 'rec-pass',
			host_email: 'host@example.com',
			duration: 60,
			share_url: 'https://zoom.us/rec/share/abc',
			total_size: 2048,
			recording_count: 2,
			recording_play_passcode: 'play-pass',
			recording_files: [
				{
					id: 'file-1',
					meeting_id: 'w3bUuid==',
					recording_start: '2026-11-27T03:20:00Z',
					recording_end: '2026-11-27T04:20:00Z',
					file_type: 'MP4',
					file_size: 1024,
					file_extension: 'MP4',
					play_url: 'https://zoom.us/rec/play/1',
					download_url: 'https://zoom.us/rec/download/1',
					status: 'completed',
					recording_type: 'shared_screen_with_speaker_view',
				},
				{
					id: 'file-2',
					meeting_id: 'w3bUuid==',
					recording_start: '2026-11-27T03:20:00Z',
					recording_end: '2026-11-27T04:20:00Z',
					file_type: 'M4A',
					file_size: 1024,
					file_extension: 'M4A',
					download_url: 'https://zoom.us/rec/download/2',
					status: 'completed',
					recording_type: 'audio_only',
				},
			],
		},
	},
};

function clone(body: ZoomWebhookBody): ZoomWebhookBody {
	return JSON.parse(JSON.stringify(body)) as ZoomWebhookBody;
}

describe('deriveEventId', () => {
	it('is the SHA-256 of the documented identity fields', () => {
		const identity = JSON.stringify([
			'meeting.participant_joined',
			'1764213660123',
			'sim-account',
			'4444AAAiAAAAAiAiAiiAii==',
			['p-uuid-1', '16778240', 'iFxeBPYun6SAiWUzBcEkX', '2026-11-27T03:21:00Z', ''],
			null,
		]);
		assert.equal(deriveEventId(joined), createHash('sha256').update(identity).digest('hex'));
		assert.match(deriveEventId(joined), /^[0-9a-f]{64}$/);
	});

	it('is the same for a retry, whatever the formatting, key order or download token', () => {
		const retried = JSON.parse(JSON.stringify(joined, null, 2)) as ZoomWebhookBody;
		assert.equal(deriveEventId(retried), deriveEventId(joined));

		const reordered: ZoomWebhookBody = { payload: clone(joined).payload, event_ts: joined.event_ts, event: joined.event };
		assert.equal(deriveEventId(reordered), deriveEventId(joined));

		const newToken = { ...clone(recording), download_token: 'dl-token-2' };
		assert.equal(deriveEventId(newToken), deriveEventId(recording));
	});

	it('differs when any identifying field differs', () => {
		const variants: Array<(body: ZoomWebhookBody) => void> = [
			(body) => (body.event = 'meeting.participant_left'),
			(body) => (body.event_ts = 1764213660124),
			(body) => (body.payload!.account_id = 'other-account'),
			(body) => (body.payload!.object!.uuid = 'next-occurrence=='),
			(body) => (body.payload!.object!.participant!.participant_uuid = 'p-uuid-2'),
			(body) => (body.payload!.object!.participant!.user_id = '16778241'),
			(body) => (body.payload!.object!.participant!.join_time = '2026-11-27T03:22:00Z'),
		];
		const ids = new Set([deriveEventId(joined)]);
		for (const change of variants) {
			const body = clone(joined);
			change(body);
			ids.add(deriveEventId(body));
		}
		assert.equal(ids.size, variants.length + 1);
	});

	it('tells apart registrations of different people and a participant from a registrant', () => {
		const registration = (id: string): ZoomWebhookBody => ({
			event: 'webinar.registration_created',
			event_ts: 1764213660123,
			payload: { account_id: 'a', object: { id: 9, uuid: 'u', registrant: { id, email: `${id}@x.test` } } },
		});
		assert.notEqual(deriveEventId(registration('r1')), deriveEventId(registration('r2')));
		assert.equal(deriveEventId(registration('r1')), deriveEventId(registration('r1')));
	});

	it('gives every one of 10,000 simultaneous joins its own id', () => {
		const ids = new Set<string>();
		for (let n = 0; n < 10_000; n++) {
			const body = clone(joined);
			body.payload!.object!.participant = { user_id: String(16_000_000 + n), join_time: '2026-11-27T03:21:00Z' };
			ids.add(deriveEventId(body));
		}
		assert.equal(ids.size, 10_000);
	});
});

describe('normalizeZoomEvent', () => {
	it('flattens a participant event', () => {
		const item = normalizeZoomEvent(joined);
		assert.deepEqual(
			{ ...item, raw: undefined },
			{
				event: 'meeting.participant_joined',
				eventId: deriveEventId(joined),
				occurredAt: '2025-11-27T03:21:00.123Z',
				accountId: 'sim-account',
				kind: 'meeting',
				meetingId: '81234567890',
				webinarId: null,
				uuid: '4444AAAiAAAAAiAiAiiAii==',
				topic: 'Launch',
				hostId: 'z8yCxjabcdEFGHfp8uQ',
				type: 8,
				startTime: '2026-11-27T03:20:00Z',
				endTime: null,
				timezone: 'Europe/Paris',
				duration: 60,
				participant: {
					name: 'Zoë Ångström',
					email: 'zoe@example.com',
					registrantId: 'r-1',
					userId: '16778240',
					participantUserId: 'pu-1',
					participantUuid: 'p-uuid-1',
					id: 'iFxeBPYun6SAiWUzBcEkX',
					joinTime: '2026-11-27T03:21:00Z',
					leaveTime: null,
					leaveReason: null,
				},
				registrant: null,
				recording: null,
				raw: undefined,
			},
		);
		assert.equal(item.raw, joined);
	});

	it('gives the id as a string even when Zoom sends a number, and detects webinars', () => {
		const item = normalizeZoomEvent(recording);
		assert.equal(item.kind, 'webinar');
		assert.equal(item.webinarId, '95012345678');
		assert.equal(item.meetingId, null);

		const meetingRecording = clone(recording);
		meetingRecording.payload!.object!.type = 2;
		assert.equal(normalizeZoomEvent(meetingRecording).meetingId, '95012345678');
	});

	it('flattens a recording with its files and download token', () => {
		const item = normalizeZoomEvent(recording);
		assert.deepEqual(item.recording, {
			shareUrl: 'https://zoom.us/rec/share/abc',
			passcode: 'play-pass',
			totalSize: 2048,
			recordingCount: 2,
			downloadToken: 'dl-token-1',
			files: [
				{
					id: 'file-1',
					fileType: 'MP4',
					fileExtension: 'MP4',
					fileSize: 1024,
					recordingType: 'shared_screen_with_speaker_view',
					recordingStart: '2026-11-27T03:20:00Z',
					recordingEnd: '2026-11-27T04:20:00Z',
					status: 'completed',
					playUrl: 'https://zoom.us/rec/play/1',
					downloadUrl: 'https://zoom.us/rec/download/1',
					downloadToken: 'dl-token-1',
				},
				{
					id: 'file-2',
					fileType: 'M4A',
					fileExtension: 'M4A',
					fileSize: 1024,
					recordingType: 'audio_only',
					recordingStart: '2026-11-27T03:20:00Z',
					recordingEnd: '2026-11-27T04:20:00Z',
					status: 'completed',
					playUrl: null,
					downloadUrl: 'https://zoom.us/rec/download/2',
					downloadToken: 'dl-token-1',
				},
			],
		});
	});

	it('flattens a registrant and a leave', () => {
		const cancelled = normalizeZoomEvent({
			event: 'webinar.registration_cancelled',
			event_ts: 1764213660123,
			payload: {
				account_id: 'a',
				operator: 'host@example.com',
				object: {
					id: 95012345678,
					uuid: 'u',
					registrant: { id: 'r-9', email: 'x@example.com', first_name: 'X', last_name: 'Y', status: 'cancelled' },
				},
			},
		});
		assert.equal(cancelled.kind, 'webinar');
		assert.deepEqual(cancelled.registrant, {
			id: 'r-9',
			email: 'x@example.com',
			firstName: 'X',
			lastName: 'Y',
			status: 'cancelled',
			joinUrl: null,
		});

		const left = clone(joined);
		left.event = 'webinar.participant_left';
		left.payload!.object!.participant = { user_id: '1', leave_time: '2026-11-27T04:00:00Z', leave_reason: 'left the meeting' };
		const item = normalizeZoomEvent(left);
		assert.equal(item.kind, 'webinar');
		assert.equal((item.participant as { leaveReason: string }).leaveReason, 'left the meeting');
		assert.equal((item.participant as { leaveTime: string }).leaveTime, '2026-11-27T04:00:00Z');
	});

	it('survives bodies without a payload', () => {
		const item = normalizeZoomEvent({ event: 'meeting.started' });
		assert.equal(item.occurredAt, null);
		assert.equal(item.meetingId, null);
		assert.equal(item.participant, null);
	});
});

describe('isSelectedEvent', () => {
	it('selects only supported events, all of them with "*"', () => {
		for (const option of SUPPORTED_EVENTS) assert.ok(isSelectedEvent(String(option.value), [ALL_EVENTS]));
		assert.ok(isSelectedEvent('meeting.started', ['meeting.started']));
		assert.ok(!isSelectedEvent('meeting.ended', ['meeting.started']));
		assert.ok(!isSelectedEvent('meeting.sharing_started', [ALL_EVENTS]));
		assert.ok(!isSelectedEvent('endpoint.url_validation', [ALL_EVENTS]));
		assert.ok(!isSelectedEvent('meeting.started', []));
	});
});
