import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
	assertEmail,
	assertEmailList,
	assertEnum,
	assertInteger,
	assertOccurrenceId,
	assertStartTime,
	assertTimeZone,
	compact,
	InvalidParameterError,
	parseMeetingReference,
} from '../../../nodes/ZoomTicketing/helpers/validation';

function refusal(run: () => unknown): InvalidParameterError {
	try {
		run();
	} catch (error) {
		assert.ok(error instanceof InvalidParameterError, `expected InvalidParameterError, got ${String(error)}`);
		return error;
	}
	assert.fail('expected a refusal');
}

describe('meeting references', () => {
	test('IDs as Zoom prints them', () => {
		assert.equal(parseMeetingReference('857 4606 5432', 'Meeting').id, '85746065432');
		assert.equal(parseMeetingReference('857-4606-5432', 'Meeting').id, '85746065432');
		assert.equal(parseMeetingReference(85746065432, 'Meeting').id, '85746065432');
	});

	test('join URLs on zoom.us, vanity subdomains and Zoom for Government', () => {
		assert.deepEqual(parseMeetingReference('https://zoom.us/j/85746065432?pwd=abc123', 'Meeting'), {
			id: '85746065432',
			host: 'zoom.us',
			passcode: 'abc123',
		});
		assert.equal(parseMeetingReference('https://acme-events.zoom.us/j/85746065432', 'Meeting').id, '85746065432');
		assert.equal(parseMeetingReference('https://us06web.zoom.us/w/85746065432?tk=x', 'Meeting').id, '85746065432');
		assert.equal(parseMeetingReference('https://zoomgov.com/j/1612345678', 'Meeting').id, '1612345678');
		assert.equal(parseMeetingReference('https://agency.zoomgov.com/j/1612345678?pwd=z', 'Meeting').passcode, 'z');
		assert.equal(parseMeetingReference('zoom.us/j/85746065432', 'Meeting').id, '85746065432');
		assert.equal(parseMeetingReference('https://zoom.us/wc/join/85746065432', 'Meeting').id, '85746065432');
		assert.equal(parseMeetingReference('https://zoom.us/meeting/register/85746065432', 'Meeting').id, '85746065432');
	});

	test('refuses what is not a Zoom meeting, naming the parameter and what is allowed', () => {
		const notZoom = refusal(() => parseMeetingReference('https://zoom.us.evil.com/j/85746065432', 'Meeting'));
		assert.equal(notZoom.parameter, 'Meeting');
		assert.match(notZoom.message, /not a Zoom domain/);
		assert.match(notZoom.allowed, /numeric meeting ID/);
		assert.match(refusal(() => parseMeetingReference('https://zoom.us/my/jane.doe', 'Meeting')).message, /no meeting ID found/);
		assert.match(refusal(() => parseMeetingReference('12345', 'Meeting')).message, /has 5 digits; meeting IDs have 9 to 12/);
		assert.match(refusal(() => parseMeetingReference('', 'Meeting')).message, /required/);
	});
});

describe('time zones and start times', () => {
	test('IANA zones only', () => {
		assert.equal(assertTimeZone('Europe/Berlin', 'Time Zone'), 'Europe/Berlin');
		assert.equal(assertTimeZone('America/Argentina/Buenos_Aires', 'Time Zone'), 'America/Argentina/Buenos_Aires');
		assert.match(refusal(() => assertTimeZone('CEST+2', 'Time Zone')).message, /not an IANA time zone/);
		assert.match(refusal(() => assertTimeZone('Mars/Olympus_Mons', 'Time Zone')).message, /not an IANA time zone/);
	});

	test('start times go out in UTC, local ones read in the meeting zone (DST included)', () => {
		assert.equal(assertStartTime('2026-07-01T10:00:00', 'Start Time', 'Europe/Berlin'), '2026-07-01T08:00:00Z');
		assert.equal(assertStartTime('2026-12-01T10:00:00', 'Start Time', 'Europe/Berlin'), '2026-12-01T09:00:00Z');
		assert.equal(assertStartTime('2026-12-01T10:00:00+05:30', 'Start Time', 'Europe/Berlin'), '2026-12-01T04:30:00Z');
		assert.equal(assertStartTime('2026-12-01T10:00:00.000Z', 'Start Time'), '2026-12-01T10:00:00Z');
		assert.equal(assertStartTime(new Date('2026-12-01T10:00:00Z'), 'Start Time'), '2026-12-01T10:00:00Z');
	});

	test('refuses non-ISO and impossible dates', () => {
		assert.match(refusal(() => assertStartTime('01/12/2026 10:00', 'Start Time')).message, /not an ISO 8601/);
		assert.match(refusal(() => assertStartTime('2026-02-30T10:00:00', 'Start Time')).message, /not a valid date/);
		assert.match(refusal(() => assertStartTime('', 'Start Time')).message, /required/);
	});
});

describe('emails, integers, enums, occurrences', () => {
	test('emails', () => {
		assert.equal(assertEmail(' ana@example.com ', 'Email'), 'ana@example.com');
		assert.match(refusal(() => assertEmail('ana@', 'Email')).message, /not an email address/);
		assert.equal(assertEmailList('a@example.com, b@example.org;c@example.net', 'Alternative Hosts'), 'a@example.com;b@example.org;c@example.net');
		assert.match(refusal(() => assertEmailList('a@example.com, nope', 'Alternative Hosts')).message, /"nope" is not an email/);
	});

	test('integer ranges', () => {
		assert.equal(assertInteger('45', 'Duration', { min: 1, max: 1440 }), 45);
		const outOfRange = refusal(() => assertInteger(0, 'Duration', { min: 1, max: 1440 }));
		assert.match(outOfRange.message, /0 is out of range/);
		assert.equal(outOfRange.allowed, 'a whole number from 1 to 1440');
		assert.match(refusal(() => assertInteger(1.5, 'Duration')).message, /not a whole number/);
	});

	test('enums list what is allowed', () => {
		assert.equal(assertEnum(0, 'Approval Type', [0, 1, 2]), 0);
		assert.equal(refusal(() => assertEnum(3, 'Approval Type', [0, 1, 2])).allowed, 'one of 0, 1, 2');
	});

	test('occurrence ids are epoch milliseconds', () => {
		assert.equal(assertOccurrenceId('1748772000000', 'Occurrence ID'), '1748772000000');
		assert.match(refusal(() => assertOccurrenceId('next-week', 'Occurrence ID')).message, /not an occurrence ID/);
	});

	test('compact keeps false and 0, drops empty values and empty objects', () => {
		assert.deepEqual(compact({ a: false, b: 0, c: '', d: undefined, e: { f: '' }, g: { h: 1 } }), { a: false, b: 0, g: { h: 1 } });
	});
});
