import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { eventTargetFields, getEventTarget } from '../../descriptions/webinarOrMeeting';
import { zoomApiRequest } from '../../transport';
import { pollFields, readPollBody } from './fields';

const properties: INodeProperties[] = [...eventTargetFields(), ...pollFields];

export const description = updateDisplayOptions({ show: { resource: ['poll'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const target = getEventTarget.call(this, itemIndex);
	const body = readPollBody.call(this, itemIndex);
	return await zoomApiRequest.call(this, 'POST', `${target.path}/polls`, body as IDataObject);
}
