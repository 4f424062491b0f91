import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { eventIdParameter } from '../../descriptions/event';
import { meetingLocator } from '../../descriptions/meetingLocator';
import { endedOutput } from '../../helpers/eventOutput';
import { zoomApiRequest } from '../../transport';

const properties: INodeProperties[] = [meetingLocator()];

export const description = updateDisplayOptions({ show: { resource: ['meeting'], operation: ['end'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const meetingId = eventIdParameter.call(this, 'meeting', itemIndex);
	await zoomApiRequest.call(this, 'PUT', `/meetings/${meetingId}/status`, { action: 'end' });
	return endedOutput('meeting', meetingId);
}
