import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { getWebinarId, webinarLocator } from '../../descriptions/webinarLocator';
import { zoomApiRequest } from '../../transport';
import { occurrenceIdOption, occurrenceQuery } from './common';

const properties: INodeProperties[] = [
	webinarLocator,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Notify Panelists and Registrants',
				name: 'cancel_webinar_reminder',
				type: 'boolean',
				default: false,
				description: 'Whether Zoom emails panelists and registrants about the cancellation',
			},
			occurrenceIdOption,
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['webinar'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const webinarId = getWebinarId.call(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs = occurrenceQuery(options);
	if (options.cancel_webinar_reminder === true) qs.cancel_webinar_reminder = true;
	await zoomApiRequest.call(this, 'DELETE', `/webinars/${webinarId}`, {}, qs);
	return { webinarId, deleted: true };
}
