/**
 * An HTTP server that takes a request through n8n's webhook path in-process, the way n8n's own
 * webhook server (packages/cli: raw-body reader, body parser, webhook helpers) does it for a
 * version-1 webhook node: the body is read once into `req.rawBody` (16 MB limit) and parsed by
 * content type (invalid JSON: 422), then n8n-core's real `WebhookContext` runs the node's
 * `webhook()`. A node that answered itself (`noWebhookResponse`) gets nothing more; without
 * `workflowData` n8n answers `webhookResponse` (or its default) and starts nothing; otherwise
 * n8n-core's `WorkflowExecute` runs the workflow from the trigger's items and the caller gets
 * the "respond immediately" acknowledgement.
 *
 * Every execution started is recorded, so that tests can assert that a refusal started none.
 * The test for real n8n (`trigger-burst.test.ts`) covers n8n's own server end to end.
 */
import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'zoom-trigger-n8n-'));

import { ExecutionLifecycleHooks, WebhookContext, WorkflowExecute } from 'n8n-core';
import {
	ICredentialsHelper,
	NodeHelpers,
	Workflow,
	createRunExecutionData,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type IDataObject,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeProperties,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IWebhookData,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';


export const TRIGGER_TYPE = 'n8n-nodes-zoom-ticketing.zoomTicketingTrigger';
const TRIGGER_NAME = 'Zoom Ticketing Trigger';
const PAYLOAD_SIZE_MAX_BYTES = 16 * 1024 * 1024;

export interface TriggerServerOptions {
	/** Parameters of the trigger node (defaults: path `zoom/events`, all events). */
	parameters?: INodeParameters;
	/** The Secret Token stored in the node's Zoom Ticketing Webhook credential. */
	secretToken: string;
	/**
	 * false: behave like a host that parses JSON without keeping the bytes (no `rawBody`, no
	 * `readRawBody`), to check that the trigger then refuses instead of re-serialising.
	 */
	keepRawBody?: boolean;
}

export interface TriggerServer {
	baseUrl: string;
	/** The production URL of the trigger, e.g. http://127.0.0.1:1234/webhook/zoom/events. */
	url: string;
	/** Every execution started, in order; each resolves to n8n-core's run result. */
	executions: Array<Promise<IRun>>;
	/** The items the trigger emitted, one array per execution. */
	emitted(): Promise<INodeExecutionData[][]>;
	close(): Promise<void>;
}

// Imported by file name: a specifier ending in `.node` would be taken for a native addon.
const TRIGGER_SOURCE = resolve(__dirname, '../../../nodes/ZoomTicketingTrigger/ZoomTicketingTrigger.node.ts');

class NodeTypes implements INodeTypes {
	constructor(private readonly trigger: INodeType) {}

	getByName(type: string): INodeType {
		if (type !== TRIGGER_TYPE) throw new Error(`Unknown node type ${type}`);
		return this.trigger;
	}

	getByNameAndVersion(type: string): INodeType {
		return this.getByName(type);
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

class CredentialsHelper extends ICredentialsHelper {
	constructor(private readonly data: ICredentialDataDecryptedObject) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(_credentials: ICredentialDataDecryptedObject, _type: string, options: IHttpRequestOptions) {
		return options;
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('The trigger reads its credential decrypted');
	}

	async getDecrypted(): Promise<ICredentialDataDecryptedObject> {
		return { ...this.data };
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties(): INodeProperties[] {
		return [];
	}
}

type N8nRequest = IncomingMessage & {
	rawBody?: Buffer;
	readRawBody?: () => Promise<void>;
	body?: unknown;
	contentType?: string;
	params?: Record<string, string>;
	query?: Record<string, string>;
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
	const text = JSON.stringify(body);
	res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
	res.end(text);
}

/** n8n's rawBodyReader: `readRawBody()` reads the stream once, within the payload size limit. */
function attachRawBodyReader(req: N8nRequest): void {
	req.readRawBody = async () => {
		if (req.rawBody) return;
		const chunks: Buffer[] = [];
		let size = 0;
		for await (const chunk of req) {
			size += (chunk as Buffer).length;
			if (size > PAYLOAD_SIZE_MAX_BYTES) throw Object.assign(new Error('request entity too large'), { status: 413 });
			chunks.push(chunk as Buffer);
		}
		req.rawBody = Buffer.concat(chunks);
	};
}

/** n8n's parseBody for a version-1 webhook node: JSON, text and forms by content type. */
async function parseBody(req: N8nRequest): Promise<void> {
	await req.readRawBody!();
	const rawBody = req.rawBody!;
	if (rawBody.length === 0) return;
	if (req.contentType === 'application/json') {
		req.body = JSON.parse(rawBody.toString('utf8'));
	} else if (req.contentType === 'text/plain') {
		req.body = rawBody.toString('utf8');
	} else if (req.contentType === 'application/x-www-form-urlencoded') {
		req.body = Object.fromEntries(new URLSearchParams(rawBody.toString('utf8')));
	}
}

export async function startTriggerServer(options: TriggerServerOptions): Promise<TriggerServer> {
	const node: INode = {
		id: '0b3c3a5e-7c5d-4f55-9a3e-0f4b2a6c1d10',
		name: TRIGGER_NAME,
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId: '5f0e2c1a-3b4d-4e6f-8a9b-0c1d2e3f4a5b',
		parameters: { path: 'zoom/events', events: ['*'], ...options.parameters },
		credentials: { zoomTicketingWebhookApi: { id: 'zoom-webhook', name: 'Zoom webhook' } },
	};
	const { ZoomTicketingTrigger } = (await import(TRIGGER_SOURCE)) as { ZoomTicketingTrigger: new () => INodeType };
	const nodeTypes = new NodeTypes(new ZoomTicketingTrigger());
	const workflow = new Workflow({
		id: 'trigger-harness',
		name: 'Zoom trigger harness',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes,
		settings: { executionOrder: 'v1' },
	});

	const executions: Array<Promise<IRun>> = [];
	let baseUrl = '';

	const additionalData = (): IWorkflowExecuteAdditionalData =>
		({
			credentialsHelper: new CredentialsHelper({ secretToken: options.secretToken }),
			currentNodeExecutionIndex: 0,
			restApiUrl: `${baseUrl}/rest`,
			instanceBaseUrl: baseUrl,
			formBaseUrl: `${baseUrl}/form`,
			formWaitingBaseUrl: `${baseUrl}/form-waiting`,
			formTestBaseUrl: `${baseUrl}/form-test`,
			webhookBaseUrl: `${baseUrl}/webhook`,
			webhookWaitingBaseUrl: `${baseUrl}/webhook-waiting`,
			webhookTestBaseUrl: `${baseUrl}/webhook-test`,
			mcpBaseUrl: `${baseUrl}/mcp`,
			mcpTestBaseUrl: `${baseUrl}/mcp-test`,
			variables: {},
			logAiEvent: () => {},
		}) as unknown as IWorkflowExecuteAdditionalData;

	const description = nodeTypes.getByName(TRIGGER_TYPE).description.webhooks![0];
	const evaluatedPath = workflow.expression.getSimpleParameterValue(node, description.path, 'webhook', {}) as string;
	const webhookPath = `/webhook/${NodeHelpers.getNodeWebhookPath(workflow.id, node, evaluatedPath, true)}`;

	async function handle(req: N8nRequest, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://localhost');
		if (url.pathname !== webhookPath) {
			sendJson(res, 404, { message: 'The requested webhook is not registered.' });
			return;
		}
		if (req.method !== 'POST') {
			sendJson(res, 404, { message: `This webhook is not registered for ${req.method} requests.` });
			return;
		}

		req.contentType = req.headers['content-type']?.split(';')[0].trim().toLowerCase();
		req.params = {};
		req.query = Object.fromEntries(url.searchParams);
		attachRawBodyReader(req);
		try {
			await parseBody(req);
		} catch (error) {
			const status = (error as { status?: number }).status ?? 422;
			sendJson(res, status, { message: status === 422 ? 'Failed to parse request body' : (error as Error).message });
			return;
		}
		req.body ??= {};
		if (options.keepRawBody === false) {
			Reflect.deleteProperty(req, 'rawBody');
			Reflect.deleteProperty(req, 'readRawBody');
		}

		const data = additionalData();
		data.httpRequest = req as unknown as IWorkflowExecuteAdditionalData['httpRequest'];
		data.httpResponse = res as unknown as IWorkflowExecuteAdditionalData['httpResponse'];
		const webhookData: IWebhookData = {
			httpMethod: 'POST',
			node: node.name,
			path: webhookPath,
			webhookDescription: description,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: data,
		};
		const context = new WebhookContext(workflow, node, data, 'webhook', webhookData, [], null);
		const result = await nodeTypes.getByName(TRIGGER_TYPE).webhook!.call(context);

		if (result.workflowData === undefined) {
			if (result.noWebhookResponse !== true) {
				sendJson(res, 200, result.webhookResponse ?? { message: 'Webhook call received' });
			}
			return;
		}

		const runExecutionData = createRunExecutionData({
			executionData: { nodeExecutionStack: [{ node, data: { main: result.workflowData }, source: null }] },
		});
		const workflowData = {
			id: workflow.id,
			name: workflow.name,
			active: true,
			activeVersionId: null,
			nodes: [node],
			connections: {},
			settings: {},
			createdAt: new Date(),
			updatedAt: new Date(),
			isArchived: false,
		} as unknown as IWorkflowBase;
		data.executionId = String(executions.length + 1);
		data.hooks = new ExecutionLifecycleHooks('webhook', data.executionId, workflowData);
		const execution = new WorkflowExecute(data, 'webhook', runExecutionData).processRunExecutionData(workflow);
		executions.push(execution);
		if (result.noWebhookResponse !== true) sendJson(res, 200, { message: 'Workflow was started' });
	}

	const server = createServer((req, res) => {
		handle(req as N8nRequest, res).catch((error: Error) => {
			if (!res.headersSent) sendJson(res, 500, { message: 'Workflow Webhook Error: Workflow could not be started!' });
			process.emitWarning(`trigger harness: ${error.message}`);
		});
	});
	server.keepAliveTimeout = 1000;
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	return {
		baseUrl,
		url: `${baseUrl}${webhookPath}`,
		executions,
		async emitted() {
			const runs = await Promise.all(executions);
			return runs.map((run) => {
				if (run.data.resultData.error) throw run.data.resultData.error;
				return run.data.resultData.runData[TRIGGER_NAME][0].data!.main[0] ?? [];
			});
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
