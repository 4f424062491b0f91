import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { assertDateTimeUtc, assertEnum, assertInteger, InvalidParameterError } from '../helpers/validation';

const WEEK_DAYS = [
	{ name: 'Sunday', value: '1' },
	{ name: 'Monday', value: '2' },
	{ name: 'Tuesday', value: '3' },
	{ name: 'Wednesday', value: '4' },
	{ name: 'Thursday', value: '5' },
	{ name: 'Friday', value: '6' },
	{ name: 'Saturday', value: '7' },
];

/** Zoom's longest repeat interval per recurrence type: 90 days, 12 weeks, 3 months. */
const MAX_INTERVAL: Record<number, number> = { 1: 90, 2: 12, 3: 3 };

/** The recurrence object of a webinar of type 9 (recurring with a fixed time). */
export const webinarRecurrenceField: INodeProperties = {
	displayName: 'Recurrence',
	name: 'recurrence',
	type: 'collection',
	placeholder: 'Add Recurrence Field',
	default: {},
	options: [
		{
			displayName: 'End After (Occurrences)',
			name: 'end_times',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 60, numberPrecision: 0 },
			default: 1,
			description: 'How many times it recurs (up to 60); do not combine with End Date',
		},
		{
			displayName: 'End Date',
			name: 'end_date_time',
			type: 'dateTime',
			default: '',
			description: 'Last date it recurs; do not combine with End After',
		},
		{
			displayName: 'Monthly Day',
			name: 'monthly_day',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 31, numberPrecision: 0 },
			default: 1,
			description: 'Day of the month, for monthly recurrence',
		},
		{
			displayName: 'Monthly Week',
			name: 'monthly_week',
			type: 'options',
			options: [
				{ name: 'First', value: 1 },
				{ name: 'Second', value: 2 },
				{ name: 'Third', value: 3 },
				{ name: 'Fourth', value: 4 },
				{ name: 'Last', value: -1 },
			],
			default: 1,
			description: 'Week of the month, for monthly recurrence by weekday (use with Monthly Week Day)',
		},
		{
			displayName: 'Monthly Week Day',
			name: 'monthly_week_day',
			type: 'options',
			options: WEEK_DAYS.map(({ name, value }) => ({ name, value: Number(value) })),
			default: 2,
		},
		{
			displayName: 'Repeat Every',
			name: 'repeat_interval',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 90, numberPrecision: 0 },
			default: 1,
			description: 'Interval in days (up to 90), weeks (up to 12) or months (up to 3)',
		},
		{
			displayName: 'Repeat Type',
			name: 'type',
			type: 'options',
			options: [
				{ name: 'Daily', value: 1 },
				{ name: 'Weekly', value: 2 },
				{ name: 'Monthly', value: 3 },
			],
			default: 2,
		},
		{
			displayName: 'Weekly Days',
			name: 'weekly_days',
			type: 'multiOptions',
			options: WEEK_DAYS,
			default: [],
			description: 'Days of the week, for weekly recurrence',
		},
	],
};

/** Validates the Recurrence collection against Zoom's rules and builds Zoom's recurrence object. */
export function buildRecurrence(values: IDataObject, timezone?: string): IDataObject {
	const type = assertEnum(values.type ?? 2, 'Recurrence > Repeat Type', [1, 2, 3]);
	const recurrence: IDataObject = { type };
	if (values.repeat_interval !== undefined) {
		recurrence.repeat_interval = assertInteger(values.repeat_interval, 'Recurrence > Repeat Every', { min: 1, max: MAX_INTERVAL[type] });
	}
	if (type === 2) {
		const days = Array.isArray(values.weekly_days) ? (values.weekly_days as string[]) : [];
		if (days.length === 0) {
			throw new InvalidParameterError('Recurrence > Weekly Days', 'weekly recurrence needs at least one day', 'one or more days of the week');
		}
		recurrence.weekly_days = days.map((day) => assertEnum(String(day), 'Recurrence > Weekly Days', ['1', '2', '3', '4', '5', '6', '7'])).join(',');
	}
	if (type === 3) {
		const byWeek = values.monthly_week !== undefined || values.monthly_week_day !== undefined;
		if (byWeek && values.monthly_day !== undefined) {
			throw new InvalidParameterError('Recurrence > Monthly Day', 'a day of the month and a week day were both given', 'either Monthly Day, or Monthly Week with Monthly Week Day');
		}
		if (byWeek) {
			recurrence.monthly_week = assertEnum(values.monthly_week ?? 1, 'Recurrence > Monthly Week', [-1, 1, 2, 3, 4]);
			recurrence.monthly_week_day = assertEnum(values.monthly_week_day ?? 2, 'Recurrence > Monthly Week Day', [1, 2, 3, 4, 5, 6, 7]);
		} else {
			recurrence.monthly_day = assertInteger(values.monthly_day ?? 1, 'Recurrence > Monthly Day', { min: 1, max: 31 });
		}
	}
	const hasEndDate = values.end_date_time !== undefined && values.end_date_time !== '';
	if (hasEndDate && values.end_times !== undefined) {
		throw new InvalidParameterError('Recurrence > End Date', 'both an end date and a number of occurrences were given', 'either End Date or End After');
	}
	if (hasEndDate) recurrence.end_date_time = assertDateTimeUtc(values.end_date_time, 'Recurrence > End Date', timezone);
	else recurrence.end_times = assertInteger(values.end_times ?? 1, 'Recurrence > End After (Occurrences)', { min: 1, max: 60 });
	return recurrence;
}

/**
 * What an event page needs from a webinar, next to Zoom's full answer: the join link, passcode,
 * registration link and dial-in numbers. `start_url` is for the host only.
 */
export function webinarEventPage(webinar: IDataObject): IDataObject {
	const settings = (webinar.settings ?? {}) as IDataObject;
	const { start_url: startUrl, ...rest } = webinar;
	return {
		...rest,
		joinUrl: webinar.join_url ?? null,
		passcode: webinar.password ?? null,
		registrationUrl: webinar.registration_url ?? null,
		dialInNumbers: settings.global_dial_in_numbers ?? [],
		...(startUrl ? { hostOnly: { startUrl } } : {}),
	};
}
