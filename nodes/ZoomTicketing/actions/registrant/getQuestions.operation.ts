import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { eventTargetFields, getEventTarget } from '../../descriptions/webinarOrMeeting';
import { zoomApiRequest } from '../../transport';

const properties: INodeProperties[] = [...eventTargetFields()];

export const description = updateDisplayOptions({ show: { resource: ['registrant'], operation: ['getQuestions'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const target = getEventTarget.call(this, itemIndex);
	return (await zoomApiRequest.call(this, 'GET', `${target.path}/registrants/questions`)) as IDataObject;
}
