import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { hostField, readHost, simplifyField, timeZoneField } from '../../descriptions/event';
import { limitOf, returnAllOrLimitFields } from '../../descriptions/returnAllOrLimit';
import { eventOutput, simplifiedEventOutput } from '../../helpers/eventOutput';
import { assertEnum, assertTimeZone, InvalidParameterError } from '../../helpers/validation';
import { zoomApiRequestAllItems } from '../../transport';


const properties: INodeProperties[] = [
	hostField('meeting', 'Whose meetings to list'),
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: [
			{ name: 'Live', value: 'live', description: 'Meetings in progress' },
			{ name: 'Previous', value: 'previous_meetings', description: 'Meetings that have happened' },
			{ name: 'Scheduled', value: 'scheduled', description: 'Every valid previous, live and upcoming meeting' },
			{ name: 'Upcoming', value: 'upcoming', description: 'Upcoming meetings, including live ones' },
			{ name: 'Upcoming Only', value: 'upcoming_meetings', description: 'Upcoming meetings, without live ones' },
		],
		default: 'upcoming',
	},
	...returnAllOrLimitFields,
	simplifyField('meeting'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{ displayName: 'From', name: 'from', type: 'dateTime', default: '', description: 'Only meetings on or after this date' },
			{ displayName: 'To', name: 'to', type: 'dateTime', default: '', description: 'Only meetings on or before this date' },
			timeZoneField('Time zone of From and To'),
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['meeting'], operation: ['getMany'] } }, properties);

function dateOnly(value: unknown, parameter: string): string {
	const text = String(value).slice(0, 10);
	if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(text))) {
		throw new InvalidParameterError(parameter, `"${String(value)}" is not a date`, 'a date such as 2026-05-01');
	}
	return text;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const userId = readHost(this.getNodeParameter('userId', itemIndex, 'me'));
	const type = assertEnum(this.getNodeParameter('type', itemIndex) as string, 'Type', [
		'scheduled',
		'live',
		'upcoming',
		'upcoming_meetings',
		'previous_meetings',
	] as const);
	const limit = limitOf.call(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = { type };
	if (options.from) qs.from = dateOnly(options.from, 'From');
	if (options.to) qs.to = dateOnly(options.to, 'To');
	if (options.timezone) qs.timezone = assertTimeZone(options.timezone, 'Time Zone');
	const meetings = await zoomApiRequestAllItems.call(this, 'meetings', 'GET', `/users/${encodeURIComponent(userId)}/meetings`, {}, qs, limit);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	return meetings.map((meeting) => (simplify ? simplifiedEventOutput('meeting', meeting) : eventOutput('meeting', meeting)));
}
