import { getField as get } from '../../helpers/fieldPath';
import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type NodeApiError,
	type NodeOperationError,
} from 'n8n-workflow';

import { eventTargetFields, getEventTarget } from '../../descriptions/webinarOrMeeting';
import {
	buildSyncPlan,
	emptyCounts,
	outcomeFor,
	TICKET_STATUSES,
	type CustomAnswer,
	type EntryResult,
	type PlanEntry,
	type RemovalMode,
	type TicketHolder,
} from '../../helpers/registrantSync';
import { assertEmail, assertEnum, InvalidParameterError, optionalString, requireString } from '../../helpers/validation';
import { isVersion1 } from '../../descriptions/event';
import { errorJson, itemError } from '../itemErrors';
import {
	addRegistrants,
	changeStatus,
	deleteRegistrants,
	readEventInfo,
	readRegistrants,
	type StopSignal,
	type WriteResult,
} from './engine';
import { autoApproveOption } from './common';

const properties: INodeProperties[] = [
	{
		displayName:
			'Each input item is one ticket holder. Zoom is read once, then only the differences are sent: missing holders are added (in batches where Zoom allows), refunded or cancelled tickets lose their registration. Running it again changes nothing.',
		name: 'syncNotice',
		type: 'notice',
		default: '',
	},
	...eventTargetFields(),
	{
		displayName:
			'Name the input fields that hold each ticket holder\'s data (dots reach nested fields, e.g. "holder.email"). Use an Edit Fields node before this one to map other shapes.',
		name: 'fieldsNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Ticket ID Field',
		name: 'ticketIdField',
		type: 'string',
		default: 'ticketId',
		required: true,
		description: "Input field with the ticket's ID in the ticketing platform",
	},
	{
		displayName: 'Email Field',
		name: 'emailField',
		type: 'string',
		default: 'email',
		required: true,
	},
	{
		displayName: 'First Name Field',
		name: 'firstNameField',
		type: 'string',
		default: 'firstName',
		required: true,
	},
	{
		displayName: 'Last Name Field',
		name: 'lastNameField',
		type: 'string',
		default: 'lastName',
	},
	{
		displayName: 'Ticket Status Field',
		name: 'statusField',
		type: 'string',
		default: 'status',
		required: true,
		description: 'Input field whose value is "valid", "refunded" or "cancelled"',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			autoApproveOption('added registrants'),
			{
				displayName: 'Custom Answers Field',
				name: 'answersField',
				type: 'string',
				default: 'answers',
				description:
					'Name of the input field holding answers to custom registration questions: an object of question title → answer, or a list of {title, value}',
			},
			{
				displayName: 'Refunded Tickets',
				name: 'removalMode',
				type: 'options',
				options: [
					{ name: 'Cancel the Registration', value: 'cancel', description: 'Zoom keeps the registrant as cancelled and can email them' },
					{ name: 'Delete the Registrant', value: 'delete', description: 'The registrant disappears from Zoom' },
				],
				default: 'cancel',
				description: 'What happens to the registration of a refunded or cancelled ticket',
			},
			{
				displayName: 'Remove Registrants Not in Input',
				name: 'removeAbsent',
				type: 'boolean',
				default: false,
				description:
					'Whether registrants in Zoom whose email appears in no input item are removed too (use only when the input is the complete ticket list)',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['registrant'], operation: ['syncTicketHolders'] } }, properties);

function readAnswers(value: unknown, itemIndex: number): CustomAnswer[] | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const parameter = `Custom answers of item ${itemIndex}`;
	const entries: Array<[unknown, unknown]> = Array.isArray(value)
		? value.map((entry) => [(entry as IDataObject)?.title, (entry as IDataObject)?.value])
		: typeof value === 'object'
			? Object.entries(value as IDataObject)
			: [];
	if (entries.length === 0 && !Array.isArray(value) && typeof value !== 'object') {
		throw new InvalidParameterError(parameter, `${JSON.stringify(value)} is not a list of answers`, 'an object {"question title": "answer"} or a list of {title, value}');
	}
	const answers = entries.map(([title, answer]) => ({
		title: requireString(title, `${parameter} (title)`),
		value: optionalString(answer === undefined || answer === null ? '' : String(answer), `${parameter} (answer)`, { maxLength: 128 }) ?? '',
	}));
	return answers.length > 0 ? answers : undefined;
}

interface FieldNames {
	ticketId: string;
	email: string;
	firstName: string;
	lastName: string;
	status: string;
	answers: string;
}

/** Reads one holder straight from the item's JSON: per-item expressions would cost more than Zoom's limits at 10,000 items. */
function readHolder(json: IDataObject, itemIndex: number, fields: FieldNames): TicketHolder {
	const ticketId = get(json, fields.ticketId) as unknown;
	const status = String(get(json, fields.status) ?? '').trim().toLowerCase();
	const lastName = get(json, fields.lastName) as unknown;
	const holder: TicketHolder = {
		itemIndex,
		ticketId: requireString(typeof ticketId === 'number' ? String(ticketId) : ticketId, `Ticket ID (field "${fields.ticketId}")`),
		email: assertEmail(get(json, fields.email), `Email (field "${fields.email}")`),
		firstName: requireString(get(json, fields.firstName), `First Name (field "${fields.firstName}")`, { maxLength: 64 }),
		status: assertEnum(status === 'canceled' ? 'cancelled' : status, `Ticket Status (field "${fields.status}")`, TICKET_STATUSES),
	};
	const last = optionalString(lastName === undefined || lastName === null ? '' : String(lastName), `Last Name (field "${fields.lastName}")`, { maxLength: 64 });
	if (last) holder.lastName = last;
	const answers = readAnswers(get(json, fields.answers), itemIndex);
	if (answers) holder.customQuestions = answers;
	return holder;
}

function toEntryResult(result: WriteResult | undefined): EntryResult | undefined {
	if (!result) return undefined;
	if (result.kind === 'done') {
		const response = result.response;
		return {
			kind: 'done',
			registrantId: typeof response.registrant_id === 'string' ? response.registrant_id : undefined,
			joinUrl: typeof response.join_url === 'string' ? response.join_url : undefined,
		};
	}
	return { kind: result.kind, reason: result.reason };
}

export async function executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const target = getEventTarget.call(this, 0);
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const mode = (options.removalMode ?? 'cancel') as RemovalMode;
	const fields: FieldNames = {
		ticketId: this.getNodeParameter('ticketIdField', 0) as string,
		email: this.getNodeParameter('emailField', 0) as string,
		firstName: this.getNodeParameter('firstNameField', 0) as string,
		lastName: this.getNodeParameter('lastNameField', 0, 'lastName') as string,
		status: this.getNodeParameter('statusField', 0) as string,
		answers: String(options.answersField ?? 'answers'),
	};

	const holders: TicketHolder[] = [];
	const invalid = new Map<number, NodeApiError | NodeOperationError>();
	const protectedEmails: string[] = [];
	items.forEach((item, itemIndex) => {
		try {
			holders.push(readHolder(item.json, itemIndex, fields));
		} catch (error) {
			invalid.set(itemIndex, itemError.call(this, error, itemIndex));
			const email = get(item.json, fields.email) as unknown;
			if (typeof email === 'string' && email.trim() !== '') protectedEmails.push(email);
		}
	});
	// From version 2 an invalid row follows Continue On Fail like every other operation; version 1
	// reported it as an ordinary output item, which saved workflows rely on.
	const version1 = isVersion1.call(this);
	const [firstInvalid] = invalid.values();
	if (firstInvalid && !version1 && !this.continueOnFail()) throw firstInvalid;

	const [info, current] = await Promise.all([readEventInfo.call(this, target), readRegistrants.call(this, target)]);
	const plan = buildSyncPlan(holders, current, { removeAbsent: options.removeAbsent === true, protectedEmails });

	const stop: StopSignal = {};
	const results = new Map<PlanEntry, WriteResult>();
	const added = await addRegistrants.call(
		this,
		target,
		plan.add.map((entry) => {
			const primary = entry.primary as TicketHolder;
			const body: IDataObject = { email: primary.email, first_name: primary.firstName };
			if (primary.lastName) body.last_name = primary.lastName;
			if (primary.customQuestions) body.custom_questions = primary.customQuestions as unknown as IDataObject[];
			return { body, qs: {} };
		}),
		{ batchAllowed: info.batchAllowed, autoApprove: options.autoApprove === true },
		stop,
	);
	plan.add.forEach((entry, index) => results.set(entry, added[index]));

	const approved = await changeStatus.call(
		this,
		target,
		'approve',
		plan.approve.map((entry) => ({ id: entry.registrant?.id, email: entry.registrant?.email })),
		stop,
	);
	plan.approve.forEach((entry, index) => results.set(entry, approved[index]));

	const removed =
		mode === 'delete'
			? await deleteRegistrants.call(
					this,
					target,
					plan.remove.map((entry) => entry.registrant?.id as string),
					stop,
				)
			: await changeStatus.call(
					this,
					target,
					'cancel',
					plan.remove.map((entry) => ({ id: entry.registrant?.id, email: entry.registrant?.email })),
					stop,
				);
	plan.remove.forEach((entry, index) => results.set(entry, removed[index]));

	const counts = emptyCounts();
	const output: INodeExecutionData[] = new Array(items.length);
	for (const entry of plan.entries) {
		const result = toEntryResult(results.get(entry));
		for (const holder of entry.holders) {
			const outcome = outcomeFor(entry, holder, result, mode);
			counts[outcome.action]++;
			output[holder.itemIndex] = { json: { ...outcome }, pairedItem: { item: holder.itemIndex } };
		}
	}
	for (const [itemIndex, nodeError] of invalid) {
		counts.failed++;
		if (!version1) {
			output[itemIndex] = { json: errorJson(nodeError), pairedItem: { item: itemIndex } };
			continue;
		}
		const reason = nodeError.description ? `${nodeError.message}. ${nodeError.description}` : nodeError.message;
		const ticketId = get(items[itemIndex].json, fields.ticketId) as unknown;
		const email = get(items[itemIndex].json, fields.email) as unknown;
		output[itemIndex] = {
			json: { ticketId: ticketId ?? null, email: typeof email === 'string' ? email : null, action: 'failed', reason },
			pairedItem: { item: itemIndex },
		};
	}

	const removedAbsent: IDataObject[] = [];
	for (const entry of plan.absent) {
		const result = results.get(entry);
		if (entry.action !== 'remove') counts.absentKept++;
		else if (result?.kind === 'done') {
			counts.removedAbsent++;
			removedAbsent.push({ registrantId: entry.registrant?.id, email: entry.email });
		} else counts[result?.kind ?? 'notDone']++;
	}

	const summary: IDataObject = {
		summary: true,
		eventType: target.kind,
		eventId: target.id,
		ticketHolders: items.length,
		distinctEmails: plan.entries.length,
		registrantsBefore: current.filter((registrant) => registrant.status !== 'denied').length,
		batchRegistration: info.batchAllowed,
		complete: !stop.error && counts.failed === 0,
		...counts,
	};
	if (removedAbsent.length > 0) summary.removedAbsentRegistrants = removedAbsent;
	if (stop.error) {
		summary.stoppedBy = stop.error.message;
		summary.stopDescription = stop.error.description ?? null;
		summary.message = `Stopped early: ${counts.notDone} change(s) were not made. Everything else above was applied; run the same sync again after the limit resets to finish.`;
	}
	output.push({ json: summary, pairedItem: items.map((_, item) => ({ item })) });
	return output;
}

