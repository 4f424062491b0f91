import { createHmac, timingSafeEqual } from 'crypto';

/**
 * Zoom's webhook signature scheme (https://developers.zoom.us/docs/api/webhooks/#verify-webhook-events):
 * `x-zm-signature: v0=<hex HMAC-SHA256(secret token, "v0:" + x-zm-request-timestamp + ":" + body)>`,
 * computed over the body bytes exactly as sent. Nothing here throws: every outcome is a value.
 */

export type RefusalReason =
	| 'missing-secret'
	| 'missing-signature'
	| 'missing-timestamp'
	| 'malformed-signature'
	| 'malformed-timestamp'
	| 'body-too-large'
	| 'bad-signature'
	| 'stale-timestamp'
	| 'future-timestamp';

export type Verdict =
	| { valid: true; timestampSeconds: number }
	| { valid: false; reason: RefusalReason };

export interface ZoomRequestToVerify {
	/** The Secret Token of the Zoom app. */
	secret: string;
	/** The request body exactly as received. */
	rawBody: Buffer;
	signature: string | string[] | undefined;
	timestamp: string | string[] | undefined;
	nowMs: number;
	/** How far the request timestamp may lie from `nowMs`, in either direction. */
	toleranceSeconds: number;
	maxBodyBytes: number;
}

const SIGNATURE_FORMAT = /^v0=([0-9a-fA-F]{64})$/;
const TIMESTAMP_FORMAT = /^[0-9]{1,13}$/;
// Zoom sends seconds; a 13-digit value can only be milliseconds (seconds reach 13 digits in year 33658).
const MILLISECOND_TIMESTAMP_FROM = 1e12;

/** The `x-zm-signature` value Zoom sends for this timestamp and body. */
export function zoomSignature(secret: string, timestamp: string, rawBody: Buffer | string): string {
	const hmac = createHmac('sha256', secret);
	hmac.update(`v0:${timestamp}:`);
	hmac.update(rawBody);
	return `v0=${hmac.digest('hex')}`;
}

/** The `encryptedToken` of the answer to Zoom's `endpoint.url_validation` request. */
export function urlValidationToken(secret: string, plainToken: string): string {
	return createHmac('sha256', secret).update(plainToken).digest('hex');
}

function singleHeader(value: string | string[] | undefined): string | undefined | null {
	if (value === undefined || value === '') return undefined;
	// A repeated header is ambiguous: which copy was signed is unknowable, so refuse it.
	if (Array.isArray(value)) return value.length === 1 ? value[0] : null;
	return value;
}

function parseTimestampSeconds(value: string): number | undefined {
	if (!TIMESTAMP_FORMAT.test(value)) return undefined;
	const number = Number(value);
	return number >= MILLISECOND_TIMESTAMP_FROM ? Math.floor(number / 1000) : number;
}

/**
 * Checks a request claimed to come from Zoom: headers present and well formed, body within the
 * size limit, signature matching (constant-time), then the timestamp within the tolerance.
 * The signature is checked before the timestamp so that a stale or future verdict is only ever
 * given for a request Zoom really signed.
 */
export function verifyZoomRequest(request: ZoomRequestToVerify): Verdict {
	try {
		if (typeof request.secret !== 'string' || request.secret === '') {
			return { valid: false, reason: 'missing-secret' };
		}

		const signature = singleHeader(request.signature);
		const timestamp = singleHeader(request.timestamp);
		if (signature === undefined) return { valid: false, reason: 'missing-signature' };
		if (timestamp === undefined) return { valid: false, reason: 'missing-timestamp' };

		const signatureMatch = signature === null ? null : SIGNATURE_FORMAT.exec(signature);
		if (!signatureMatch) return { valid: false, reason: 'malformed-signature' };
		const timestampSeconds = timestamp === null ? undefined : parseTimestampSeconds(timestamp);
		if (timestampSeconds === undefined || timestamp === null) {
			return { valid: false, reason: 'malformed-timestamp' };
		}

		if (!Buffer.isBuffer(request.rawBody) || request.rawBody.length > request.maxBodyBytes) {
			return { valid: false, reason: 'body-too-large' };
		}

		const expected = Buffer.from(zoomSignature(request.secret, timestamp, request.rawBody).slice(3), 'hex');
		const received = Buffer.from(signatureMatch[1], 'hex');
		if (expected.length !== received.length || !timingSafeEqual(expected, received)) {
			return { valid: false, reason: 'bad-signature' };
		}

		// Written so that a NaN clock or tolerance refuses instead of passing every comparison.
		const driftSeconds = Math.floor(request.nowMs / 1000) - timestampSeconds;
		if (!(Math.abs(driftSeconds) <= request.toleranceSeconds)) {
			return { valid: false, reason: driftSeconds < 0 ? 'future-timestamp' : 'stale-timestamp' };
		}

		return { valid: true, timestampSeconds };
	} catch {
		return { valid: false, reason: 'bad-signature' };
	}
}

/** How each refusal is answered: the status and the short reason in the response body. */
export const REFUSALS: Record<RefusalReason, { status: number; message: string }> = {
	'missing-secret': { status: 500, message: 'Webhook secret token is not configured' },
	'missing-signature': { status: 401, message: 'Missing x-zm-signature header' },
	'missing-timestamp': { status: 401, message: 'Missing x-zm-request-timestamp header' },
	'malformed-signature': { status: 401, message: 'Malformed x-zm-signature header' },
	'malformed-timestamp': { status: 401, message: 'Malformed x-zm-request-timestamp header' },
	'body-too-large': { status: 413, message: 'Request body is too large' },
	'bad-signature': { status: 401, message: 'Invalid signature' },
	'stale-timestamp': { status: 401, message: 'Request timestamp is too old' },
	'future-timestamp': { status: 401, message: 'Request timestamp is in the future' },
};
