import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { meetingLocator } from '../../descriptions/meetingLocator';
import { zoomApiRequest } from '../../transport';
import { meetingIdParameter } from './common';

const properties: INodeProperties[] = [meetingLocator()];

export const description = updateDisplayOptions({ show: { resource: ['meeting'], operation: ['end'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const meetingId = meetingIdParameter.call(this, itemIndex);
	await zoomApiRequest.call(this, 'PUT', `/meetings/${meetingId}/status`, { action: 'end' });
	return { ended: true, meetingId };
}
