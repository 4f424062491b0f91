import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { limitOf, returnAllOrLimitFields } from '../../descriptions/returnAllOrLimit';
import { eventTargetFields, getEventTarget } from '../../descriptions/webinarOrMeeting';
import { InvalidParameterError, parseMeetingReference, requireString } from '../../helpers/validation';
import { monthWindows } from '../../helpers/recordingWindows';
import { encodeZoomUuid, zoomApiRequestAllItems } from '../../transport';
import { listPastInstances } from '../report/common';
import { getRecording, isNoRecording, type Recording } from './common';

const properties: INodeProperties[] = [
	{
		displayName: 'Recordings Of',
		name: 'source',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'A Meeting or Webinar',
				value: 'event',
				description: 'The cloud recordings of every past occurrence of one meeting or webinar',
			},
			{
				name: 'A User',
				value: 'user',
				description: "A user's cloud recordings between two dates (split into Zoom's one-month windows)",
			},
		],
		default: 'event',
	},
	...updateDisplayOptions(
		{ show: { source: ['event'] } },
		eventTargetFields().map((field) =>
			field.name === 'eventType' ? { ...field, default: 'meeting', description: 'Whether the recordings are of a meeting or a webinar' } : field,
		),
	),
	...updateDisplayOptions({ show: { source: ['user'] } }, [
		{
			displayName: 'User',
			name: 'userId',
			type: 'string',
			required: true,
			default: 'me',
			placeholder: 'e.g. me or host@example.com',
			description: 'The user\'s ID or email address, or "me" for the user of the credential',
		},
		{
			displayName: 'From',
			name: 'from',
			type: 'dateTime',
			required: true,
			default: '',
			description: 'First day to include (UTC)',
		},
		{
			displayName: 'To',
			name: 'to',
			type: 'dateTime',
			required: true,
			default: '',
			description: 'Last day to include (UTC)',
		},
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add filter',
			default: {},
			options: [
				{
					displayName: 'In Trash',
					name: 'trash',
					type: 'boolean',
					default: false,
					description: 'Whether to list the recordings in the trash instead of the current ones',
				},
				{
					displayName: 'Meeting ID',
					name: 'meetingId',
					type: 'string',
					default: '',
					placeholder: 'e.g. 85746065432',
					description: 'Only the recordings of this meeting',
				},
				{
					displayName: 'Trash Type',
					name: 'trashType',
					type: 'options',
					options: [
						{ name: 'Meeting Recordings', value: 'meeting_recordings' },
						{ name: 'Recording Files', value: 'recording_file' },
					],
					default: 'meeting_recordings',
					description: 'With In Trash: whole recordings or single recording files',
				},
			],
		},
	]),
	...returnAllOrLimitFields,
];

export const description = updateDisplayOptions({ show: { resource: ['recording'], operation: ['getMany'] } }, properties);

function readDay(value: unknown, parameter: string): DateTime {
	const text = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value.trim() : '';
	const parsed = DateTime.fromISO(text, { zone: 'utc' });
	if (!text || !parsed.isValid) {
		throw new InvalidParameterError(parameter, `"${text}" is not a date`, 'an ISO 8601 date such as 2026-03-01 (days are UTC)');
	}
	return parsed.toUTC().startOf('day');
}

async function eventRecordings(this: IExecuteFunctions, itemIndex: number, limit: number | undefined): Promise<Recording[]> {
	const target = getEventTarget.call(this, itemIndex);
	const instances = await listPastInstances.call(this, target.kind, target.id);
	const pathIds = instances.length > 0 ? instances.map((instance) => encodeZoomUuid(instance.uuid)) : [target.id];
	const recordings: Recording[] = [];
	for (const pathId of pathIds) {
		if (limit !== undefined && recordings.length >= limit) break;
		try {
			recordings.push(await getRecording.call(this, pathId));
		} catch (error) {
			if (!isNoRecording(error)) throw new NodeApiError(this.getNode(), error as JsonObject);
		}
	}
	return recordings;
}

async function userRecordings(this: IExecuteFunctions, itemIndex: number, limit: number | undefined): Promise<IDataObject[]> {
	const userId = requireString(this.getNodeParameter('userId', itemIndex), 'User');
	const from = readDay(this.getNodeParameter('from', itemIndex), 'From');
	const to = readDay(this.getNodeParameter('to', itemIndex), 'To');
	if (to < from) {
		throw new InvalidParameterError('To', `${to.toISODate()} is before From (${from.toISODate()})`, 'a date on or after From');
	}
	const filters = this.getNodeParameter('filters', itemIndex, {}) as { trash?: boolean; trashType?: string; meetingId?: string };
	const qs: IDataObject = {};
	if (filters.trash) {
		qs.trash = true;
		if (filters.trashType) qs.trash_type = filters.trashType;
	}
	if (filters.meetingId !== undefined && filters.meetingId !== '') {
		qs.meeting_id = Number(parseMeetingReference(filters.meetingId, 'Meeting ID').id);
	}

	const seen = new Set<string>();
	const recordings: IDataObject[] = [];
	// Newest window first, as Zoom lists recordings newest first within a window.
	for (const window of monthWindows(from.toISODate() as string, to.toISODate() as string).reverse()) {
		const remaining = limit === undefined ? undefined : limit - recordings.length;
		if (remaining !== undefined && remaining <= 0) break;
		const page = await zoomApiRequestAllItems.call(
			this,
			'meetings',
			'GET',
			`/users/${encodeURIComponent(userId)}/recordings`,
			{},
			{ ...qs, from: window.from, to: window.to },
			remaining,
		);
		for (const recording of page) {
			const key = String(recording.uuid ?? recording.id);
			if (seen.has(key)) continue;
			seen.add(key);
			recordings.push(recording);
		}
	}
	return recordings;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const source = this.getNodeParameter('source', itemIndex) as 'event' | 'user';
	const limit = limitOf.call(this, itemIndex);
	const recordings =
		source === 'user' ? await userRecordings.call(this, itemIndex, limit) : await eventRecordings.call(this, itemIndex, limit);
	return limit === undefined ? recordings : recordings.slice(0, limit);
}
