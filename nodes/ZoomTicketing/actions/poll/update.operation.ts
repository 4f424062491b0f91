import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { eventTargetFields, getEventTarget } from '../../descriptions/webinarOrMeeting';
import { requireString } from '../../helpers/validation';
import { zoomApiRequest } from '../../transport';
import { pollFields, pollIdField, readPollBody } from './fields';

const properties: INodeProperties[] = [
	...eventTargetFields(),
	pollIdField,
	{
		displayName: 'Zoom replaces the whole poll: give every question it should keep',
		name: 'replaceNotice',
		type: 'notice',
		default: '',
	},
	...pollFields,
];

export const description = updateDisplayOptions({ show: { resource: ['poll'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const target = getEventTarget.call(this, itemIndex);
	const pollId = requireString(this.getNodeParameter('pollId', itemIndex), 'Poll ID');
	const body = readPollBody.call(this, itemIndex);
	await zoomApiRequest.call(this, 'PUT', `${target.path}/polls/${encodeURIComponent(pollId)}`, body as IDataObject);
	return { id: pollId, updated: true, ...body };
}
