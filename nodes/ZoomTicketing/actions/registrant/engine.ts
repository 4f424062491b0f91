import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { EventTarget } from '../../descriptions/webinarOrMeeting';
import { chunk, mapWithConcurrency } from '../../helpers/batching';
import { normalizeEmail, type CurrentRegistrant, type RegistrantStatus } from '../../helpers/registrantSync';
import { zoomApiRequest, zoomApiRequestAllItems } from '../../transport';

/** Zoom's batch and status endpoints take at most 30 registrants per request. */
export const ZOOM_BATCH_SIZE = 30;
// Requests in flight at once; the transport keeps them under Zoom's per-second limits.
const BATCH_CONCURRENCY = 10;
const SINGLE_CONCURRENCY = 10;

/** Set once Zoom refuses further work (daily limit, or rate limiting that outlasted the retries). */
export interface StopSignal {
	error?: NodeApiError;
}

export type WriteResult =
	| { kind: 'done'; response: IDataObject }
	| { kind: 'failed'; reason: string; error: Error }
	| { kind: 'notDone'; reason: string };

export function isStopError(error: unknown): error is NodeApiError {
	return error instanceof NodeApiError && error.httpCode === '429';
}

export function reasonOf(error: Error): string {
	const description = (error as NodeApiError).description;
	return description ? `${error.message}. ${description}` : error.message;
}

function notDone(stop: StopSignal): WriteResult {
	return {
		kind: 'notDone',
		reason: `Not attempted: ${stop.error?.message ?? 'Zoom refused further requests'}. Run the workflow again to finish.`,
	};
}

export interface EventInfo {
	type: number;
	approvalType?: number;
	/** Whether Zoom accepts batch_registrants here: scheduled meeting (2) or webinar (5) with registration. */
	batchAllowed: boolean;
}

export async function readEventInfo(this: IExecuteFunctions, target: EventTarget): Promise<EventInfo> {
	const event = await zoomApiRequest.call(this, 'GET', target.path);
	const settings = (event.settings ?? {}) as IDataObject;
	const type = Number(event.type);
	const approvalType = settings.approval_type === undefined ? undefined : Number(settings.approval_type);
	const registration = approvalType === 0 || approvalType === 1;
	const batchAllowed = registration && ((target.kind === 'meeting' && type === 2) || (target.kind === 'webinar' && type === 5));
	return { type, approvalType, batchAllowed };
}

/** All registrants of the event with the given statuses, one paginated read per status. */
export async function readRegistrants(
	this: IExecuteFunctions,
	target: EventTarget,
	statuses: RegistrantStatus[] = ['approved', 'pending', 'denied'],
): Promise<CurrentRegistrant[]> {
	const lists = await Promise.all(
		statuses.map(async (status) => {
			const rows = await zoomApiRequestAllItems.call(this, 'registrants', 'GET', `${target.path}/registrants`, {}, { status });
			return rows.map((row) => ({
				id: String(row.id),
				email: String(row.email),
				status,
				joinUrl: typeof row.join_url === 'string' ? row.join_url : undefined,
			}));
		}),
	);
	return lists.flat();
}

/**
 * A failure after which Zoom may or may not have carried out the request: a 5xx or a lost
 * connection. The answer is found by reading the registrants again, not by blind repetition,
 * because Zoom counts every add of the same person against a limit of 3 a day.
 */
function isUncertain(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	if (error.httpCode === null || error.httpCode === undefined || error.httpCode === '') return true;
	return Number(error.httpCode) >= 500;
}

export interface AddRequest {
	body: IDataObject;
	qs: IDataObject;
}

/** A request Zoom's batch endpoint can carry: it only takes email, first and last name. */
export function isBatchable(request: AddRequest): boolean {
	return Object.keys(request.qs).length === 0 && Object.keys(request.body).every((key) => ['email', 'first_name', 'last_name'].includes(key));
}

type Attempt = (indexes: number[]) => Promise<void>;

/**
 * Adds registrants, batching 30 per request where Zoom allows it and adding one at a time
 * otherwise. A batch Zoom rejects is retried one by one so that one bad row fails alone. After a
 * 5xx or a lost connection the registrants are read once to see what Zoom did, and only what is
 * still missing is sent a second time. Results are in the order of `requests`.
 */
export async function addRegistrants(
	this: IExecuteFunctions,
	target: EventTarget,
	requests: AddRequest[],
	options: { batchAllowed: boolean; autoApprove?: boolean },
	stop: StopSignal,
): Promise<WriteResult[]> {
	const results: WriteResult[] = new Array(requests.length);
	let uncertain: number[] = [];
	let secondTry = false;

	const failed = (index: number, error: unknown) => {
		if (isStopError(error)) {
			stop.error ??= error;
			results[index] = notDone(stop);
		} else if (isUncertain(error) && !secondTry) {
			uncertain.push(index);
		} else {
			results[index] = { kind: 'failed', reason: reasonOf(error as Error), error: error as Error };
		}
	};

	const addSingles: Attempt = async (indexes) => {
		await mapWithConcurrency(indexes, SINGLE_CONCURRENCY, async (index) => {
			if (stop.error) {
				results[index] = notDone(stop);
				return;
			}
			const { body, qs } = requests[index];
			const sent = options.autoApprove && target.kind === 'meeting' ? { ...body, auto_approve: true } : body;
			try {
				const response = await zoomApiRequest.call(this, 'POST', `${target.path}/registrants`, sent, qs);
				results[index] = { kind: 'done', response: { email: body.email, ...response } };
			} catch (error) {
				failed(index, error);
			}
		});
	};

	const addBatches: Attempt = async (indexes) => {
		const rejected: number[] = [];
		await mapWithConcurrency(chunk(indexes, ZOOM_BATCH_SIZE), BATCH_CONCURRENCY, async (batch) => {
			if (stop.error) {
				for (const index of batch) results[index] = notDone(stop);
				return;
			}
			const body: IDataObject = {
				registrants: batch.map((index) => {
					const { email, first_name, last_name } = requests[index].body;
					return last_name === undefined ? { email, first_name } : { email, first_name, last_name };
				}),
			};
			if (options.autoApprove) body.auto_approve = true;
			let response: IDataObject;
			try {
				response = await zoomApiRequest.call(this, 'POST', `${target.path}/batch_registrants`, body);
			} catch (error) {
				if (isStopError(error) || isUncertain(error)) for (const index of batch) failed(index, error);
				else rejected.push(...batch);
				return;
			}
			const byEmail = new Map<string, IDataObject>();
			for (const row of (response.registrants ?? []) as IDataObject[]) byEmail.set(normalizeEmail(String(row.email)), row);
			for (const index of batch) {
				const row = byEmail.get(normalizeEmail(String(requests[index].body.email)));
				if (row) results[index] = { kind: 'done', response: row };
				else rejected.push(index);
			}
		});
		await addSingles(rejected.sort((a, b) => a - b));
	};

	const send = async (indexes: number[]) => {
		const batchable = indexes.filter((index) => options.batchAllowed && isBatchable(requests[index]));
		const singles = indexes.filter((index) => !(options.batchAllowed && isBatchable(requests[index])));
		await addBatches(batchable);
		await addSingles(singles);
	};

	await send(requests.map((_, index) => index));

	if (uncertain.length > 0 && !stop.error) {
		const pending = uncertain;
		uncertain = [];
		secondTry = true;
		let registered = new Map<string, CurrentRegistrant>();
		try {
			const current = await readRegistrants.call(this, target, ['approved', 'pending']);
			registered = new Map(current.map((registrant) => [normalizeEmail(registrant.email), registrant]));
		} catch (error) {
			for (const index of pending) failed(index, error);
			return results;
		}
		const missing: number[] = [];
		for (const index of pending) {
			const registrant = registered.get(normalizeEmail(String(requests[index].body.email)));
			if (registrant) {
				results[index] = {
					kind: 'done',
					response: { email: requests[index].body.email, registrant_id: registrant.id, join_url: registrant.joinUrl },
				};
			} else {
				missing.push(index);
			}
		}
		await send(missing);
	}
	for (const index of uncertain) results[index] ??= notDone(stop);
	return results;
}

export type StatusAction = 'approve' | 'deny' | 'cancel';

/** Changes the status of registrants, 30 per request. Results are in the order of `registrants`. */
export async function changeStatus(
	this: IExecuteFunctions,
	target: EventTarget,
	action: StatusAction,
	registrants: Array<{ id?: string; email?: string }>,
	stop: StopSignal,
	qs: IDataObject = {},
): Promise<WriteResult[]> {
	const results: WriteResult[] = new Array(registrants.length);
	const batches = chunk(
		registrants.map((_, index) => index),
		ZOOM_BATCH_SIZE,
	);
	await mapWithConcurrency(batches, BATCH_CONCURRENCY, async (indexes) => {
		if (stop.error) {
			for (const index of indexes) results[index] = notDone(stop);
			return;
		}
		try {
			await zoomApiRequest.call(this, 'PUT', `${target.path}/registrants/status`, { action, registrants: indexes.map((index) => registrants[index]) }, qs);
			for (const index of indexes) results[index] = { kind: 'done', response: {} };
		} catch (error) {
			if (isStopError(error)) stop.error ??= error;
			for (const index of indexes) {
				results[index] = isStopError(error) ? notDone(stop) : { kind: 'failed', reason: reasonOf(error as Error), error: error as Error };
			}
		}
	});
	return results;
}

export type DeleteOutcome = { deleted: true; alreadyAbsent?: true };

/**
 * Deletes one registrant. When Zoom refuses, a second look tells "already gone" (success) from a
 * real problem such as an unknown meeting (rethrown).
 */
export async function deleteRegistrant(
	this: IExecuteFunctions,
	target: EventTarget,
	registrantId: string,
	qs: IDataObject = {},
): Promise<DeleteOutcome> {
	const path = `${target.path}/registrants/${encodeURIComponent(registrantId)}`;
	let failure: unknown;
	try {
		const answer = await zoomApiRequest.call(this, 'DELETE', path, {}, qs);
		// The transport's mark for a DELETE repeated after a failure that Zoom had carried out.
		return answer.alreadyAbsent === true ? { deleted: true, alreadyAbsent: true } : { deleted: true };
	} catch (error) {
		failure = error;
	}
	const httpCode = (failure as NodeApiError).httpCode;
	if (!(failure instanceof NodeApiError) || (httpCode !== '400' && httpCode !== '404')) throw failure;
	const found = (request: Promise<unknown>) =>
		request.then(
			() => true,
			() => false,
		);
	if (!(await found(zoomApiRequest.call(this, 'GET', target.path)))) throw failure;
	if (await found(zoomApiRequest.call(this, 'GET', path, {}, qs))) throw failure;
	return { deleted: true, alreadyAbsent: true };
}

export async function deleteRegistrants(
	this: IExecuteFunctions,
	target: EventTarget,
	registrantIds: string[],
	stop: StopSignal,
): Promise<WriteResult[]> {
	const results = await mapWithConcurrency(
		registrantIds,
		SINGLE_CONCURRENCY,
		async (registrantId): Promise<WriteResult> => {
			try {
				return { kind: 'done', response: { ...(await deleteRegistrant.call(this, target, registrantId)) } };
			} catch (error) {
				if (isStopError(error)) {
					stop.error ??= error;
					return notDone(stop);
				}
				return { kind: 'failed', reason: reasonOf(error as Error), error: error as Error };
			}
		},
		() => stop.error !== undefined,
	);
	return results.map((result) => result ?? notDone(stop));
}
