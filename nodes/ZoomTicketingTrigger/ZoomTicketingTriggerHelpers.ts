import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IHookFunctions,
	INodeCredentialTestResult,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { URL_VALIDATION_EVENT, isSelectedEvent } from './events';
import { normalizeZoomEvent } from './normalize';
import { REFUSALS, urlValidationToken, verifyZoomRequest } from './signature';
import type { ZoomWebhookBody } from './types';

export const WEBHOOK_CREDENTIAL = 'zoomTicketingWebhookApi';
export const DEFAULT_TOLERANCE_SECONDS = 300;
export const DEFAULT_MAX_BODY_KB = 1024;

interface TriggerOptions {
	toleranceSeconds?: number;
	maxBodySizeKb?: number;
}

type WebhookRequest = ReturnType<IWebhookFunctions['getRequestObject']>;
type WebhookResponse = ReturnType<IWebhookFunctions['getResponseObject']>;

function secretOf(credentials: ICredentialDataDecryptedObject | undefined): string {
	return typeof credentials?.secretToken === 'string' ? credentials.secretToken : '';
}

/**
 * The body bytes as received. n8n keeps them in `req.rawBody` (its body parser reads the stream
 * once, before the node runs, and offers `readRawBody()` for requests it has not parsed). When
 * neither is there the body cannot be verified, and the request is refused rather than checked
 * against re-serialised JSON.
 */
async function readRawBody(req: WebhookRequest): Promise<Buffer | undefined> {
	const request = req as WebhookRequest & { rawBody?: unknown; readRawBody?: () => Promise<void> };
	if (!Buffer.isBuffer(request.rawBody) && typeof request.readRawBody === 'function') {
		try {
			await request.readRawBody();
		} catch {
			return undefined;
		}
	}
	return Buffer.isBuffer(request.rawBody) ? request.rawBody : undefined;
}

function parseJsonObject(rawBody: Buffer): ZoomWebhookBody | undefined {
	try {
		const parsed: unknown = JSON.parse(rawBody.toString('utf8'));
		return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
			? (parsed as ZoomWebhookBody)
			: undefined;
	} catch {
		return undefined;
	}
}

/** Answers the request directly, so that n8n sends nothing more and starts no execution. */
function answer(res: WebhookResponse, status: number, body: IDataObject): IWebhookResponseData {
	const payload = JSON.stringify(body);
	res.writeHead(status, {
		'content-type': 'application/json; charset=utf-8',
		'content-length': Buffer.byteLength(payload),
	});
	res.end(payload);
	return { noWebhookResponse: true };
}

/**
 * One request from Zoom: verify it, answer the URL validation handshake, acknowledge events the
 * node does not listen to, and hand the others to the workflow. n8n sends the acknowledgement
 * (respond immediately) as soon as the execution is created, before any workflow node runs.
 */
export async function handleZoomWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const req = this.getRequestObject();
	const res = this.getResponseObject();
	const options = this.getNodeParameter('options', {}) as TriggerOptions;
	const credentials = await this.getCredentials(WEBHOOK_CREDENTIAL);

	const rawBody = await readRawBody(req);
	if (rawBody === undefined) {
		this.logger.warn('Zoom webhook refused: the raw request body is not available to verify');
		return answer(res, 500, { message: 'Raw request body is not available' });
	}

	const verdict = verifyZoomRequest({
		secret: secretOf(credentials),
		rawBody,
		signature: req.headers['x-zm-signature'],
		timestamp: req.headers['x-zm-request-timestamp'],
		nowMs: Date.now(),
		toleranceSeconds: options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS,
		maxBodyBytes: (options.maxBodySizeKb ?? DEFAULT_MAX_BODY_KB) * 1024,
	});
	if (!verdict.valid) {
		const refusal = REFUSALS[verdict.reason];
		this.logger.debug(`Zoom webhook refused: ${refusal.message}`);
		return answer(res, refusal.status, { message: refusal.message });
	}

	const body = parseJsonObject(rawBody);
	if (body === undefined) {
		return answer(res, 400, { message: 'Request body is not a JSON object' });
	}

	if (body.event === URL_VALIDATION_EVENT) {
		const plainToken = body.payload?.plainToken;
		if (typeof plainToken !== 'string' || plainToken === '') {
			return answer(res, 400, { message: 'Missing payload.plainToken' });
		}
		return answer(res, 200, {
			plainToken,
			encryptedToken: urlValidationToken(secretOf(credentials), plainToken),
		});
	}

	if (typeof body.event !== 'string' || body.event === '') {
		return answer(res, 400, { message: 'Missing event' });
	}

	const selected = this.getNodeParameter('events', []) as string[];
	if (!isSelectedEvent(body.event, selected)) {
		return answer(res, 200, { message: `Event ${body.event} acknowledged; this trigger does not listen to it` });
	}

	return { workflowData: [[{ json: normalizeZoomEvent(body) }]] };
}

/**
 * Zoom has no API to register an Event Subscription: the user pastes the URL into the Zoom app.
 * Activation therefore only checks what would otherwise refuse every event later.
 */
export async function checkActivation(this: IHookFunctions): Promise<boolean> {
	const credentials = await this.getCredentials(WEBHOOK_CREDENTIAL);
	if (secretOf(credentials).trim() === '') {
		throw new NodeOperationError(
			this.getNode(),
			'The Zoom Ticketing Webhook credential has no Secret Token',
			{ description: "Copy the Secret Token from your Zoom app's Features > Access page into the credential." },
		);
	}
	const events = this.getNodeParameter('events', []) as string[];
	if (events.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Select at least one event in "Events"', {
			description: 'Choose the events this workflow handles, or "All Supported Events".',
		});
	}
	return true;
}

/** Zoom's secret tokens are opaque; this catches the usual copy and paste mistakes offline. */
export async function testWebhookSecret(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const secret = secretOf(credential.data);
	if (secret === '') return { status: 'Error', message: 'The Secret Token is empty' };
	if (secret.trim() !== secret) {
		return { status: 'Error', message: 'The Secret Token starts or ends with whitespace' };
	}
	if (!/^[\x21-\x7e]+$/.test(secret)) {
		return { status: 'Error', message: 'The Secret Token contains characters Zoom does not use' };
	}
	return {
		status: 'OK',
		message: 'The Secret Token is well formed. Zoom confirms it when you click Validate in Event Subscriptions.',
	};
}
