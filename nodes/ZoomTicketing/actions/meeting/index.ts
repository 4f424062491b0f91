import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../node.type';
import * as create from './create.operation';
import * as deleteMeeting from './delete.operation';
import * as end from './end.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export const operations: Record<string, Operation> = {
	create,
	delete: deleteMeeting,
	end,
	get,
	getMany,
	update,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['meeting'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a scheduled, instant or recurring meeting', action: 'Create a meeting' },
			{ name: 'Delete', value: 'delete', description: 'Delete a meeting or one occurrence', action: 'Delete a meeting' },
			{ name: 'End', value: 'end', description: 'End a meeting that is in progress', action: 'End a meeting' },
			{ name: 'Get', value: 'get', description: 'Get a meeting or one occurrence', action: 'Get a meeting' },
			{ name: 'Get Many', value: 'getMany', description: 'List the meetings of a user', action: 'Get many meetings' },
			{ name: 'Update', value: 'update', description: 'Change some fields of a meeting or one occurrence', action: 'Update a meeting' },
		],
		default: 'create',
	},
	...create.description,
	...deleteMeeting.description,
	...end.description,
	...get.description,
	...getMany.description,
	...update.description,
];
