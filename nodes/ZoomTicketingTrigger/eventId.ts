import { createHash } from 'crypto';

import type { ZoomWebhookBody } from './types';

function text(value: unknown): string {
	return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/**
 * A stable identifier of one Zoom event, for idempotent processing (e.g. a unique constraint).
 *
 * It is the hex SHA-256 of a JSON array of the fields that identify the event:
 * `event`, `event_ts` (the time the event happened, in ms), `payload.account_id`, the meeting or
 * webinar `uuid` (one per occurrence; `id` when absent), and the subject of the event: for a
 * participant its `participant_uuid`, `user_id`, `id`, `join_time` and `leave_time`; for a
 * registration the registrant `id`.
 *
 * Zoom's retries of a delivery resend the same event, so they get the same eventId even though
 * their `x-zm-request-timestamp`, signature and `download_token` differ. Two different events
 * differ in at least one of these fields (a burst of joins shares `event_ts` but not the
 * participant), so they get different ids. Formatting of the JSON body does not matter.
 */
export function deriveEventId(body: ZoomWebhookBody): string {
	const object = body.payload?.object ?? {};
	const participant = object.participant;
	const registrant = object.registrant;

	const identity = [
		text(body.event),
		text(body.event_ts),
		text(body.payload?.account_id),
		text(object.uuid) || text(object.id),
		participant
			? [
					text(participant.participant_uuid),
					text(participant.user_id),
					text(participant.id),
					text(participant.join_time),
					text(participant.leave_time),
				]
			: null,
		registrant ? text(registrant.id) : null,
	];

	return createHash('sha256').update(JSON.stringify(identity)).digest('hex');
}
