import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { limitOf, returnAllOrLimitFields } from '../../descriptions/returnAllOrLimit';
import { assertEnum, requireString } from '../../helpers/validation';
import { zoomApiRequestAllItems } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Host (User ID or Email)',
		name: 'userId',
		type: 'string',
		default: 'me',
		description: "Whose webinars to list; 'me' is the connected user",
	},
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: [
			{ name: 'Scheduled', value: 'scheduled', description: 'Unexpired past, live and upcoming webinars' },
			{ name: 'Upcoming', value: 'upcoming', description: 'Live and upcoming webinars' },
		],
		default: 'scheduled',
	},
	...returnAllOrLimitFields,
];

export const description = updateDisplayOptions({ show: { resource: ['webinar'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const userId = requireString(this.getNodeParameter('userId', itemIndex, 'me'), 'Host (User ID or Email)');
	const type = assertEnum(this.getNodeParameter('type', itemIndex), 'Type', ['scheduled', 'upcoming']);
	const limit = limitOf.call(this, itemIndex);
	return await zoomApiRequestAllItems.call(this, 'webinars', 'GET', `/users/${encodeURIComponent(userId)}/webinars`, {}, { type }, limit);
}
