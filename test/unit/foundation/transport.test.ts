import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { explainZoomError } from '../../../nodes/ZoomTicketing/transport/errors';
import { backoffMs, parseRetryAfter, readRateLimit, withJitter } from '../../../nodes/ZoomTicketing/transport/rateLimit';
import { encodeZoomUuid } from '../../../nodes/ZoomTicketing/transport/uuid';
import { apiBaseUrl, oauthBaseUrl } from '../../../nodes/ZoomTicketing/transport/urls';

describe('UUIDs in paths', () => {
	test('double-encoded when they begin with / or contain //, else encoded once', () => {
		assert.equal(encodeZoomUuid('/ajXp112QmuoKj4854875=='), '%252FajXp112QmuoKj4854875%253D%253D');
		assert.equal(encodeZoomUuid('ab//cd=='), 'ab%252F%252Fcd%253D%253D');
		assert.equal(encodeZoomUuid('4444AAAiAAAAAiAiAiiAii=='), '4444AAAiAAAAAiAiAiiAii%3D%3D');
		assert.equal(encodeZoomUuid('a/b+c'), 'a%2Fb%2Bc');
	});
});

describe('rate limits', () => {
	const now = Date.parse('2026-12-01T12:00:00Z');

	test('Retry-After in seconds or as a date', () => {
		assert.equal(parseRetryAfter('2', now), 2000);
		assert.equal(parseRetryAfter('2026-12-02T00:00:00Z', now), 12 * 3600 * 1000);
		assert.equal(parseRetryAfter('Wed, 02 Dec 2026 00:00:00 GMT', now), 12 * 3600 * 1000);
		assert.equal(parseRetryAfter(undefined, now), undefined);
		assert.equal(parseRetryAfter('soon', now), undefined);
	});

	test('per-second limits wait as told; daily limits are recognised with their reset', () => {
		const perSecond = readRateLimit({ 'retry-after': '1', 'x-ratelimit-type': 'QPS', 'x-ratelimit-category': 'Heavy' }, {}, now);
		assert.equal(perSecond.daily, false);
		assert.equal(perSecond.waitMs, 1000);
		const daily = readRateLimit(
			{ 'retry-after': '2026-12-02T00:00:00Z', 'x-ratelimit-type': 'Daily-limit', 'x-ratelimit-category': 'Light', 'x-ratelimit-limit': '100' },
			{ message: 'You have exceeded the daily rate limit' },
			now,
		);
		assert.equal(daily.daily, true);
		assert.equal(daily.retryAt?.toISOString(), '2026-12-02T00:00:00.000Z');
		assert.equal(daily.limit, '100');
		assert.equal(readRateLimit({}, { message: 'daily rate limit' }, now).waitMs, Number.POSITIVE_INFINITY);
		assert.equal(readRateLimit({ 'x-ratelimit-remaining': '0' }, {}, now).waitMs, 1000);
	});

	test('jitter and backoff stay within their bounds', () => {
		assert.equal(withJitter(1000, () => 0), 1000);
		assert.equal(withJitter(1000, () => 1), 1250);
		assert.equal(backoffMs(0, () => 0), 250);
		assert.equal(backoffMs(0, () => 1), 500);
		assert.equal(backoffMs(10, () => 1), 8000, 'capped');
	});
});

describe('Zoom errors explained', () => {
	test('124: reconnect the credential', () => {
		const { message, description } = explainZoomError(401, { code: 124, message: 'Invalid access token.' });
		assert.match(message, /access token \(code 124\)/);
		assert.match(description, /reconnect/);
	});

	test('4700 and 4711: the missing scope is named', () => {
		const { message, description } = explainZoomError(400, {
			code: 4711,
			message: 'Invalid access token, does not contain scopes:[meeting:write:meeting, meeting:write:meeting:admin].',
		});
		assert.match(message, /missing the scope meeting:write:meeting or meeting:write:meeting:admin/);
		assert.match(description, /App Marketplace/);
		assert.match(explainZoomError(403, { code: 4700, message: 'Invalid access token, does not contain scopes:[meeting:read:meeting].' }).message, /meeting:read:meeting/);
	});

	test('3001: not found, with what to check', () => {
		const { message, description } = explainZoomError(404, { code: 3001, message: 'Meeting does not exist: 123.' });
		assert.match(message, /could not find it \(code 3001\): Meeting does not exist: 123\./);
		assert.match(description, /deleted/);
	});

	test('300: the field is named', () => {
		const { message } = explainZoomError(400, {
			code: 300,
			message: 'Validation Failed.',
			errors: [{ field: 'settings.approval_type', message: 'must be equal to one of the allowed values' }],
		});
		assert.match(message, /field "settings\.approval_type" \(must be equal to one of the allowed values\) \(code 300\)/);
	});
});

describe('environments', () => {
	test('Zoom, Zoom for Government and custom base URLs', () => {
		assert.equal(apiBaseUrl({ environment: 'zoom' }), 'https://api.zoom.us/v2');
		assert.equal(oauthBaseUrl({ environment: 'zoom' }), 'https://zoom.us');
		assert.equal(apiBaseUrl({ environment: 'zoomGov' }), 'https://api.zoomgov.com/v2');
		assert.equal(oauthBaseUrl({ environment: 'zoomGov' }), 'https://zoomgov.com');
		assert.equal(apiBaseUrl({ environment: 'custom', apiBaseUrl: 'http://127.0.0.1:7575/v2/' }), 'http://127.0.0.1:7575/v2');
		assert.equal(oauthBaseUrl({ environment: 'custom', oauthBaseUrl: 'http://127.0.0.1:7575' }), 'http://127.0.0.1:7575');
	});
});
