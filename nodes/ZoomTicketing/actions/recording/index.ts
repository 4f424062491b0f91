import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../node.type';
import * as deleteRecording from './delete.operation';
import * as download from './download.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getSettings from './getSettings.operation';
import * as getShareLink from './getShareLink.operation';
import * as recover from './recover.operation';
import * as updateSettings from './updateSettings.operation';

export const operations: Record<string, Operation> = {
	delete: deleteRecording,
	download,
	get,
	getMany,
	getSettings,
	getShareLink,
	recover,
	updateSettings,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['recording'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a recording',
				description: 'Move a whole recording or one file to the trash, or delete it permanently',
			},
			{
				name: 'Download',
				value: 'download',
				action: 'Download recording files',
				description: 'One file by ID or all files of a type, streamed into n8n binary data',
			},
			{ name: 'Get', value: 'get', action: 'Get a recording', description: 'A recording and its files' },
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many recordings',
				description: 'The recordings of a meeting or webinar, or of a user between two dates',
			},
			{ name: 'Get Settings', value: 'getSettings', action: 'Get recording settings' },
			{
				name: 'Get Share Link',
				value: 'getShareLink',
				action: 'Get the share link of a recording',
				description: 'Share URL and passcode, ready to send to attendees',
			},
			{ name: 'Recover', value: 'recover', action: 'Recover a recording', description: 'Restore a recording or one file from the trash' },
			{ name: 'Update Settings', value: 'updateSettings', action: 'Update recording settings' },
		],
		default: 'get',
	},
	...deleteRecording.description,
	...download.description,
	...get.description,
	...getMany.description,
	...getSettings.description,
	...getShareLink.description,
	...recover.description,
	...updateSettings.description,
];
