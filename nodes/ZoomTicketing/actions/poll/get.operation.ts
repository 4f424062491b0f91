import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { eventTargetFields, getEventTarget } from '../../descriptions/webinarOrMeeting';
import { requireString } from '../../helpers/validation';
import { zoomApiRequest } from '../../transport';
import { pollIdField } from './fields';

const properties: INodeProperties[] = [...eventTargetFields(), pollIdField];

export const description = updateDisplayOptions({ show: { resource: ['poll'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const target = getEventTarget.call(this, itemIndex);
	const pollId = requireString(this.getNodeParameter('pollId', itemIndex), 'Poll ID');
	return await zoomApiRequest.call(this, 'GET', `${target.path}/polls/${encodeURIComponent(pollId)}`);
}
