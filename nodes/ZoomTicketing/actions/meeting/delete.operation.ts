import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	eventIdParameter,
	isVersion1,
	notifyRegistrantsField,
	occurrenceIdField,
	occurrenceQuery,
	readOccurrenceId,
	VERSION_1,
	VERSION_2,
	withDisplay,
} from '../../descriptions/event';
import { meetingLocator } from '../../descriptions/meetingLocator';
import { deletedOutput } from '../../helpers/eventOutput';
import { zoomApiRequest } from '../../transport';

// Zoom can also email the host when a meeting is deleted (schedule_for_reminder); webinars have no such flag.
const notifyHost = (name: string): INodeProperties => ({
	displayName: 'Notify Host',
	name,
	type: 'boolean',
	default: false,
	description: 'Whether the host and alternative hosts get a cancellation email',
});

const options = (notifyHostName: string, notifyRegistrantsName: string): INodeProperties => ({
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [notifyHost(notifyHostName), notifyRegistrantsField('meeting', notifyRegistrantsName), occurrenceIdField('meeting', 'Delete only this occurrence')],
});

const properties: INodeProperties[] = [
	meetingLocator(),
	...withDisplay(VERSION_1, [options('scheduleForReminder', 'cancelMeetingReminder')]),
	...withDisplay(VERSION_2, [options('notifyHost', 'notifyRegistrants')]),
];

export const description = updateDisplayOptions({ show: { resource: ['meeting'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const meetingId = eventIdParameter.call(this, 'meeting', itemIndex);
	const values = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const v1 = isVersion1.call(this);
	const occurrenceId = readOccurrenceId(values.occurrenceId);
	const qs = occurrenceQuery(occurrenceId);
	if (values[v1 ? 'scheduleForReminder' : 'notifyHost'] === true) qs.schedule_for_reminder = true;
	if (values[v1 ? 'cancelMeetingReminder' : 'notifyRegistrants'] === true) qs.cancel_meeting_reminder = true;
	await zoomApiRequest.call(this, 'DELETE', `/meetings/${meetingId}`, {}, qs);
	return deletedOutput('meeting', meetingId, occurrenceId);
}
