import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type NodeApiError,
	type NodeOperationError,
} from 'n8n-workflow';

import { eventTargetFields, getEventTarget, type EventTarget } from '../../descriptions/webinarOrMeeting';
import { assertEnum, assertOccurrenceId, isEmail, requireString } from '../../helpers/validation';
import { itemError } from '../itemErrors';
import { finishBatch } from './batchItems';
import { occurrenceIdField } from './common';
import { changeStatus, type StatusAction, type StopSignal } from './engine';

const ACTIONS: StatusAction[] = ['approve', 'cancel', 'deny'];

const properties: INodeProperties[] = [
	...eventTargetFields(),
	{
		displayName: 'Action',
		name: 'action',
		type: 'options',
		options: [
			{ name: 'Approve', value: 'approve', description: 'Approve a pending or denied registrant', action: 'Approve registrants' },
			{ name: 'Cancel', value: 'cancel', description: "Cancel an approved registrant's registration", action: 'Cancel registrations' },
			{ name: 'Deny', value: 'deny', description: 'Deny a pending registrant', action: 'Deny registrants' },
		],
		default: 'approve',
	},
	{
		displayName: 'Registrant ID or Email',
		name: 'registrant',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 9tboDiHUQAeOnbmudzWa5g or name@example.com',
		description: 'One registrant per input item; items are sent to Zoom 30 at a time',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [occurrenceIdField],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['registrant'], operation: ['updateStatus'] } }, properties);

interface Group {
	target: EventTarget;
	action: StatusAction;
	qs: IDataObject;
	registrants: Array<{ id?: string; email?: string }>;
	items: number[];
}

export async function executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	type Result = { itemIndex: number; json?: IDataObject; error?: NodeApiError | NodeOperationError };
	const results: Result[] = items.map((_, itemIndex) => ({ itemIndex }));
	const groups = new Map<string, Group>();

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const target = getEventTarget.call(this, itemIndex);
			const action = assertEnum(this.getNodeParameter('action', itemIndex), 'Action', ACTIONS);
			const registrant = requireString(this.getNodeParameter('registrant', itemIndex), 'Registrant ID or Email');
			const occurrenceId = (this.getNodeParameter('options', itemIndex, {}) as IDataObject).occurrenceId;
			const qs: IDataObject = occurrenceId ? { occurrence_id: assertOccurrenceId(occurrenceId, 'Occurrence ID') } : {};
			const key = `${target.path} ${action} ${String(qs.occurrence_id ?? '')}`;
			const group = groups.get(key) ?? { target, action, qs, registrants: [], items: [] };
			groups.set(key, group);
			group.registrants.push(isEmail(registrant) ? { email: registrant } : { id: registrant });
			group.items.push(itemIndex);
		} catch (error) {
			results[itemIndex].error = itemError.call(this, error, itemIndex);
		}
	}

	const stop: StopSignal = {};
	for (const group of groups.values()) {
		const written = await changeStatus.call(this, group.target, group.action, group.registrants, stop, group.qs);
		written.forEach((result, position) => {
			const itemIndex = group.items[position];
			if (result.kind === 'done') {
				results[itemIndex].json = { ...group.registrants[position], action: group.action, updated: true };
			} else {
				const cause = result.kind === 'failed' ? result.error : (stop.error ?? new Error(result.reason));
				results[itemIndex].error = itemError.call(this, cause, itemIndex);
			}
		});
	}
	return finishBatch.call(this, results);
}
