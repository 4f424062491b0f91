import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../node.type';
import * as add from './add.operation';
import * as getMany from './getMany.operation';
import * as remove from './remove.operation';
import * as removeAll from './removeAll.operation';

export const operations: Record<string, Operation> = { add, getMany, remove, removeAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['panelist'] } },
		options: [
			{ name: 'Add', value: 'add', description: 'Add any number of panelists to a webinar', action: 'Add panelists' },
			{ name: 'Get Many', value: 'getMany', description: 'List the panelists of a webinar', action: 'Get many panelists' },
			{ name: 'Remove', value: 'remove', description: 'Remove one panelist', action: 'Remove a panelist' },
			{ name: 'Remove All', value: 'removeAll', description: 'Remove every panelist of a webinar', action: 'Remove all panelists' },
		],
		default: 'add',
	},
	...add.description,
	...getMany.description,
	...remove.description,
	...removeAll.description,
];
