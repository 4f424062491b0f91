import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { getWebinarId, webinarLocator } from '../../descriptions/webinarLocator';
import { zoomApiRequest } from '../../transport';

const properties: INodeProperties[] = [webinarLocator];

export const description = updateDisplayOptions({ show: { resource: ['panelist'], operation: ['removeAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const webinarId = getWebinarId.call(this, itemIndex);
	await zoomApiRequest.call(this, 'DELETE', `/webinars/${webinarId}/panelists`);
	return { webinarId, removed: true };
}
