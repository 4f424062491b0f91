import type { INodeProperties } from 'n8n-workflow';

import * as meeting from './meeting';
import * as panelist from './panelist';
import * as poll from './poll';
import * as recording from './recording';
import * as registrant from './registrant';
import * as report from './report';
import * as webinar from './webinar';

/**
 * Every parameter of versions 1 and 2 of the node; `@version` display options keep version 1's
 * parameters for saved workflows. The node class itself holds the rest of the description, where
 * n8n's linter and package scanner look for it.
 */
export const versionProperties: INodeProperties[] = [
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
];
