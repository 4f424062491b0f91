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
import { normalizeEmail } from '../../helpers/registrantSync';
import { itemError } from '../itemErrors';
import { finishBatch } from './batchItems';
import { autoApproveOption } from './common';
import { addRegistrants, readEventInfo, type AddRequest, type StopSignal } from './engine';
import { buildRegistrantRequest, customQuestionsField, emailField, firstNameField, lastNameField, registrantAdditionalFields } from './fields';

const properties: INodeProperties[] = [
	{
		displayName:
			'All input items are registered in one go: 30 per request with Zoom\'s batch registration where the meeting or webinar allows it, one at a time otherwise',
		name: 'addManyNotice',
		type: 'notice',
		default: '',
	},
	...eventTargetFields(),
	{ ...emailField, default: '={{ $json.email }}' },
	{ ...firstNameField, default: '={{ $json.firstName }}' },
	{ ...lastNameField, default: '={{ $json.lastName }}' },
	registrantAdditionalFields,
	customQuestionsField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			autoApproveOption('these registrants'),
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['registrant'], operation: ['addMany'] } }, properties);

interface Group {
	target: EventTarget;
	/** One request per distinct email, and the items that share it. */
	requests: AddRequest[];
	items: number[][];
}

export async function executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	type Result = { itemIndex: number; json?: IDataObject; error?: NodeApiError | NodeOperationError };
	const results: Result[] = items.map((_, itemIndex) => ({ itemIndex }));
	const groups = new Map<string, Group>();
	const emailSlot = new Map<string, number>();
	const autoApprove = (this.getNodeParameter('options', 0, {}) as IDataObject).autoApprove === true;

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const target = getEventTarget.call(this, itemIndex);
			const request = buildRegistrantRequest(
				{
					email: this.getNodeParameter('email', itemIndex),
					firstName: this.getNodeParameter('firstName', itemIndex),
					lastName: this.getNodeParameter('lastName', itemIndex, ''),
					additional: this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject,
					answers: this.getNodeParameter('customQuestions.answers', itemIndex, []) as IDataObject[],
				},
				target.kind,
			);
			const group = groups.get(target.path) ?? { target, requests: [], items: [] };
			groups.set(target.path, group);
			const key = `${target.path} ${normalizeEmail(String(request.body.email))} ${String(request.qs.occurrence_ids ?? '')}`;
			const slot = emailSlot.get(key);
			if (slot === undefined) {
				emailSlot.set(key, group.requests.length);
				group.requests.push(request);
				group.items.push([itemIndex]);
			} else {
				group.items[slot].push(itemIndex);
			}
		} catch (error) {
			results[itemIndex].error = itemError.call(this, error, itemIndex);
		}
	}

	const stop: StopSignal = {};
	for (const group of groups.values()) {
		let written;
		try {
			const info = await readEventInfo.call(this, group.target);
			written = await addRegistrants.call(this, group.target, group.requests, { batchAllowed: info.batchAllowed, autoApprove }, stop);
		} catch (error) {
			for (const itemIndex of group.items.flat()) results[itemIndex].error = itemError.call(this, error, itemIndex);
			continue;
		}
		written.forEach((result, slot) => {
			for (const itemIndex of group.items[slot]) {
				if (result.kind === 'done') {
					results[itemIndex].json = {
						email: group.requests[slot].body.email,
						...result.response,
						...(group.items[slot].length > 1 ? { sharedWithItems: group.items[slot].filter((other) => other !== itemIndex) } : {}),
					};
				} else if (result.kind === 'failed') {
					results[itemIndex].error = itemError.call(this, result.error, itemIndex);
				} else {
					results[itemIndex].error = itemError.call(this, stop.error ?? new Error(result.reason), itemIndex);
				}
			}
		});
	}
	return finishBatch.call(this, results);
}
