import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { getEventTarget, eventTargetFields, type EventTarget } from '../../descriptions/webinarOrMeeting';
import {
	AttendanceAccumulator,
	sessionFromReportRow,
	type AttendanceThreshold,
	type Registrant,
	type ZoomParticipantRow,
} from '../../helpers/attendance';
import { assertEnum, InvalidParameterError } from '../../helpers/validation';
import { zoomApiRequest, zoomApiRequestAllItems } from '../../transport';
import { forEachParticipantPage, isNotFound, occurrenceFields, resolveOccurrences, withReportReady, type Occurrence } from './common';

const properties: INodeProperties[] = [
	...eventTargetFields().map((field) =>
		field.name === 'eventType' ? { ...field, default: 'meeting', description: 'Whether to summarise a meeting or a webinar' } : field,
	),
	...occurrenceFields(true),
	{
		displayName: 'Attended When',
		name: 'attendedWhen',
		type: 'options',
		options: [
			{ name: 'Present at Any Time', value: 'anyTime', description: 'Anyone who was in the meeting for any time' },
			{ name: 'Present for a Minimum Number of Minutes', value: 'minutes' },
			{ name: 'Present for a Minimum Share of the Scheduled Duration', value: 'percent' },
		],
		default: 'anyTime',
		description: 'Rule for the "attended" flag of each person, e.g. for participation certificates',
	},
	{
		displayName: 'Minimum Minutes',
		name: 'minimumMinutes',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 30,
		description: 'Minutes a person must have been present (sessions merged) to count as attended',
		displayOptions: { show: { attendedWhen: ['minutes'] } },
	},
	{
		displayName: 'Minimum Percent',
		name: 'minimumPercent',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 100, numberPrecision: 2 },
		default: 75,
		description: 'Percentage of the scheduled duration a person must have been present to count as attended',
		displayOptions: { show: { attendedWhen: ['percent'] } },
	},
	{
		displayName: 'Include Absent Registrants',
		name: 'includeAbsent',
		type: 'boolean',
		default: false,
		description:
			"Whether to add registrants who never joined, marked as absent (meetings: the approved registrants; webinars: Zoom's absentee report)",
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Scheduled Duration (Minutes)',
				name: 'scheduledDuration',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 60,
				description:
					'Duration to measure the share of attendance against. By default, the duration the meeting or webinar is scheduled for in Zoom.',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['attendanceSummary'] } }, properties);

function readThreshold(this: IExecuteFunctions, itemIndex: number): AttendanceThreshold | undefined {
	const rule = assertEnum(this.getNodeParameter('attendedWhen', itemIndex), 'Attended When', ['anyTime', 'minutes', 'percent'] as const);
	if (rule === 'anyTime') return undefined;
	if (rule === 'minutes') {
		return { unit: 'minutes', value: assertNumber(this.getNodeParameter('minimumMinutes', itemIndex), 'Minimum Minutes', 0) };
	}
	return { unit: 'percent', value: assertNumber(this.getNodeParameter('minimumPercent', itemIndex), 'Minimum Percent', 0, 100) };
}

function assertNumber(value: unknown, parameter: string, min: number, max?: number): number {
	const allowed = max === undefined ? `a number of at least ${min}` : `a number from ${min} to ${max}`;
	if (typeof value !== 'number' || !Number.isFinite(value) || value < min || (max !== undefined && value > max)) {
		throw new InvalidParameterError(parameter, `${JSON.stringify(value)} is out of range`, allowed);
	}
	return value;
}

function readScheduledOverride(this: IExecuteFunctions, itemIndex: number): number | undefined {
	const { scheduledDuration } = this.getNodeParameter('options', itemIndex, {}) as { scheduledDuration?: unknown };
	if (scheduledDuration === undefined) return undefined;
	return assertNumber(scheduledDuration, 'Scheduled Duration (Minutes)', 1);
}

interface Schedule {
	minutes?: number;
	hostEmails: string[];
}

/** The scheduled duration and the hosts' addresses, from the meeting or webinar itself. */
async function readSchedule(this: IExecuteFunctions, target: EventTarget, needed: boolean): Promise<Schedule> {
	try {
		const event = (await zoomApiRequest.call(this, 'GET', target.path)) as { duration?: number; host_email?: string; settings?: { alternative_hosts?: string } };
		const alternatives = (event.settings?.alternative_hosts ?? '').split(/[;,]/);
		return {
			minutes: typeof event.duration === 'number' && event.duration > 0 ? event.duration : undefined,
			hostEmails: [event.host_email ?? '', ...alternatives].map((email) => email.trim()).filter(Boolean),
		};
	} catch (error) {
		// A deleted meeting still has a report; only the share of the scheduled time is lost.
		if (!needed && isNotFound(error)) return { hostEmails: [] };
		throw new NodeApiError(this.getNode(), error as JsonObject);
	}
}

async function meetingRegistrants(this: IExecuteFunctions, target: EventTarget): Promise<Registrant[]> {
	const rows = (await zoomApiRequestAllItems.call(this, 'registrants', 'GET', `${target.path}/registrants`, {}, { status: 'approved' })) as IDataObject[];
	return rows.map(toRegistrant);
}

async function webinarAbsentees(this: IExecuteFunctions, occurrence: Occurrence, itemIndex: number): Promise<Registrant[]> {
	const rows = await withReportReady(this, 'webinar', occurrence, itemIndex, async () =>
		await zoomApiRequestAllItems.call(this, 'registrants', 'GET', `/past_webinars/${occurrence.pathId}/absentees`),
	);
	return rows.map(toRegistrant);
}

function toRegistrant(row: IDataObject): Registrant {
	return {
		id: row.id as string | undefined,
		email: row.email as string | undefined,
		firstName: row.first_name as string | undefined,
		lastName: row.last_name as string | undefined,
	};
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const target = getEventTarget.call(this, itemIndex);
	const threshold = readThreshold.call(this, itemIndex);
	const includeAbsent = this.getNodeParameter('includeAbsent', itemIndex) as boolean;
	const override = readScheduledOverride.call(this, itemIndex);

	// The meeting (Light) and its registrants (Medium) are looked up while the report pages
	// (Heavy) are read: they count against other rate-limit categories.
	const lookups = Promise.all([
		readSchedule.call(this, target, threshold?.unit === 'percent' && override === undefined),
		includeAbsent && target.kind === 'meeting' ? meetingRegistrants.call(this, target) : Promise.resolve(undefined),
	]);
	// Awaited below; this only keeps a failure from going unhandled if reading the pages fails first.
	lookups.catch(() => undefined);

	const occurrences = await resolveOccurrences.call(this, target.kind, target.id, itemIndex);
	const collected: Array<{ occurrence: Occurrence; accumulator: AttendanceAccumulator; absentees?: Registrant[] }> = [];
	for (const occurrence of occurrences) {
		const accumulator = new AttendanceAccumulator();
		// Rows are folded in page by page and never kept: only each person's intervals are.
		await forEachParticipantPage.call(this, target.kind, occurrence, itemIndex, (rows) => {
			for (const row of rows) {
				const session = sessionFromReportRow(row as ZoomParticipantRow);
				if (session) accumulator.add(session);
			}
		});
		const absentees = includeAbsent && target.kind === 'webinar' ? await webinarAbsentees.call(this, occurrence, itemIndex) : undefined;
		collected.push({ occurrence, accumulator, absentees });
	}

	const [schedule, registrants] = await lookups;
	const scheduled = override ?? schedule.minutes;
	if (threshold?.unit === 'percent' && scheduled === undefined) {
		throw new NodeOperationError(
			this.getNode(),
			`Zoom did not say how long ${target.kind} ${target.id} was scheduled for, so a percentage cannot be computed`,
			{ itemIndex, description: 'Set Options > Scheduled Duration (Minutes), or use a threshold in minutes.' },
		);
	}

	const results: IDataObject[] = [];
	for (const { occurrence, accumulator, absentees } of collected) {
		const people = accumulator.summarize({
			scheduledMinutes: scheduled,
			threshold,
			registrants: absentees ?? registrants,
			hostEmails: schedule.hostEmails,
		});
		for (const person of people) {
			results.push({
				eventType: target.kind,
				eventId: target.id,
				occurrenceUuid: occurrence.uuid,
				occurrenceStartTime: occurrence.startTime,
				scheduledMinutes: scheduled ?? null,
				...person,
			} as unknown as IDataObject);
		}
	}
	return results;
}
