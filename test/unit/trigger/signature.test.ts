import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
	REFUSALS,
	urlValidationToken,
	verifyZoomRequest,
	zoomSignature,
	type ZoomRequestToVerify,
} from '../../../nodes/ZoomTicketingTrigger/signature';

// Test vectors computed with OpenSSL, not with the code under test, e.g.
//   printf '%s' "v0:1764213600:$BODY" | openssl dgst -sha256 -hmac 'sim-webhook-secret'
//   printf '%s' 'qgg8vlvZRS6UYooatFL8Aw' | openssl dgst -sha256 -hmac 'sim-webhook-secret'
const SECRET = 'sim-webhook-secret';
const TIMESTAMP = '1764213600';
const NOW_MS = Number(TIMESTAMP) * 1000;

const BODY_STARTED =
	'{"event":"meeting.started","event_ts":1764213600000,"payload":{"account_id":"sim-account","object":{"id":"81234567890","uuid":"4444AAAiAAAAAiAiAiiAii==","host_id":"z8yCxjabcdEFGHfp8uQ","topic":"Launch webinar","type":2,"start_time":"2026-11-27T03:20:00Z","timezone":"UTC","duration":60}}}';
const SIGNATURE_STARTED = 'v0=0d59e9791661b43cc695713191406a918681a90f9fd49385798f6b7b7f1f2783';
const SIGNATURE_STARTED_OTHER_SECRET = 'v0=50070eb824d5f90d1283db4571295d78fb7549cdd3522381cc1f768818685eba';

const BODY_JOINED_UNICODE =
	'{"event":"meeting.participant_joined","event_ts":1764213660123,"payload":{"account_id":"sim-account","object":{"id":"81234567890","uuid":"4444AAAiAAAAAiAiAiiAii==","host_id":"z8yCxjabcdEFGHfp8uQ","topic":"Café – Zoom","type":2,"duration":60,"participant":{"user_id":"16778240","user_name":"Zoë Ångström","id":"","participant_uuid":"p-uuid-1","join_time":"2026-11-27T03:21:00Z","email":"zoe@example.com","registrant_id":"r-1"}}}}';
const TIMESTAMP_JOINED = '1764213660';
const SIGNATURE_JOINED_UNICODE = 'v0=ba73dc46cae262725a850dda4aa947d12e3f470ded6824ee6000a8a24b1fe5e5';

const SIGNATURE_EMPTY_BODY = 'v0=7c0d4523728563ee8eecc40f22f7d107f9b59a6f038fcafb3529991245d26e30';

// The body `{"note":"<0xff>"}`: a byte that is not UTF-8. Decoding and re-encoding it would
// give U+FFFD (EF BF BD), whose signature is the second vector.
const BODY_INVALID_UTF8 = Buffer.concat([Buffer.from('{"note":"'), Buffer.from([0xff]), Buffer.from('"}')]);
const SIGNATURE_INVALID_UTF8 = 'v0=52d3199550ffb82ed997af6fc474c3737d0a4e9fbffe29ac907660f88c9648b9';
const SIGNATURE_REPLACEMENT_CHAR = 'v0=8b1555f002223f95f69f9f1febda2e9c7c7bff4e3d230eba435b6b610c158010';

const PLAIN_TOKEN = 'qgg8vlvZRS6UYooatFL8Aw';
const ENCRYPTED_TOKEN = '6dfe0a2bd15fe03a1b4cfaa96a3bd0fb57da663c962ac309f97ccf164fc65138';

function request(overrides: Partial<ZoomRequestToVerify> = {}): ZoomRequestToVerify {
	return {
		secret: SECRET,
		rawBody: Buffer.from(BODY_STARTED),
		signature: SIGNATURE_STARTED,
		timestamp: TIMESTAMP,
		nowMs: NOW_MS,
		toleranceSeconds: 300,
		maxBodyBytes: 1024 * 1024,
		...overrides,
	};
}

function reasonOf(overrides: Partial<ZoomRequestToVerify>): string {
	const verdict = verifyZoomRequest(request(overrides));
	return verdict.valid ? 'valid' : verdict.reason;
}

describe('zoomSignature and urlValidationToken match OpenSSL', () => {
	it('signs a body', () => {
		assert.equal(zoomSignature(SECRET, TIMESTAMP, Buffer.from(BODY_STARTED)), SIGNATURE_STARTED);
		assert.equal(zoomSignature(SECRET, TIMESTAMP, BODY_STARTED), SIGNATURE_STARTED);
	});

	it('signs multi-byte UTF-8 bodies byte for byte', () => {
		assert.equal(
			zoomSignature(SECRET, TIMESTAMP_JOINED, Buffer.from(BODY_JOINED_UNICODE)),
			SIGNATURE_JOINED_UNICODE,
		);
	});

	it('signs the raw bytes, not a decoded string', () => {
		assert.equal(zoomSignature(SECRET, TIMESTAMP, BODY_INVALID_UTF8), SIGNATURE_INVALID_UTF8);
		assert.equal(
			zoomSignature(SECRET, TIMESTAMP, BODY_INVALID_UTF8.toString('utf8')),
			SIGNATURE_REPLACEMENT_CHAR,
		);
	});

	it('signs an empty body', () => {
		assert.equal(zoomSignature(SECRET, TIMESTAMP, Buffer.alloc(0)), SIGNATURE_EMPTY_BODY);
	});

	it('computes the URL validation token', () => {
		assert.equal(urlValidationToken(SECRET, PLAIN_TOKEN), ENCRYPTED_TOKEN);
	});
});

describe('verifyZoomRequest', () => {
	it('accepts a request signed by Zoom', () => {
		assert.deepEqual(verifyZoomRequest(request()), { valid: true, timestampSeconds: Number(TIMESTAMP) });
		assert.equal(
			reasonOf({
				rawBody: Buffer.from(BODY_JOINED_UNICODE),
				signature: SIGNATURE_JOINED_UNICODE,
				timestamp: TIMESTAMP_JOINED,
			}),
			'valid',
		);
		assert.equal(reasonOf({ rawBody: BODY_INVALID_UTF8, signature: SIGNATURE_INVALID_UTF8 }), 'valid');
	});

	it('accepts upper-case hex and a single-element header array', () => {
		assert.equal(reasonOf({ signature: `v0=${SIGNATURE_STARTED.slice(3).toUpperCase()}` }), 'valid');
		assert.equal(reasonOf({ signature: [SIGNATURE_STARTED], timestamp: [TIMESTAMP] }), 'valid');
	});

	it('refuses a missing secret before anything else', () => {
		assert.equal(reasonOf({ secret: '' }), 'missing-secret');
		assert.equal(reasonOf({ secret: '', signature: undefined }), 'missing-secret');
	});

	it('refuses missing headers', () => {
		assert.equal(reasonOf({ signature: undefined }), 'missing-signature');
		assert.equal(reasonOf({ signature: '' }), 'missing-signature');
		assert.equal(reasonOf({ timestamp: undefined }), 'missing-timestamp');
		assert.equal(reasonOf({ timestamp: '' }), 'missing-timestamp');
	});

	it('refuses malformed headers', () => {
		for (const signature of [
			SIGNATURE_STARTED.slice(3),
			`v1=${SIGNATURE_STARTED.slice(3)}`,
			SIGNATURE_STARTED.slice(0, -1),
			`${SIGNATURE_STARTED}0`,
			`${SIGNATURE_STARTED.slice(0, -1)}g`,
			` ${SIGNATURE_STARTED}`,
			[SIGNATURE_STARTED, SIGNATURE_STARTED],
		]) {
			assert.equal(reasonOf({ signature }), 'malformed-signature', String(signature));
		}
		for (const timestamp of ['-1764213600', '1764213600.5', '17642136OO', '12345678901234', [TIMESTAMP, TIMESTAMP]]) {
			assert.equal(reasonOf({ timestamp }), 'malformed-timestamp', String(timestamp));
		}
	});

	it('refuses a wrong signature, a wrong secret and any changed byte', () => {
		assert.equal(reasonOf({ signature: SIGNATURE_JOINED_UNICODE }), 'bad-signature');
		assert.equal(reasonOf({ secret: 'other-secret' }), 'bad-signature');
		assert.equal(reasonOf({ signature: SIGNATURE_STARTED_OTHER_SECRET }), 'bad-signature');
		assert.equal(reasonOf({ timestamp: '1764213601' }), 'bad-signature');
		assert.equal(reasonOf({ rawBody: BODY_INVALID_UTF8, signature: SIGNATURE_REPLACEMENT_CHAR }), 'bad-signature');

		const body = Buffer.from(BODY_STARTED);
		for (let index = 0; index < body.length; index += 7) {
			const tampered = Buffer.from(body);
			tampered[index] ^= 0x01;
			assert.equal(reasonOf({ rawBody: tampered }), 'bad-signature', `byte ${index}`);
		}
		assert.equal(reasonOf({ rawBody: Buffer.concat([body, Buffer.from('\n')]) }), 'bad-signature');
	});

	it('refuses the same event pretty-printed when Zoom signed it compact', () => {
		const pretty = JSON.stringify(JSON.parse(BODY_STARTED), null, 2);
		assert.equal(reasonOf({ rawBody: Buffer.from(pretty) }), 'bad-signature');
	});

	it('enforces the timestamp tolerance in both directions, inclusive', () => {
		assert.equal(reasonOf({ nowMs: NOW_MS + 300_000 }), 'valid');
		assert.equal(reasonOf({ nowMs: NOW_MS + 300_999 }), 'valid');
		assert.equal(reasonOf({ nowMs: NOW_MS + 301_000 }), 'stale-timestamp');
		assert.equal(reasonOf({ nowMs: NOW_MS - 300_000 }), 'valid');
		assert.equal(reasonOf({ nowMs: NOW_MS - 301_000 }), 'future-timestamp');
		assert.equal(reasonOf({ nowMs: NOW_MS + 3_600_000, toleranceSeconds: 3600 }), 'valid');
		assert.equal(reasonOf({ nowMs: NOW_MS + 31_000, toleranceSeconds: 30 }), 'stale-timestamp');
	});

	it('reads a millisecond timestamp as milliseconds', () => {
		const timestamp = `${TIMESTAMP}000`;
		const signature = zoomSignature(SECRET, timestamp, BODY_STARTED);
		assert.equal(reasonOf({ timestamp, signature }), 'valid');
		assert.equal(reasonOf({ timestamp, signature, nowMs: NOW_MS + 600_000 }), 'stale-timestamp');
	});

	it('checks the signature before the clock, so only signed requests are called stale', () => {
		assert.equal(reasonOf({ nowMs: NOW_MS + 3_600_000, secret: 'other-secret' }), 'bad-signature');
	});

	it('refuses bodies over the limit before computing anything', () => {
		const size = Buffer.byteLength(BODY_STARTED);
		assert.equal(reasonOf({ maxBodyBytes: size }), 'valid');
		assert.equal(reasonOf({ maxBodyBytes: size - 1 }), 'body-too-large');
	});

	it('never throws, whatever it is given', () => {
		const odd = [
			{ rawBody: undefined as unknown as Buffer },
			{ rawBody: 'text' as unknown as Buffer },
			{ secret: 42 as unknown as string },
			{ signature: 42 as unknown as string },
			{ timestamp: {} as unknown as string },
			{ nowMs: Number.NaN },
			{ toleranceSeconds: Number.NaN },
		];
		for (const overrides of odd) {
			const verdict = verifyZoomRequest(request(overrides));
			assert.equal(verdict.valid, false, JSON.stringify(overrides));
		}
	});

	it('answers every refusal with a 4xx/5xx and a short reason', () => {
		for (const [reason, refusal] of Object.entries(REFUSALS)) {
			assert.ok(refusal.status >= 400, reason);
			assert.ok(refusal.message.length > 0 && refusal.message.length < 60, reason);
		}
		assert.equal(REFUSALS['bad-signature'].status, 401);
		assert.equal(REFUSALS['stale-timestamp'].status, 401);
	});
});
