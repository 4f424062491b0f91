import type { IDataObject } from 'n8n-workflow';

import { normalizeZoomEvent } from '../ZoomTicketingTrigger/normalize';

/** The `event` of the marker item emitted after every re-connect. */
export const GAP_EVENT = 'stream.gap';

/**
 * The item that says events may be missing: Zoom does not re-send what happened while the
 * socket was down, so `startTime` (the last frame received before the drop) to `endTime` (the new
 * connection's confirmation) is the window a workflow should fill in from Zoom's reports. It has
 * the same keys as an event item, plus `gap`.
 */
export function gapMarker(subscriptionId: string, fromMs: number, toMs: number, reason: string): IDataObject {
	const item = normalizeZoomEvent({
		event: GAP_EVENT,
		event_ts: toMs,
		payload: { object: { uuid: `${subscriptionId}/${fromMs}` } },
	});
	const from = new Date(fromMs).toISOString();
	const to = new Date(toMs).toISOString();
	return {
		...item,
		kind: null,
		meetingId: null,
		uuid: null,
		startTime: from,
		endTime: to,
		gap: {
			from,
			to,
			seconds: Math.max(0, Math.round((toMs - fromMs) / 100) / 10),
			reason,
			subscriptionId,
		},
		raw: null,
	};
}
