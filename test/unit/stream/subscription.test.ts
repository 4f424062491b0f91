import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { readFrame } from '../../../nodes/ZoomTicketingStreamTrigger/frames';
import { gapMarker } from '../../../nodes/ZoomTicketingStreamTrigger/gap';
import { parseSubscription, socketUrlWithToken, SubscriptionError } from '../../../nodes/ZoomTicketingStreamTrigger/subscription';
import { normalizeZoomEvent } from '../../../nodes/ZoomTicketingTrigger/normalize';

const zoom = { environment: 'zoom' };
const gov = { environment: 'zoomGov' };
const custom = { environment: 'custom', oauthBaseUrl: 'http://127.0.0.1:7575/' };

describe('Subscription field', () => {
	it("takes the endpoint URL Zoom shows, or the bare ID on the environment's socket host", () => {
		assert.deepEqual(parseSubscription(' wss://ws.zoom.us/ws?subscriptionId=AbC_12-xyz ', zoom), {
			url: 'wss://ws.zoom.us/ws?subscriptionId=AbC_12-xyz',
			subscriptionId: 'AbC_12-xyz',
		});
		assert.equal(parseSubscription('AbC_12-xyz', zoom).url, 'wss://ws.zoom.us/ws?subscriptionId=AbC_12-xyz');
		assert.equal(parseSubscription('AbC_12-xyz', gov).url, 'wss://ws.zoomgov.com/ws?subscriptionId=AbC_12-xyz');
		assert.equal(parseSubscription('AbC_12-xyz', custom).url, 'ws://127.0.0.1:7575/ws?subscriptionId=AbC_12-xyz');
		assert.equal(parseSubscription('ws://127.0.0.1:9/ws?subscriptionId=AbC_12-xyz', custom).url, 'ws://127.0.0.1:9/ws?subscriptionId=AbC_12-xyz');
	});

	const refusals: Array<[string, Record<string, string>, RegExp]> = [
		['', zoom, /is empty/],
		['has spaces in it', zoom, /neither a wss:\/\/ endpoint URL nor a subscription ID/],
		['abc', zoom, /neither/],
		['https://ws.zoom.us/ws?subscriptionId=AbC_12-xyz', zoom, /must be a wss:\/\/ URL \(got https:\/\/\)/],
		['ws://ws.zoom.us/ws?subscriptionId=AbC_12-xyz', zoom, /must be a wss:\/\/ URL/],
		['wss://ws.zoom.us.evil.example/ws?subscriptionId=AbC_12-xyz', zoom, /not a Zoom host/],
		['wss://ws.zoom.us/ws?subscriptionId=AbC_12-xyz', gov, /not a Zoom host/],
		['wss://ws.zoom.us/ws', zoom, /has no subscriptionId/],
		['wss://ws.zoom.us/ws?subscriptionId=a%20b', zoom, /subscriptionId that is not valid/],
		['wss://ws.zoom.us/ws?subscriptionId=AbC_12-xyz&access_token=secret', zoom, /contains an access_token/],
	];
	for (const [value, credentials, message] of refusals) {
		it(`refuses ${JSON.stringify(value)} saying what is wrong`, () => {
			assert.throws(() => parseSubscription(value, credentials), (error: Error) => error instanceof SubscriptionError && message.test(error.message));
		});
	}

	it('puts the token into the query string, where Zoom requires it', () => {
		const endpoint = parseSubscription('AbC_12-xyz', zoom);
		assert.equal(socketUrlWithToken(endpoint, 'a.b+c'), 'wss://ws.zoom.us/ws?subscriptionId=AbC_12-xyz&access_token=a.b%2Bc');
	});
});

describe('Frames from Zoom', () => {
	it('reads every documented frame', () => {
		assert.deepEqual(readFrame('{"module":"build_connection","success":true,"content":"ok"}'), { kind: 'connected' });
		assert.deepEqual(readFrame('{"module":"heartbeat","success":true,"content":"live","header":{}}'), { kind: 'heartbeat' });
		const body = { event: 'meeting.started', event_ts: 1, payload: { account_id: 'a', object: { id: 1 } } };
		assert.deepEqual(readFrame(JSON.stringify({ module: 'message', content: JSON.stringify(body), header: {} })), { kind: 'event', body });
	});

	it('tells token trouble, a refused subscription and a takeover apart', () => {
		for (const content of ['token is empty', 'Invalid Token', 'Token is invalid']) {
			assert.deepEqual(readFrame(JSON.stringify({ module: 'build_connection', success: false, content })), { kind: 'refused', reason: content, cause: 'token' });
		}
		assert.equal((readFrame('{"module":"build_connection","success":false,"content":"Invalid subscriptionId"}') as { cause: string }).cause, 'subscription');
		assert.equal((readFrame('{"module":"build_connection","success":false,"content":"busy"}') as { cause: string }).cause, 'other');
		assert.deepEqual(readFrame('{"module":"heartbeat","success":false,"content":"Invalid Token"}'), { kind: 'tokenInvalid', reason: 'Invalid Token' });
		assert.equal(readFrame('{"module":"build_connection","success":false,"content":"Connected in another place"}').kind, 'replaced');
	});

	it('reads an event whose text contains control wording as an event, never as a takeover or token trouble', () => {
		for (const name of ['Connected in another place', 'Invalid Token', 'token expired']) {
			const body = { event: 'meeting.registration_created', event_ts: 1, payload: { object: { registrant: { first_name: name } } } };
			assert.deepEqual(readFrame(JSON.stringify({ module: 'message', success: false, content: JSON.stringify(body) })), { kind: 'event', body });
		}
		assert.equal(readFrame('{"module":"message","content":"Connected in another place"}').kind, 'unreadable');
		assert.deepEqual(readFrame('{"module":"notice","success":false,"content":"Invalid Token"}'), { kind: 'other', module: 'notice' });
	});

	it('cuts a long reason from a control frame to about 200 characters', () => {
		const frame = readFrame(JSON.stringify({ module: 'build_connection', success: false, content: `Connected in another place ${'x'.repeat(1000)}` }));
		assert.equal(frame.kind, 'replaced');
		assert.ok((frame as { reason: string }).reason.length <= 201, `reason length ${(frame as { reason: string }).reason.length}`);
	});

	it('never throws on frames it cannot use', () => {
		assert.equal(readFrame('not json').kind, 'unreadable');
		assert.equal(readFrame('42').kind, 'unreadable');
		assert.equal(readFrame('{"module":"message","content":"{broken"}').kind, 'unreadable');
		assert.equal(readFrame('{"module":"message","content":"{\\"payload\\":{}}"}').kind, 'unreadable');
		assert.deepEqual(readFrame('{"module":"something_new","success":true}'), { kind: 'other', module: 'something_new' });
	});
});

describe('Gap marker', () => {
	it('has the keys of an event item, the window as startTime/endTime and a stable eventId', () => {
		const marker = gapMarker('AbC_12-xyz', Date.UTC(2026, 11, 3, 19, 0, 0), Date.UTC(2026, 11, 3, 19, 0, 7, 500), 'the connection closed (code 1006)');
		const event = normalizeZoomEvent({ event: 'meeting.started', event_ts: 1, payload: { object: {} } });
		assert.deepEqual(Object.keys(marker).filter((key) => key !== 'gap').sort(), Object.keys(event).sort());
		assert.equal(marker.event, 'stream.gap');
		assert.equal(marker.startTime, '2026-12-03T19:00:00.000Z');
		assert.equal(marker.endTime, '2026-12-03T19:00:07.500Z');
		assert.deepEqual(marker.gap, {
			from: '2026-12-03T19:00:00.000Z',
			to: '2026-12-03T19:00:07.500Z',
			seconds: 7.5,
			reason: 'the connection closed (code 1006)',
			subscriptionId: 'AbC_12-xyz',
		});
		assert.equal(gapMarker('AbC_12-xyz', 1000, 2000, 'x').eventId, gapMarker('AbC_12-xyz', 1000, 2000, 'y').eventId);
		assert.notEqual(gapMarker('AbC_12-xyz', 1000, 2000, 'x').eventId, gapMarker('AbC_12-xyz', 1001, 2000, 'x').eventId);
	});
});
