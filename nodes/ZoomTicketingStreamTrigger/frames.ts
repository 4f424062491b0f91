import type { ZoomWebhookBody } from '../ZoomTicketingTrigger/types';

/** What one frame from Zoom's socket means to the stream. */
export type StreamFrame =
	| { kind: 'connected' }
	| { kind: 'refused'; reason: string; cause: RefusalCause }
	| { kind: 'heartbeat' }
	| { kind: 'event'; body: ZoomWebhookBody }
	| { kind: 'tokenInvalid'; reason: string }
	| { kind: 'replaced'; reason: string }
	| { kind: 'unreadable'; reason: string }
	| { kind: 'other'; module: string };

/** Why Zoom refused a connection: `token` heals with a new token, `subscription` does not heal. */
export type RefusalCause = 'token' | 'subscription' | 'other';

interface RawFrame {
	module?: unknown;
	success?: unknown;
	content?: unknown;
}

// Zoom's wording varies ("Invalid Token", "Token is invalid", "token is empty", "token expired").
const TOKEN_TROUBLE = /token/i;
const REPLACED = /connected in another place/i;
// Not documented: the wording for an unknown or deleted subscription is assumed to name it.
const SUBSCRIPTION_TROUBLE = /subscription/i;

function contentText(content: unknown): string {
	if (typeof content === 'string') return content;
	if (content === undefined || content === null) return '';
	return JSON.stringify(content);
}

// A reason ends up in logs and in the gap marker: only ever from control frames, and short.
const MAX_REASON_LENGTH = 200;

function reasonOf(content: string): string {
	return content.length > MAX_REASON_LENGTH ? `${content.slice(0, MAX_REASON_LENGTH)}…` : content;
}

function readEvent(frame: RawFrame): StreamFrame {
	if (typeof frame.content !== 'string') return { kind: 'unreadable', reason: 'an event frame without a content string' };
	let body: unknown;
	try {
		body = JSON.parse(frame.content);
	} catch {
		return { kind: 'unreadable', reason: 'an event frame whose content is not JSON' };
	}
	if (typeof body !== 'object' || body === null || typeof (body as ZoomWebhookBody).event !== 'string') {
		return { kind: 'unreadable', reason: 'an event frame whose content has no event name' };
	}
	return { kind: 'event', body: body as ZoomWebhookBody };
}

/**
 * Reads one text frame. Never throws: anything unexpected comes back as `unreadable` or `other`.
 * An event's text is the attendees' data (a registrant may be named "Connected in another
 * place"), so it is never searched for control wording nor quoted in a reason.
 */
export function readFrame(text: string): StreamFrame {
	let frame: RawFrame;
	try {
		frame = JSON.parse(text) as RawFrame;
	} catch {
		return { kind: 'unreadable', reason: 'the frame is not JSON' };
	}
	if (typeof frame !== 'object' || frame === null) return { kind: 'unreadable', reason: 'the frame is not a JSON object' };
	const module = typeof frame.module === 'string' ? frame.module : '';
	if (module === 'message') return readEvent(frame);
	if (module !== 'build_connection' && module !== 'heartbeat') return { kind: 'other', module: module || 'unknown' };

	const content = contentText(frame.content);
	const reason = reasonOf(content);
	if (REPLACED.test(content)) return { kind: 'replaced', reason };
	if (module === 'build_connection') {
		if (frame.success === true) return { kind: 'connected' };
		const cause: RefusalCause = TOKEN_TROUBLE.test(content) ? 'token' : SUBSCRIPTION_TROUBLE.test(content) ? 'subscription' : 'other';
		return { kind: 'refused', reason: reason || 'no reason given', cause };
	}
	if (frame.success === false && TOKEN_TROUBLE.test(content)) return { kind: 'tokenInvalid', reason };
	return { kind: 'heartbeat' };
}

export const HEARTBEAT_FRAME = JSON.stringify({ module: 'heartbeat' });
