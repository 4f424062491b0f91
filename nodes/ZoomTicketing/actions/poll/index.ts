import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../node.type';
import * as create from './create.operation';
import * as deletePoll from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export const operations: Record<string, Operation> = { create, delete: deletePoll, get, getMany, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['poll'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a poll or quiz on a meeting or webinar', action: 'Create a poll' },
			{ name: 'Delete', value: 'delete', description: 'Delete a poll', action: 'Delete a poll' },
			{ name: 'Get', value: 'get', description: 'Get a poll', action: 'Get a poll' },
			{ name: 'Get Many', value: 'getMany', description: 'List the polls of a meeting or webinar', action: 'Get many polls' },
			{ name: 'Update', value: 'update', description: 'Replace a poll', action: 'Update a poll' },
		],
		default: 'create',
	},
	...create.description,
	...deletePoll.description,
	...get.description,
	...getMany.description,
	...update.description,
];
