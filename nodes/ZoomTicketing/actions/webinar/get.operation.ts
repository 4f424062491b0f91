import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { getWebinarId, webinarLocator } from '../../descriptions/webinarLocator';
import { webinarEventPage } from '../../descriptions/webinarOutput';
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
			occurrenceIdOption,
			{
				displayName: 'Show Previous Occurrences',
				name: 'show_previous_occurrences',
				type: 'boolean',
				default: false,
				description: 'Whether to include past occurrences of a recurring webinar',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['webinar'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const webinarId = getWebinarId.call(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs = occurrenceQuery(options);
	if (options.show_previous_occurrences === true) qs.show_previous_occurrences = true;
	return webinarEventPage(await zoomApiRequest.call(this, 'GET', `/webinars/${webinarId}`, {}, qs));
}
