import type { INodeType, INodeTypeDescription, ITriggerFunctions, ITriggerResponse } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { activateStream } from './activation';
import { streamProperties } from './description';

export class ZoomTicketingStreamTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zoom Ticketing Stream Trigger',
		name: 'zoomTicketingStreamTrigger',
		icon: { light: 'file:zoom.svg', dark: 'file:zoom.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'WebSocket event subscription',
		description:
			"Starts the workflow on Zoom's meeting, webinar, registration and recording events, received in batches over a WebSocket event subscription (no public URL needed)",
		defaults: {
			name: 'Zoom Ticketing Stream Trigger',
		},
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'zoomTicketingOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
			{
				name: 'zoomTicketingServerToServerOAuthApi',
				required: true,
				displayOptions: { show: { authentication: ['serverToServerOAuth'] } },
			},
		],
		properties: streamProperties,
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		return await activateStream.call(this);
	}
}
