import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { eventTargetFields, getEventTarget } from '../../descriptions/webinarOrMeeting';
import { zoomApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	...eventTargetFields(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Anonymous Only',
				name: 'anonymous',
				type: 'boolean',
				default: true,
				description: 'Whether to return only polls with the Anonymous option enabled',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['poll'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const target = getEventTarget.call(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = options.anonymous === undefined ? {} : { anonymous: options.anonymous === true };
	const response = await zoomApiRequest.call(this, 'GET', `${target.path}/polls`, {}, qs);
	return (response.polls ?? []) as IDataObject[];
}
