import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../node.type';
import * as add from './add.operation';
import * as addMany from './addMany.operation';
import * as deleteRegistrant from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getQuestions from './getQuestions.operation';
import * as syncTicketHolders from './syncTicketHolders.operation';
import * as updateQuestions from './updateQuestions.operation';
import * as updateStatus from './updateStatus.operation';

export const operations: Record<string, Operation> = {
	add,
	addMany,
	delete: deleteRegistrant,
	get,
	getMany,
	getQuestions,
	syncTicketHolders,
	updateQuestions,
	updateStatus,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['registrant'] } },
		options: [
			{ name: 'Add', value: 'add', description: 'Register one person for a meeting or webinar', action: 'Add a registrant' },
			{
				name: 'Add Many',
				value: 'addMany',
				description: 'Register every input item, 30 per request where Zoom allows it',
				action: 'Add many registrants',
			},
			{ name: 'Delete', value: 'delete', description: 'Delete a registrant (succeeds if already gone)', action: 'Delete a registrant' },
			{ name: 'Get', value: 'get', description: 'Get a registrant', action: 'Get a registrant' },
			{ name: 'Get Many', value: 'getMany', description: 'List registrants by status', action: 'Get many registrants' },
			{
				name: 'Get Registration Questions',
				value: 'getQuestions',
				description: 'Get the fields and custom questions of the registration form',
				action: 'Get registration questions',
			},
			{
				name: 'Sync Ticket Holders',
				value: 'syncTicketHolders',
				description: 'Make the registrants match the ticket holders: add new ones, cancel refunded ones',
				action: 'Sync ticket holders to registrants',
			},
			{
				name: 'Update Registration Questions',
				value: 'updateQuestions',
				description: 'Replace the fields and custom questions of the registration form',
				action: 'Update registration questions',
			},
			{
				name: 'Update Status',
				value: 'updateStatus',
				description: 'Approve, deny or cancel registrants, 30 per request',
				action: 'Update registrant status',
			},
		],
		default: 'add',
	},
	...add.description,
	...addMany.description,
	...deleteRegistrant.description,
	...get.description,
	...getMany.description,
	...getQuestions.description,
	...syncTicketHolders.description,
	...updateQuestions.description,
	...updateStatus.description,
];
