import type { IDataObject, IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { assertStartTime, assertEnum, assertInteger, InvalidParameterError } from '../helpers/validation';

const WEEKDAYS = [
	{ name: 'Sunday', value: '1' },
	{ name: 'Monday', value: '2' },
	{ name: 'Tuesday', value: '3' },
	{ name: 'Wednesday', value: '4' },
	{ name: 'Thursday', value: '5' },
	{ name: 'Friday', value: '6' },
	{ name: 'Saturday', value: '7' },
];

/**
 * Zoom's `recurrence` object (meetings of type 8, webinars of type 9) as top-level fields shown
 * under `displayOptions`: repeat daily / weekly / monthly, every N, and an end by date or count.
 */
export function recurrenceFields(displayOptions: IDisplayOptions): INodeProperties[] {
	const show = (extra: IDataObject = {}): IDisplayOptions => ({
		...displayOptions,
		show: { ...displayOptions.show, ...extra } as IDisplayOptions['show'],
	});
	return [
		{
			displayName: 'Repeat',
			name: 'recurrenceType',
			type: 'options',
			options: [
				{ name: 'Daily', value: 1 },
				{ name: 'Weekly', value: 2 },
				{ name: 'Monthly', value: 3 },
			],
			default: 2,
			displayOptions: show(),
		},
		{
			displayName: 'Repeat Every',
			name: 'repeatInterval',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 99 },
			default: 1,
			description: 'Days, weeks or months between occurrences (at most 90 days, 12 weeks or 3 months)',
			displayOptions: show(),
		},
		{
			displayName: 'Weekly Days',
			name: 'weeklyDays',
			type: 'multiOptions',
			options: WEEKDAYS,
			default: [],
			description: 'The days of the week the meeting happens on',
			displayOptions: show({ recurrenceType: [2] }),
		},
		{
			displayName: 'Monthly By',
			name: 'monthlyBy',
			type: 'options',
			options: [
				{ name: 'Day of the Month', value: 'day', description: 'E.g. the 15th.' },
				{ name: 'Weekday of a Week', value: 'week', description: 'E.g. the last Friday.' },
			],
			default: 'day',
			displayOptions: show({ recurrenceType: [3] }),
		},
		{
			displayName: 'Day of the Month',
			name: 'monthlyDay',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 31 },
			default: 1,
			displayOptions: show({ recurrenceType: [3], monthlyBy: ['day'] }),
		},
		{
			displayName: 'Week of the Month',
			name: 'monthlyWeek',
			type: 'options',
			options: [
				{ name: 'First', value: 1 },
				{ name: 'Second', value: 2 },
				{ name: 'Third', value: 3 },
				{ name: 'Fourth', value: 4 },
				{ name: 'Last', value: -1 },
			],
			default: 1,
			displayOptions: show({ recurrenceType: [3], monthlyBy: ['week'] }),
		},
		{
			displayName: 'Weekday',
			name: 'monthlyWeekDay',
			type: 'options',
			options: WEEKDAYS.map((day) => ({ name: day.name, value: Number(day.value) })),
			default: 2,
			displayOptions: show({ recurrenceType: [3], monthlyBy: ['week'] }),
		},
		{
			displayName: 'End',
			name: 'recurrenceEnd',
			type: 'options',
			options: [
				{ name: 'After a Number of Occurrences', value: 'count' },
				{ name: 'By Date', value: 'date' },
			],
			default: 'count',
			displayOptions: show(),
		},
		{
			displayName: 'Occurrences',
			name: 'endTimes',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 60 },
			default: 4,
			description: 'How many times the meeting happens (Zoom allows up to 60)',
			displayOptions: show({ recurrenceEnd: ['count'] }),
		},
		{
			displayName: 'End Date',
			name: 'endDateTime',
			type: 'dateTime',
			default: '',
			description: 'The last occurrence is on or before this date',
			displayOptions: show({ recurrenceEnd: ['date'] }),
		},
	];
}

type ParameterReader = (name: string, fallback?: unknown) => unknown;

const MAX_INTERVAL: Record<number, number> = { 1: 90, 2: 12, 3: 3 };

/** Builds and checks Zoom's `recurrence` object from the fields above. */
export function buildRecurrence(read: ParameterReader, timezone?: string): IDataObject {
	const type = assertEnum(Number(read('recurrenceType', 2)), 'Repeat', [1, 2, 3] as const);
	const recurrence: IDataObject = {
		type,
		repeat_interval: assertInteger(read('repeatInterval', 1), 'Repeat Every', { min: 1, max: MAX_INTERVAL[type] }),
	};
	if (type === 2) {
		const days = (read('weeklyDays', []) as Array<string | number>).map(String);
		if (days.length === 0) {
			throw new InvalidParameterError('Weekly Days', 'a weekly meeting needs at least one day', 'one or more days from Sunday to Saturday');
		}
		for (const day of days) assertEnum(day, 'Weekly Days', ['1', '2', '3', '4', '5', '6', '7'] as const);
		recurrence.weekly_days = [...new Set(days)].sort().join(',');
	}
	if (type === 3) {
		if (read('monthlyBy', 'day') === 'week') {
			recurrence.monthly_week = assertEnum(Number(read('monthlyWeek', 1)), 'Week of the Month', [-1, 1, 2, 3, 4] as const);
			recurrence.monthly_week_day = assertEnum(Number(read('monthlyWeekDay', 2)), 'Weekday', [1, 2, 3, 4, 5, 6, 7] as const);
		} else {
			recurrence.monthly_day = assertInteger(read('monthlyDay', 1), 'Day of the Month', { min: 1, max: 31 });
		}
	}
	if (read('recurrenceEnd', 'count') === 'date') {
		recurrence.end_date_time = assertStartTime(read('endDateTime', ''), 'End Date', timezone);
	} else {
		recurrence.end_times = assertInteger(read('endTimes', 4), 'Occurrences', { min: 1, max: 60 });
	}
	return recurrence;
}
