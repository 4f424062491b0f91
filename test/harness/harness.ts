import { readFileSync } from 'node:fs';

import type {
	ExecutionError,
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	IRun,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	IConnections,
	IHttpRequestHelper,
	IHttpRequestOptions,
	IWorkflowSettings,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';
import { Container } from '@n8n/di';
import { BinaryDataService, ExecutionLifecycleHooks, LoadOptionsContext, WorkflowExecute } from 'n8n-core';

import { HarnessCredentialsHelper, type StoredCredential } from './credentials';
import { HARNESS_HTTP_TYPE, HARNESS_ITEMS_TYPE, loadNodeTypes, PACKAGE_NAME, type HarnessNodeTypes, type LoadMode } from './nodes';

export interface WorkflowJson {
	name?: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
}

export interface RunOptions {
	/** Items fed to the start node (default: one empty item). */
	input?: IDataObject[];
	/** Name of the node to start at (default: n8n's own choice of start node). */
	startNode?: string;
}

export interface HarnessOptions {
	/** `package` (default in `npm test`): the built dist/ through n8n-core's package loader. `source`: the TS classes. */
	load?: LoadMode;
}

export class RunResult {
	constructor(readonly run: IRun) {}

	get status(): string {
		return this.run.status;
	}

	/** The workflow-level error, if the run failed. */
	get error(): ExecutionError | undefined {
		return this.run.data.resultData.error;
	}

	/** Items of one node's output (`output` 0 by default) in one run of it (`runIndex` 0 by default). */
	items(nodeName: string, output = 0, runIndex = 0): INodeExecutionData[] {
		const task = this.run.data.resultData.runData[nodeName]?.[runIndex];
		if (!task) {
			const ran = Object.keys(this.run.data.resultData.runData).join(', ');
			throw new Error(`Harness: node "${nodeName}" did not run (ran: ${ran}; error: ${this.error?.message ?? 'none'})`);
		}
		if (task.error) throw new Error(`Harness: node "${nodeName}" failed: ${task.error.message} ${task.error.description ?? ''}`);
		return task.data?.main?.[output] ?? [];
	}

	/** Just the JSON of `items()`. */
	json(nodeName: string, output = 0, runIndex = 0): IDataObject[] {
		return this.items(nodeName, output, runIndex).map((item) => item.json);
	}

	/** The error a node stopped with (no Continue On Fail), or undefined. */
	nodeError(nodeName: string, runIndex = 0): ExecutionError | undefined {
		return this.run.data.resultData.runData[nodeName]?.[runIndex]?.error;
	}
}

let binaryDataReady: Promise<void> | undefined;

/**
 * Runs workflow JSON through n8n-core's real WorkflowExecute with our node and credential
 * classes and a credential store that behaves like n8n's (see credentials.ts).
 */
export class N8nHarness {
	private executions = 0;

	private constructor(
		readonly nodeTypes: HarnessNodeTypes,
		readonly credentials: HarnessCredentialsHelper,
	) {}

	static async create(options: HarnessOptions = {}): Promise<N8nHarness> {
		const mode = options.load ?? (process.env.ZOOM_HARNESS_LOAD as LoadMode | undefined) ?? 'source';
		const nodeTypes = await loadNodeTypes(mode);
		binaryDataReady ??= Container.get(BinaryDataService).init();
		await binaryDataReady;
		return new N8nHarness(nodeTypes, new HarnessCredentialsHelper(nodeTypes.credentialTypes, nodeTypes));
	}

	/** Stores a credential (plain, decrypted data) under a fixed id; nodes reference it by id and name. */
	addCredential(credential: StoredCredential): { id: string; name: string } {
		this.credentials.add(credential);
		return { id: credential.id, name: credential.name };
	}

	/** The credential's data as it is now, after any token refreshes n8n stored. */
	credentialData(id: string): ICredentialDataDecryptedObject {
		return structuredClone(this.credentials.get(id).data);
	}

	/** The same data with defaults applied and expressions resolved, as nodes receive it. */
	resolvedCredential(id: string): ICredentialDataDecryptedObject {
		const stored = this.credentials.get(id);
		return this.credentials.resolved(stored.type, structuredClone(stored.data));
	}

	private additionalData(executionId: string, hooks?: ExecutionLifecycleHooks): IWorkflowExecuteAdditionalData {
		return {
			hooks,
			credentialsHelper: this.credentials,
			executionId,
			currentNodeExecutionIndex: 0,
			variables: {},
			restApiUrl: 'http://127.0.0.1:5678/rest',
			instanceBaseUrl: 'http://127.0.0.1:5678/',
			formBaseUrl: 'http://127.0.0.1:5678/form',
			formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
			formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
			webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
			webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
			webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
			mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
			mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
			userId: 'harness-user',
			logAiEvent: () => {},
			getRunExecutionData: async () => undefined,
			getRuntimeCredential: async () => undefined,
			executeWorkflow: async () => {
				throw new Error('Harness: sub-workflows are not supported');
			},
			startRunnerTask: async () => {
				throw new Error('Harness: the Code node task runner is not available');
			},
		} as unknown as IWorkflowExecuteAdditionalData;
	}

	/**
	 * The context n8n gives `methods.listSearch` / `methods.loadOptions` while a user edits `node`
	 * in the editor: `await searchMeetings.call(harness.loadOptionsContext(node), 'filter')`.
	 */
	loadOptionsContext(node: INode): LoadOptionsContext {
		const workflow = new Workflow({
			id: 'harness',
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: this.nodeTypes,
		});
		return new LoadOptionsContext(workflow, node, this.additionalData('load-options'), 'parameters');
	}

	/** What n8n's credential "Test" button does, for real: see HarnessCredentialsHelper.testCredential. */
	async testCredential(id: string): Promise<{ status: number; body: unknown }> {
		const httpRequest = async (options: IHttpRequestOptions) => {
			const headers: Record<string, string> = { ...(options.headers as Record<string, string>) };
			if (options.auth) headers.Authorization = `Basic ${Buffer.from(`${options.auth.username}:${options.auth.password}`).toString('base64')}`;
			const response = await fetch(options.url, { method: options.method, headers, body: options.body as string });
			const body = await response.json();
			if (!response.ok) throw new Error(`${response.status} ${JSON.stringify(body)}`);
			return body;
		};
		return await this.credentials.testCredential(id, { helpers: { httpRequest } } as unknown as IHttpRequestHelper);
	}

	async run(workflowJson: WorkflowJson, options: RunOptions = {}): Promise<RunResult> {
		const executionId = String(++this.executions);
		const workflow = new Workflow({
			id: 'harness',
			name: workflowJson.name ?? 'harness',
			nodes: structuredClone(workflowJson.nodes),
			connections: structuredClone(workflowJson.connections),
			active: false,
			nodeTypes: this.nodeTypes,
			settings: workflowJson.settings ?? {},
		});
		const fed = new Set(
			Object.values(workflowJson.connections).flatMap((outputs) =>
				Object.values(outputs).flatMap((lists) => (lists ?? []).flatMap((list) => (list ?? []).map((target) => target.node))),
			),
		);
		const startName = options.startNode ?? workflowJson.nodes.find((node) => !fed.has(node.name) && !node.disabled)?.name;
		const startNode = startName ? workflow.getNode(startName) : null;
		if (!startNode) throw new Error('Harness: the workflow has no start node');

		const workflowData: IWorkflowBase = {
			id: 'harness',
			name: workflow.name ?? 'harness',
			active: false,
			activeVersionId: null,
			nodes: workflowJson.nodes,
			connections: workflowJson.connections,
			settings: workflowJson.settings ?? {},
			createdAt: new Date(),
			updatedAt: new Date(),
			isArchived: false,
		} as IWorkflowBase;
		const hooks = new ExecutionLifecycleHooks('manual', executionId, workflowData);
		let afterHook = false;
		hooks.addHandler('workflowExecuteAfter', () => {
			afterHook = true;
		});

		const additionalData = this.additionalData(executionId, hooks);

		const runExecutionData = createRunExecutionData({
			executionData: {
				nodeExecutionStack: [
					{
						node: startNode,
						data: { main: [(options.input ?? [{}]).map((json) => ({ json }))] },
						source: null,
					},
				],
			},
		});
		const execute = new WorkflowExecute(additionalData, 'manual', runExecutionData);
		const run = await execute.processRunExecutionData(workflow);
		if (!afterHook) throw new Error('Harness: the engine finished without running workflowExecuteAfter');
		return new RunResult(run);
	}
}

/** A workflow JSON file (as exported from the n8n editor, or written by hand) for `harness.run()`. */
export function loadWorkflow(path: string): WorkflowJson {
	return JSON.parse(readFileSync(path, 'utf8')) as WorkflowJson;
}

/** A node of our package for a fixture: `zoomNode('Create', { resource: 'meeting', ... }, credentials)`. */
export function zoomNode(
	name: string,
	parameters: INode['parameters'],
	credentials: { oAuth2?: { id: string; name: string }; serverToServer?: { id: string; name: string } },
	extra: Partial<INode> = {},
): INode {
	return {
		id: name,
		name,
		type: `${PACKAGE_NAME}.zoomTicketing`,
		typeVersion: 1,
		position: [200, 0],
		parameters: { authentication: credentials.oAuth2 ? 'oAuth2' : 'serverToServerOAuth', ...parameters },
		credentials: {
			...(credentials.oAuth2 ? { zoomTicketingOAuth2Api: credentials.oAuth2 } : {}),
			...(credentials.serverToServer ? { zoomTicketingServerToServerOAuthApi: credentials.serverToServer } : {}),
		},
		...extra,
	};
}

/** A start node that outputs `items`, wired to `next`: `[itemsNode(items), ...]` with `chain()`. */
export function itemsNode(items: IDataObject[], name = 'Items'): INode {
	return {
		id: name,
		name,
		type: HARNESS_ITEMS_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { items: JSON.stringify(items) },
	};
}

/** A linear workflow: each node feeds the next. */
export function chain(...nodes: INode[]): WorkflowJson {
	const connections: IConnections = {};
	for (let index = 0; index < nodes.length - 1; index++) {
		connections[nodes[index].name] = { main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]] };
	}
	return { name: nodes.map((node) => node.name).join(' → '), nodes, connections };
}

/** A test-only step that sends one request (e.g. `POST ${sim.baseUrl}/_sim/clock/advance`) and passes items on. */
export function httpNode(name: string, method: string, url: string, body: IDataObject = {}): INode {
	return {
		id: name,
		name,
		type: HARNESS_HTTP_TYPE,
		typeVersion: 1,
		position: [100, 0],
		parameters: { method, url, body: JSON.stringify(body) },
	};
}
