import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	eventIdParameter,
	occurrenceIdField,
	occurrenceQuery,
	readOccurrenceId,
	showPreviousOccurrencesField,
	simplifyField,
} from '../../descriptions/event';
import { meetingLocator } from '../../descriptions/meetingLocator';
import { eventOutput, simplifiedEventOutput } from '../../helpers/eventOutput';
import { zoomApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	meetingLocator(),
	simplifyField('meeting'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [occurrenceIdField('meeting', 'Return this occurrence (its start time and status)'), showPreviousOccurrencesField('meeting')],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['meeting'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const meetingId = eventIdParameter.call(this, 'meeting', itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs = occurrenceQuery(readOccurrenceId(options.occurrenceId));
	if (options.showPreviousOccurrences === true) qs.show_previous_occurrences = true;
	const meeting = await zoomApiRequest.call(this, 'GET', `/meetings/${meetingId}`, {}, qs);
	return this.getNodeParameter('simplify', itemIndex, true) ? simplifiedEventOutput('meeting', meeting) : eventOutput('meeting', meeting);
}
