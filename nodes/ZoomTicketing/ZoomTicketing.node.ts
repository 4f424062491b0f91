import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { router } from './actions/router';
import { versionProperties } from './actions/versionDescription';
import { listSearch, loadOptions } from './methods';

export class ZoomTicketing implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zoom Ticketing',
		name: 'zoomTicketing',
		icon: { light: 'file:zoom.svg', dark: 'file:zoom.dark.svg' },
		group: ['transform'],
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Run ticketed virtual events on Zoom: meetings, webinars, registrants, attendance and recordings',
		defaults: {
			name: 'Zoom Ticketing',
		},
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
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
		properties: versionProperties,
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
