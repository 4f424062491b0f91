import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { meetingLocator } from '../../descriptions/meetingLocator';
import { zoomApiRequest } from '../../transport';
import { meetingIdParameter, meetingOutput, occurrenceIdOption, simplifiedMeetingOutput, simplifyProperty } from './common';

const properties: INodeProperties[] = [
	meetingLocator(),
	simplifyProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Occurrence ID',
				name: 'occurrenceId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1748772000000',
				description: 'Return this occurrence of a recurring meeting (its start time and status)',
			},
			{
				displayName: 'Show Previous Occurrences',
				name: 'showPreviousOccurrences',
				type: 'boolean',
				default: false,
				description: 'Whether to include occurrences of a recurring meeting that have already happened',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['meeting'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const meetingId = meetingIdParameter.call(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	const occurrenceId = occurrenceIdOption(options);
	if (occurrenceId) qs.occurrence_id = occurrenceId;
	if (options.showPreviousOccurrences === true) qs.show_previous_occurrences = true;
	const meeting = await zoomApiRequest.call(this, 'GET', `/meetings/${meetingId}`, {}, qs);
	return this.getNodeParameter('simplify', itemIndex, true) ? simplifiedMeetingOutput(meeting) : meetingOutput(meeting);
}
