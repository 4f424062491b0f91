import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { hostField, isVersion1, readHost, simplifyField, VERSION_2, withDisplay } from '../../descriptions/event';
import { limitOf, returnAllOrLimitFields } from '../../descriptions/returnAllOrLimit';
import { eventOutput, simplifiedEventOutput } from '../../helpers/eventOutput';
import { assertEnum } from '../../helpers/validation';
import { zoomApiRequestAllItems } from '../../transport';

const properties: INodeProperties[] = [
	hostField('webinar', 'Whose webinars to list'),
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
	...withDisplay(VERSION_2, [simplifyField('webinar')]),
];

export const description = updateDisplayOptions({ show: { resource: ['webinar'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const userId = readHost(this.getNodeParameter('userId', itemIndex, 'me'));
	const type = assertEnum(this.getNodeParameter('type', itemIndex), 'Type', ['scheduled', 'upcoming']);
	const limit = limitOf.call(this, itemIndex);
	const webinars = await zoomApiRequestAllItems.call(this, 'webinars', 'GET', `/users/${encodeURIComponent(userId)}/webinars`, {}, { type }, limit);
	if (isVersion1.call(this)) return webinars;
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	return webinars.map((webinar) => (simplify ? simplifiedEventOutput('webinar', webinar) : eventOutput('webinar', webinar)));
}
