import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { meetingLocator } from '../../descriptions/meetingLocator';
import { zoomApiRequest } from '../../transport';
import { meetingIdParameter, occurrenceIdOption } from './common';

const properties: INodeProperties[] = [
	meetingLocator(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Notify Host',
				name: 'scheduleForReminder',
				type: 'boolean',
				default: false,
				description: 'Whether the host and alternative hosts get a cancellation email',
			},
			{
				displayName: 'Notify Registrants',
				name: 'cancelMeetingReminder',
				type: 'boolean',
				default: false,
				description: 'Whether registrants get a cancellation email',
			},
			{
				displayName: 'Occurrence ID',
				name: 'occurrenceId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1748772000000',
				description: 'Delete only this occurrence of a recurring meeting',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['meeting'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const meetingId = meetingIdParameter.call(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const occurrenceId = occurrenceIdOption(options);
	const qs: IDataObject = {};
	if (occurrenceId) qs.occurrence_id = occurrenceId;
	if (options.scheduleForReminder === true) qs.schedule_for_reminder = true;
	if (options.cancelMeetingReminder === true) qs.cancel_meeting_reminder = true;
	await zoomApiRequest.call(this, 'DELETE', `/meetings/${meetingId}`, {}, qs);
	return { deleted: true, meetingId, ...(occurrenceId ? { occurrenceId } : {}) };
}
