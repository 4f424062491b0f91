import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { eventTargetFields, getEventTarget } from '../../descriptions/webinarOrMeeting';
import { assertOccurrenceId, requireString } from '../../helpers/validation';
import { zoomApiRequest } from '../../transport';
import { occurrenceIdField, registrantIdField } from './common';

const properties: INodeProperties[] = [...eventTargetFields(), registrantIdField, occurrenceIdField];

export const description = updateDisplayOptions({ show: { resource: ['registrant'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const target = getEventTarget.call(this, itemIndex);
	const registrantId = requireString(this.getNodeParameter('registrantId', itemIndex), 'Registrant ID');
	const occurrenceId = this.getNodeParameter('occurrenceId', itemIndex, '') as string;
	const qs: IDataObject = {};
	if (occurrenceId) qs.occurrence_id = assertOccurrenceId(occurrenceId, 'Occurrence ID');
	return (await zoomApiRequest.call(this, 'GET', `${target.path}/registrants/${encodeURIComponent(registrantId)}`, undefined, qs)) as IDataObject;
}
