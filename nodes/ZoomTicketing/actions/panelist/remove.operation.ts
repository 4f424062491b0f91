import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { getWebinarId, webinarLocator } from '../../descriptions/webinarLocator';
import { requireString } from '../../helpers/validation';
import { zoomApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	webinarLocator,
	{
		displayName: 'Panelist ID or Email',
		name: 'panelistId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. speaker@example.com',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['panelist'], operation: ['remove'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const webinarId = getWebinarId.call(this, itemIndex);
	const panelistId = requireString(this.getNodeParameter('panelistId', itemIndex), 'Panelist ID or Email');
	await zoomApiRequest.call(this, 'DELETE', `/webinars/${webinarId}/panelists/${encodeURIComponent(panelistId)}`);
	return { webinarId, panelistId, removed: true };
}
