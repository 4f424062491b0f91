import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { buildMeetingSettings } from '../../../nodes/ZoomTicketing/descriptions/meetingSettings';
import { buildRecurrence } from '../../../nodes/ZoomTicketing/descriptions/recurrence';
import { InvalidParameterError } from '../../../nodes/ZoomTicketing/helpers/validation';

const reader = (values: Record<string, unknown>) => (name: string, fallback?: unknown) => (name in values ? values[name] : fallback);

describe('recurrence', () => {
	test('weekly on chosen days, ending after a count', () => {
		assert.deepEqual(buildRecurrence(reader({ recurrenceType: 2, repeatInterval: 2, weeklyDays: ['6', '2', '2'], recurrenceEnd: 'count', endTimes: 8 })), {
			type: 2,
			repeat_interval: 2,
			weekly_days: '2,6',
			end_times: 8,
		});
	});

	test('monthly by weekday, ending by a local date in the meeting zone', () => {
		assert.deepEqual(
			buildRecurrence(
				reader({ recurrenceType: 3, repeatInterval: 1, monthlyBy: 'week', monthlyWeek: -1, monthlyWeekDay: 6, recurrenceEnd: 'date', endDateTime: '2027-06-30T23:59:00' }),
				'America/New_York',
			),
			{ type: 3, repeat_interval: 1, monthly_week: -1, monthly_week_day: 6, end_date_time: '2027-07-01T03:59:00Z' },
		);
		assert.deepEqual(buildRecurrence(reader({ recurrenceType: 3, monthlyBy: 'day', monthlyDay: 15, endTimes: 3 })), {
			type: 3,
			repeat_interval: 1,
			monthly_day: 15,
			end_times: 3,
		});
	});

	test('refuses what Zoom would refuse', () => {
		assert.throws(() => buildRecurrence(reader({ recurrenceType: 2, weeklyDays: [] })), /at least one day/);
		assert.throws(() => buildRecurrence(reader({ recurrenceType: 1, repeatInterval: 91 })), /91 is out of range/);
		assert.throws(() => buildRecurrence(reader({ recurrenceType: 3, repeatInterval: 4 })), /4 is out of range/);
		assert.throws(() => buildRecurrence(reader({ recurrenceType: 1, endTimes: 61 })), InvalidParameterError);
		assert.throws(() => buildRecurrence(reader({ recurrenceType: 4 })), /Repeat/);
	});
});

describe('meeting settings', () => {
	test('collections become Zoom\'s nested objects', () => {
		assert.deepEqual(
			buildMeetingSettings({
				waiting_room: true,
				join_before_host: false,
				approval_type: 1,
				alternative_hosts: 'a@example.com, b@example.com',
				approved_or_denied_countries_or_regions: { value: { method: 'deny', countries: 'ru, kp' } },
				authentication_exception: { participant: [{ name: 'Guest', email: 'guest@example.com' }] },
				meeting_invitees: 'x@example.com',
				question_and_answer: { value: { enable: true, allow_anonymous_questions: true } },
				sign_language_interpretation: { interpreter: [{ email: 'sl@example.com', sign_language: 'American' }] },
				contact_name: '  ',
			}),
			{
				waiting_room: true,
				join_before_host: false,
				approval_type: 1,
				alternative_hosts: 'a@example.com;b@example.com',
				approved_or_denied_countries_or_regions: { enable: true, method: 'deny', denied_list: ['RU', 'KP'] },
				authentication_exception: [{ name: 'Guest', email: 'guest@example.com' }],
				meeting_invitees: [{ email: 'x@example.com' }],
				question_and_answer: { enable: true, allow_anonymous_questions: true },
				sign_language_interpretation: { enable: true, interpreters: [{ email: 'sl@example.com', sign_language: 'American' }] },
			},
		);
	});

	test('bad values name the setting', () => {
		assert.throws(() => buildMeetingSettings({ jbh_time: 7 }), /"Join Before Host Time"/);
		assert.throws(() => buildMeetingSettings({ contact_email: 'nobody' }), /"Contact Email"/);
		assert.throws(() => buildMeetingSettings({ global_dial_in_countries: 'USA' }), /"USA" is not a country code/);
		assert.throws(() => buildMeetingSettings({ language_interpretation: { interpreter: [{ email: 'i@example.com', languages: 'US' }] } }), /not a language pair/);
		assert.throws(() => buildMeetingSettings({ breakout_room: { room: [{ name: '', participants: '' }] } }), /a room has no name/);
	});
});
