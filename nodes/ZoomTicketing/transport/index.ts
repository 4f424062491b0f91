import type {
	IAdditionalCredentialOptions,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INode,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { asZoomErrorBody, zoomApiError } from './errors';
import { backoffMs, readRateLimit, withJitter } from './rateLimit';
import { RatePacer } from './ratePacer';
import { apiBaseUrl, credentialTypeFor, SERVER_TO_SERVER_CREDENTIAL, type ZoomAuthentication } from './urls';

export { encodeZoomUuid } from './uuid';
export { apiBaseUrl, oauthBaseUrl, credentialTypeFor } from './urls';
export type { ZoomAuthentication } from './urls';

export type ZoomContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

export interface ZoomRequestOptions {
	/** Retry a POST after a 5xx or a lost connection: only when sending it twice is harmless. */
	idempotent?: boolean;
	/** Milliseconds before a request counts as timed out (default 30 s). */
	timeout?: number;
}

const MAX_RATE_LIMIT_RETRIES = 12;
const MAX_TRANSIENT_RETRIES = 4;
const LONGEST_RATE_LIMIT_WAIT_MS = 60_000;
const DEFAULT_TIMEOUT_MS = 30_000;
const SAFE_TO_REPEAT: IHttpRequestMethods[] = ['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE'];
const CONNECTION_ERRORS = new Set([
	'ECONNRESET',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ENOTFOUND',
	'ECONNREFUSED',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	'UND_ERR_SOCKET',
	'UND_ERR_CONNECT_TIMEOUT',
	'UND_ERR_HEADERS_TIMEOUT',
]);
// The request never reached Zoom, so even a create may be sent again.
const NOT_SENT_ERRORS = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

function authenticationOf(ctx: ZoomContext): ZoomAuthentication {
	const value =
		'getInputData' in ctx
			? ctx.getNodeParameter('authentication', 0, 'serverToServerOAuth')
			: ctx.getNodeParameter('authentication', 'serverToServerOAuth');
	return value === 'oAuth2' ? 'oAuth2' : 'serverToServerOAuth';
}

interface TransportFailure {
	code?: string;
	status?: number;
	message: string;
}

/** The network-level facts of a failed request, wherever n8n wrapped them. */
function failureOf(error: unknown): TransportFailure {
	const original = (error instanceof NodeApiError && error.cause ? error.cause : error) as {
		code?: string;
		message?: string;
		response?: { status?: number };
		cause?: { code?: string };
	};
	return {
		code: original?.code ?? original?.cause?.code,
		status: original?.response?.status,
		message: original?.message ?? String(error),
	};
}

const CONNECTION_FAILURE_NAMES: Record<string, string> = {
	ECONNRESET: 'the connection was reset',
	EPIPE: 'the connection was reset',
	UND_ERR_SOCKET: 'the connection was reset',
	ECONNABORTED: 'the connection was aborted',
	ETIMEDOUT: 'no answer in time',
	ESOCKETTIMEDOUT: 'no answer in time',
	ERR_SOCKET_CONNECTION_TIMEOUT: 'no answer in time',
	UND_ERR_CONNECT_TIMEOUT: 'no answer in time',
	UND_ERR_HEADERS_TIMEOUT: 'no answer in time',
	ECONNREFUSED: 'the connection was refused',
	ENOTFOUND: 'the host name was not found',
	EAI_AGAIN: 'the host name was not found',
};

// n8n replaces a message that contains a raw error code with its own generic text, so the
// message says what happened in words and the code goes into the description.
function connectionFailureError(node: INode, failure: TransportFailure, what: string, advice: string): NodeApiError {
	const happened = (failure.code && CONNECTION_FAILURE_NAMES[failure.code]) ?? 'a network error';
	return new NodeApiError(node, { message: failure.message }, {
		message: `${what} failed: ${happened}`,
		description: `${advice} (${failure.code ?? failure.message})`,
	});
}

function asNodeError(node: INode, error: unknown, failure: TransportFailure): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeApiError(node, { message: failure.message });
}

function isConnectionFailure(failure: TransportFailure): boolean {
	if (failure.status !== undefined) return false;
	if (failure.code && CONNECTION_ERRORS.has(failure.code)) return true;
	return /socket hang up|timeout|network|ECONNRESET/i.test(failure.message);
}

/**
 * Server-to-Server tokens are kept until shortly before they expire: n8n itself only fetches one
 * when the stored token is empty or after a 401, so a token close to its end is handed to n8n as
 * empty, which makes n8n fetch and store a fresh one before the request.
 */
async function credentialOverride(
	ctx: ZoomContext,
	type: string,
	credentials: IDataObject,
): Promise<IAdditionalCredentialOptions | undefined> {
	if (type !== SERVER_TO_SERVER_CREDENTIAL) return undefined;
	const refreshAfter = Number(credentials.renewAfter);
	if (!credentials.accessToken || !Number.isFinite(refreshAfter) || Date.now() < refreshAfter) return undefined;
	const reference = ctx.getNode().credentials?.[type];
	if (!reference?.id) return undefined;
	return {
		credentialsDecrypted: { id: reference.id, name: reference.name, type, data: { ...credentials, accessToken: '' } },
	};
}

async function send(
	ctx: ZoomContext,
	type: string,
	credentials: IDataObject,
	request: IHttpRequestOptions,
): Promise<IN8nHttpFullResponse> {
	const override = await credentialOverride(ctx, type, credentials);
	const response: IN8nHttpFullResponse = await ctx.helpers.httpRequestWithAuthentication.call(
		ctx,
		type,
		{ ...request, headers: { ...request.headers } },
		override,
	);
	return response;
}

/** A download with a webhook's token and no credential: Zoom says to pass it as a bearer token. */
async function sendWithDownloadToken(ctx: ZoomContext, token: string, request: IHttpRequestOptions): Promise<IN8nHttpFullResponse> {
	const response: IN8nHttpFullResponse = await ctx.helpers.httpRequest({
		...request,
		headers: { ...request.headers, Authorization: `Bearer ${token}` },
	});
	return response;
}

/**
 * Daily limits hit during this node run, by request shape (`PATCH /meetings/{id}`): with Continue
 * On Fail the remaining items fail at once with the same error instead of asking Zoom again.
 * Kept per execution context only, so nothing is shared between executions or workers.
 */
const dailyLimitsHit = new WeakMap<object, Map<string, () => NodeApiError>>();

/** `PATCH /meetings/{id}`: Zoom's path words are lower-case; ids, UUIDs and emails are masked. */
function requestShape(method: string, url: string): string {
	const path = url.replace(/^https?:\/\/[^/]+/i, '').split('?')[0];
	const segments = path.split('/').map((segment) => (segment === '' || /^[a-z][a-z0-9_]*$/.test(segment) ? segment : '{id}'));
	return `${method} ${segments.join('/')}`;
}

/**
 * Zoom's per-second limits are per account: one pacer per node run and credential, kept on the
 * execution context so that nothing is shared between executions or queue-mode workers.
 */
const pacers = new WeakMap<object, Map<string, RatePacer>>();

function pacerFor(ctx: ZoomContext, type: string): RatePacer {
	const key = `${type} ${ctx.getNode().credentials?.[type]?.id ?? ''}`;
	const byCredential = pacers.get(ctx) ?? new Map<string, RatePacer>();
	pacers.set(ctx, byCredential);
	let pacer = byCredential.get(key);
	if (!pacer) {
		pacer = new RatePacer({ now: () => Date.now(), sleep: async (ms: number) => await sleep(ms) });
		byCredential.set(key, pacer);
	}
	return pacer;
}

function dailyLimitError(node: INode, info: ReturnType<typeof readRateLimit>, body: unknown): NodeApiError {
	const zoomBody = asZoomErrorBody(body);
	const resets = info.retryAt ? ` It resets at ${info.retryAt.toISOString()}.` : ' It resets at 00:00 UTC.';
	const limit = [info.category, info.type].filter(Boolean).join(' / ') || 'daily limit';
	return new NodeApiError(node, { httpCode: '429', code: zoomBody.code ?? 429, message: zoomBody.message ?? null }, {
		httpCode: '429',
		message: `Zoom's daily limit was reached (${limit}${info.limit ? `, ${info.limit}` : ''})`,
		description: `Zoom says: "${zoomBody.message ?? 'daily limit reached'}".${resets} Nothing was retried: run the workflow again after the reset to finish the remaining items.`,
	});
}

/** The start of an error answer that came as a stream (a download). */
async function readSmallBody(stream: NodeJS.ReadableStream): Promise<string> {
	let text = '';
	for await (const chunk of stream) {
		text += chunk.toString();
		if (text.length > 65_536) break;
	}
	(stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
	return text;
}

/**
 * Whether Zoom says the target of a DELETE does not exist. Zoom answers 404 code 3001 for a
 * meeting or webinar ("Meeting does not exist"); for what lies below one (a registrant, a poll)
 * that code names the meeting itself, so only a "not found" about the item counts there.
 */
function isGoneAnswer(shape: string, status: number, body: unknown): boolean {
	if (status !== 404 && status !== 400) return false;
	const { code, message = '' } = asZoomErrorBody(body);
	const notFound = (status === 404 && (Number(code) === 3001 || Number(code) === 3079)) || /not found|does not exist/i.test(message);
	if (!notFound) return false;
	const wholeEvent = /^DELETE \/(meetings|webinars)\/\{id\}$/.test(shape);
	return wholeEvent || !/^(meeting|webinar) does not exist/i.test(message);
}

/**
 * Sends one request to Zoom with the node's credential and returns the full response. Requests
 * wait for room under the limit Zoom announces for their category; 429s that still happen (other
 * clients of the account) are ridden out, and so are, for requests that are safe to repeat, 5xx
 * answers and lost connections. A DELETE repeated after such a failure that then finds nothing
 * to delete was carried out the first time: it answers `{ alreadyAbsent: true }`.
 */
async function zoomApiFullRequest(
	this: ZoomContext,
	method: IHttpRequestMethods,
	url: string,
	request: Partial<IHttpRequestOptions> = {},
	options: ZoomRequestOptions & { downloadToken?: string } = {},
): Promise<IN8nHttpFullResponse> {
	const type = credentialTypeFor(authenticationOf(this));
	const node = this.getNode();
	const repeatable = SAFE_TO_REPEAT.includes(method) || options.idempotent === true;

	const shape = requestShape(method, url);
	const pacer = pacerFor(this, type);
	const earlierDailyLimit = dailyLimitsHit.get(this)?.get(shape);
	if (earlierDailyLimit) throw earlierDailyLimit();

	let rateLimited = 0;
	let transient = 0;
	let strict401 = false;
	// Set once a request is repeated that Zoom may already have carried out.
	let repeatedAfterUncertainty = false;
	for (;;) {
		let response: IN8nHttpFullResponse;
		const slot = await pacer.acquire(shape);
		try {
			if (options.downloadToken !== undefined) {
				response = await sendWithDownloadToken(this, options.downloadToken, {
					...request,
					method,
					url,
					timeout: options.timeout ?? DEFAULT_TIMEOUT_MS,
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
				});
			} else {
				const credentials = (await this.getCredentials(type)) as IDataObject;
				response = await send(this, type, credentials, {
					json: true,
					...request,
					method,
					url: /^https?:\/\//i.test(url) ? url : `${apiBaseUrl(credentials)}${url}`,
					timeout: options.timeout ?? DEFAULT_TIMEOUT_MS,
					returnFullResponse: true,
					// 401 must stay an error: that is what makes n8n fetch a new token and repeat once.
					ignoreHttpStatusErrors: strict401 ? false : { ignore: true, except: [401] },
				});
			}
			pacer.settle(slot, (response.headers ?? {}) as Record<string, unknown>);
		} catch (error) {
			const failure = failureOf(error);
			const original = (error instanceof NodeApiError && error.cause ? error.cause : error) as {
				response?: { status?: number; data?: unknown; headers?: Record<string, unknown> };
			};
			pacer.settle(slot, original.response?.headers);
			if (failure.status === 401) {
				throw zoomApiError(node, 401, original.response?.data, original.response?.headers);
			}
			if (failure.status !== undefined && original.response) {
				response = {
					statusCode: failure.status,
					headers: (original.response.headers ?? {}) as IDataObject,
					body: original.response.data as IN8nHttpFullResponse['body'],
				};
			} else if (isConnectionFailure(failure)) {
				const mayRepeat = repeatable || (failure.code !== undefined && NOT_SENT_ERRORS.has(failure.code));
				if (mayRepeat && transient < MAX_TRANSIENT_RETRIES) {
					repeatedAfterUncertainty ||= failure.code === undefined || !NOT_SENT_ERRORS.has(failure.code);
					await sleep(backoffMs(transient++));
					continue;
				}
				throw connectionFailureError(
					node,
					failure,
					'The connection to Zoom',
					mayRepeat
						? `Tried ${transient + 1} times. Check the network and Zoom's status page, then run again.`
						: 'The request was not repeated because it creates something and Zoom may already have done it. Check in Zoom before running it again.',
				);
			} else {
				throw asNodeError(node, error, failure);
			}
		}

		const status = response.statusCode;
		if (status >= 200 && status < 300) return response;
		const body = request.encoding === 'stream' ? await readSmallBody(response.body as NodeJS.ReadableStream) : response.body;
		// n8n versions without `except` hand the 401 back as a response; asking again with status
		// errors on lets n8n refresh the token and repeat the request itself.
		if (status === 401 && !strict401 && options.downloadToken === undefined) {
			strict401 = true;
			continue;
		}

		const headers = (response.headers ?? {}) as Record<string, unknown>;
		if (status === 429) {
			const info = readRateLimit(headers, asZoomErrorBody(body), Date.now());
			if (info.daily || info.waitMs > LONGEST_RATE_LIMIT_WAIT_MS) {
				const hits = dailyLimitsHit.get(this) ?? new Map<string, () => NodeApiError>();
				hits.set(shape, () => dailyLimitError(node, info, body));
				dailyLimitsHit.set(this, hits);
				throw dailyLimitError(node, info, body);
			}
			if (rateLimited < MAX_RATE_LIMIT_RETRIES) {
				rateLimited++;
				await sleep(withJitter(info.waitMs));
				continue;
			}
		}
		if (status >= 500 && repeatable && transient < MAX_TRANSIENT_RETRIES) {
			repeatedAfterUncertainty = true;
			await sleep(backoffMs(transient++));
			continue;
		}
		if (method === 'DELETE' && repeatedAfterUncertainty && isGoneAnswer(shape, status, body)) {
			return { statusCode: 204, headers: headers as IDataObject, body: { alreadyAbsent: true } };
		}
		throw zoomApiError(node, status, body, headers);
	}
}

/** A JSON request to Zoom's REST API; `endpoint` is relative to the API base, e.g. `/meetings/123`. */
export async function zoomApiRequest(
	this: ZoomContext,
	method: IHttpRequestMethods,
	endpoint: string,
	body: IDataObject | IDataObject[] = {},
	qs: IDataObject = {},
	options: ZoomRequestOptions = {},
): Promise<IDataObject> {
	const request: Partial<IHttpRequestOptions> = { qs };
	if (method !== 'GET' && method !== 'DELETE' && (Array.isArray(body) || Object.keys(body).length > 0)) {
		request.body = body;
	}
	const response = await zoomApiFullRequest.call(this, method, endpoint, request, options);
	const answer = response.body as unknown;
	if (answer === undefined || answer === null || answer === '') return {};
	if (typeof answer !== 'object' || Buffer.isBuffer(answer)) {
		const text = String(answer).slice(0, 200);
		throw new NodeApiError(this.getNode(), { message: text }, {
			message: `Zoom answered ${method} ${endpoint} with something that is not JSON (HTTP ${response.statusCode})`,
			description: `The answer began with: ${text}. This usually means a proxy or captive portal between n8n and Zoom; check the network and the API base URL of the credential.`,
			httpCode: String(response.statusCode),
		});
	}
	return answer as IDataObject;
}

/**
 * Reads a Zoom list page by page (`next_page_token`, `page_size=300`), or its first `limit`
 * entries, handing each page's entries to `onPage` as it arrives.
 */
export async function zoomApiForEachPage(
	this: ZoomContext,
	propertyName: string,
	method: IHttpRequestMethods,
	endpoint: string,
	body: IDataObject,
	qs: IDataObject,
	limit: number | undefined,
	onPage: (entries: IDataObject[]) => void,
): Promise<void> {
	let received = 0;
	let nextPageToken: string | undefined;
	do {
		const pageSize = limit === undefined ? 300 : Math.min(300, Math.max(1, limit - received));
		const page = await zoomApiRequest.call(this, method, endpoint, body, {
			...qs,
			page_size: pageSize,
			...(nextPageToken ? { next_page_token: nextPageToken } : {}),
		});
		const entries = Array.isArray(page[propertyName]) ? (page[propertyName] as IDataObject[]) : [];
		const wanted = limit === undefined ? entries : entries.slice(0, limit - received);
		received += wanted.length;
		onPage(wanted);
		nextPageToken = typeof page.next_page_token === 'string' && page.next_page_token !== '' ? page.next_page_token : undefined;
	} while (nextPageToken && (limit === undefined || received < limit));
}

/** Every entry of a Zoom list, or the first `limit` entries (see {@link zoomApiForEachPage}). */
export async function zoomApiRequestAllItems(
	this: ZoomContext,
	propertyName: string,
	method: IHttpRequestMethods,
	endpoint: string,
	body: IDataObject = {},
	qs: IDataObject = {},
	limit?: number,
): Promise<IDataObject[]> {
	const results: IDataObject[] = [];
	await zoomApiForEachPage.call(this, propertyName, method, endpoint, body, qs, limit, (entries) => {
		for (const entry of entries) results.push(entry);
	});
	return results;
}

export interface ZoomDownloadOptions {
	/** A webhook's `download_token`: used instead of the credential, as Zoom documents. */
	downloadToken?: string;
	timeout?: number;
}

export interface ZoomDownload {
	stream: NodeJS.ReadableStream;
	headers: Record<string, unknown>;
	contentType?: string;
	contentLength?: number;
	fileName?: string;
}

/** Streams a recording file; the caller hands the stream to n8n's binary data store. */
export async function zoomDownload(this: ZoomContext, url: string, options: ZoomDownloadOptions = {}): Promise<ZoomDownload> {
	const response = await zoomApiFullRequest.call(
		this,
		'GET',
		url,
		{ encoding: 'stream', json: false },
		{ timeout: options.timeout, downloadToken: options.downloadToken || undefined },
	);
	const headers = (response.headers ?? {}) as Record<string, unknown>;
	const disposition = typeof headers['content-disposition'] === 'string' ? headers['content-disposition'] : '';
	const fileName = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1];
	const length = Number(headers['content-length']);
	return {
		stream: response.body as NodeJS.ReadableStream,
		headers,
		contentType: typeof headers['content-type'] === 'string' ? headers['content-type'] : undefined,
		contentLength: Number.isFinite(length) ? length : undefined,
		fileName: fileName ? decodeURIComponent(fileName) : undefined,
	};
}
