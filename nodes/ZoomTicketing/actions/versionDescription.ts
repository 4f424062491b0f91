import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';

import * as meeting from './meeting';
import * as panelist from './panelist';
import * as poll from './poll';
import * as recording from './recording';
import * as registrant from './registrant';
import * as report from './report';
import * as webinar from './webinar';

export const versionDescription: INodeTypeDescription = {
	displayName: 'Zoom Ticketing',
	name: 'zoomTicketing',
	icon: { light: 'file:zoom.svg', dark: 'file:zoom.dark.svg' },
	group: ['transform'],
	version: 1,
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
	properties: [
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{ name: 'OAuth2 (Authorization Code)', value: 'oAuth2' },
				{ name: 'Server-to-Server OAuth', value: 'serverToServerOAuth' },
			],
			default: 'serverToServerOAuth',
		},
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Meeting', value: 'meeting' },
				{ name: 'Panelist', value: 'panelist' },
				{ name: 'Poll', value: 'poll' },
				{ name: 'Recording', value: 'recording' },
				{ name: 'Registrant', value: 'registrant' },
				{ name: 'Report', value: 'report' },
				{ name: 'Webinar', value: 'webinar' },
			],
			default: 'meeting',
		},
		...meeting.description,
		...webinar.description,
		...panelist.description,
		...poll.description,
		...registrant.description,
		...report.description,
		...recording.description,
	],
};
