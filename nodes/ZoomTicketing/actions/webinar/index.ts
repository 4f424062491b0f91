import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../node.type';
import * as create from './create.operation';
import * as deleteWebinar from './delete.operation';
import * as end from './end.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export const operations: Record<string, Operation> = { create, delete: deleteWebinar, end, get, getMany, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webinar'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Schedule a webinar (single or recurring)', action: 'Create a webinar' },
			{ name: 'Delete', value: 'delete', description: 'Delete a webinar or one occurrence', action: 'Delete a webinar' },
			{ name: 'End', value: 'end', description: 'End a live webinar', action: 'End a webinar' },
			{ name: 'Get', value: 'get', description: 'Get a webinar with its join URL, passcode and dial-in numbers', action: 'Get a webinar' },
			{ name: 'Get Many', value: 'getMany', description: "List a user's webinars", action: 'Get many webinars' },
			{ name: 'Update', value: 'update', description: 'Change only the given fields of a webinar', action: 'Update a webinar' },
		],
		default: 'create',
	},
	...create.description,
	...deleteWebinar.description,
	...end.description,
	...get.description,
	...getMany.description,
	...update.description,
];
