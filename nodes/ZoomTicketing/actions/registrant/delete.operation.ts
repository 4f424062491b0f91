import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { eventTargetFields, getEventTarget } from '../../descriptions/webinarOrMeeting';
import { assertOccurrenceId, requireString } from '../../helpers/validation';
import { occurrenceIdField, registrantIdField } from './common';
import { deleteRegistrant } from './engine';

const properties: INodeProperties[] = [...eventTargetFields(), registrantIdField, occurrenceIdField];

export const description = updateDisplayOptions({ show: { resource: ['registrant'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const target = getEventTarget.call(this, itemIndex);
	const registrantId = requireString(this.getNodeParameter('registrantId', itemIndex), 'Registrant ID');
	const occurrenceId = this.getNodeParameter('occurrenceId', itemIndex, '') as string;
	const qs: IDataObject = occurrenceId ? { occurrence_id: assertOccurrenceId(occurrenceId, 'Occurrence ID') } : {};
	return { registrantId, ...(await deleteRegistrant.call(this, target, registrantId, qs)) };
}
