import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { EventTarget } from '../../descriptions/webinarOrMeeting';
import { chunk, mapWithConcurrency } from '../../helpers/batching';
import { normaliseEmail, type CurrentRegistrant, type RegistrantStatus } from '../../helpers/registrantSync';
import { zoomApiRequest, zoomApiRequestAllItems } from '../../transport';

/** Zoom's batch and status endpoints take at most 30 registrants per request. */
export const ZOOM_BATCH_SIZE = 30;
// Enough requests in flight to use Zoom's per-second allowance while the transport paces 429s.
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

export function zoomCodeOf(error: unknown): number | undefined {
	const response = (error as { errorResponse?: JsonObject }).errorResponse;
	const code = response?.code;
	return code === undefined || code === null ? undefined : Number(code);
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

async function addOne(this: IExecuteFunctions, target: EventTarget, body: IDataObject, qs: IDataObject, stop: StopSignal): Promise<WriteResult> {
	if (stop.error) return notDone(stop);
	try {
		// Zoom answers a repeated registration with the existing registrant, so a retry cannot create a second one.
		const response = await zoomApiRequest.call(this, 'POST', `${target.path}/registrants`, body, qs, { idempotent: true });
		return { kind: 'done', response: { email: body.email, ...response } };
	} catch (error) {
		if (isStopError(error)) {
			stop.error ??= error;
			return notDone(stop);
		}
		return { kind: 'failed', reason: reasonOf(error as Error), error: error as Error };
	}
}

export interface AddRequest {
	body: IDataObject;
	qs: IDataObject;
}

/** A request Zoom's batch endpoint can carry: it only takes email, first and last name. */
export function isBatchable(request: AddRequest): boolean {
	return Object.keys(request.qs).length === 0 && Object.keys(request.body).every((key) => ['email', 'first_name', 'last_name'].includes(key));
}

/**
 * Adds registrants, batching 30 per request where Zoom allows it and adding one at a time
 * otherwise. A batch that Zoom rejects is retried one by one so that one bad row fails alone.
 * Results are in the order of `requests`.
 */
export async function addRegistrants(
	this: IExecuteFunctions,
	target: EventTarget,
	requests: AddRequest[],
	options: { batchAllowed: boolean; autoApprove?: boolean },
	stop: StopSignal,
): Promise<WriteResult[]> {
	const results: WriteResult[] = new Array(requests.length);
	const singles: number[] = [];
	const batchable: number[] = [];
	requests.forEach((request, index) => (options.batchAllowed && isBatchable(request) ? batchable : singles).push(index));

	const batches = chunk(batchable, ZOOM_BATCH_SIZE);
	await mapWithConcurrency(
		batches,
		BATCH_CONCURRENCY,
		async (indexes) => {
			if (stop.error) {
				for (const index of indexes) results[index] = notDone(stop);
				return;
			}
			const body: IDataObject = {
				registrants: indexes.map((index) => {
					const { email, first_name, last_name } = requests[index].body;
					return last_name === undefined ? { email, first_name } : { email, first_name, last_name };
				}),
			};
			if (options.autoApprove) body.auto_approve = true;
			let response: IDataObject;
			try {
				// Same reason as single adds: Zoom returns existing registrants instead of duplicating them.
				response = await zoomApiRequest.call(this, 'POST', `${target.path}/batch_registrants`, body, {}, { idempotent: true });
			} catch (error) {
				if (isStopError(error)) {
					stop.error ??= error;
					for (const index of indexes) results[index] = notDone(stop);
				} else {
					singles.push(...indexes);
				}
				return;
			}
			const byEmail = new Map<string, IDataObject>();
			for (const row of (response.registrants ?? []) as IDataObject[]) byEmail.set(normaliseEmail(String(row.email)), row);
			for (const index of indexes) {
				const row = byEmail.get(normaliseEmail(String(requests[index].body.email)));
				if (row) results[index] = { kind: 'done', response: row };
				else singles.push(index);
			}
		},
		() => false,
	);

	singles.sort((a, b) => a - b);
	await mapWithConcurrency(singles, SINGLE_CONCURRENCY, async (index) => {
		const { body, qs } = requests[index];
		results[index] = await addOne.call(this, target, options.autoApprove && target.kind === 'meeting' ? { ...body, auto_approve: true } : body, qs, stop);
	});
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
	try {
		await zoomApiRequest.call(this, 'DELETE', path, {}, qs);
		return { deleted: true };
	} catch (error) {
		const httpCode = (error as NodeApiError).httpCode;
		if (!(error instanceof NodeApiError) || (httpCode !== '400' && httpCode !== '404')) throw error;
		await zoomApiRequest.call(this, 'GET', target.path).catch(() => {
			throw error;
		});
		const stillThere = await zoomApiRequest.call(this, 'GET', path, {}, qs).then(
			() => true,
			() => false,
		);
		if (stillThere) throw error;
		return { deleted: true, alreadyAbsent: true };
	}
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
