import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { eventIdParameter } from '../../descriptions/event';
import { webinarLocator } from '../../descriptions/webinarLocator';
import { endedOutput } from '../../helpers/eventOutput';
import { zoomApiRequest } from '../../transport';

const properties: INodeProperties[] = [webinarLocator];

export const description = updateDisplayOptions({ show: { resource: ['webinar'], operation: ['end'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const webinarId = eventIdParameter.call(this, 'webinar', itemIndex);
	await zoomApiRequest.call(this, 'PUT', `/webinars/${webinarId}/status`, { action: 'end' });
	return endedOutput('webinar', webinarId);
}
