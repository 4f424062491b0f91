/**
 * Activates the Zoom Ticketing Stream Trigger the way n8n does: n8n-core's TriggersAndPollers
 * runs the node's `trigger()` in a real TriggerContext (parameters through the expression
 * engine, `getCredentials`, n8n-core's request helpers for the token endpoint), in trigger or
 * manual mode. Every `emit` starts an execution through n8n-core's WorkflowExecute with the
 * trigger's items, as n8n's ActiveWorkflowManager does; `emitError` calls are recorded.
 */
import '../../harness/env';

import { resolve } from 'node:path';

import { ExecutionLifecycleHooks, TriggerContext, TriggersAndPollers, WorkflowExecute } from 'n8n-core';
import {
	ICredentialsHelper,
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
	type ITriggerResponse,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { PACKAGE_NAME, REPO_ROOT } from '../../harness/nodes';

export const STREAM_TRIGGER_TYPE = `${PACKAGE_NAME}.zoomTicketingStreamTrigger`;
const NODE_NAME = 'Zoom Ticketing Stream Trigger';
// Imported by file name: a specifier ending in `.node` would be taken for a native addon.
const SOURCE = resolve(__dirname, '../../../nodes/ZoomTicketingStreamTrigger/ZoomTicketingStreamTrigger.node.ts');
const BUILT = resolve(REPO_ROOT, 'dist/nodes/ZoomTicketingStreamTrigger/ZoomTicketingStreamTrigger.node.js');

class NodeTypes implements INodeTypes {
	constructor(private readonly trigger: INodeType) {}

	getByName(type: string): INodeType {
		if (type !== STREAM_TRIGGER_TYPE) throw new Error(`Unknown node type ${type}`);
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

export interface StreamActivation {
	parameters: INodeParameters;
	credentialType: 'zoomTicketingServerToServerOAuthApi' | 'zoomTicketingOAuth2Api';
	credentialData: ICredentialDataDecryptedObject;
	mode?: 'trigger' | 'manual';
	/** The id of the credential the node uses ('zoom-stream' unless given). */
	credentialId?: string;
	/** Whether the workflow is active (published) while this activation runs. */
	active?: boolean;
}

export interface ActiveStream {
	/** The items of every emit, in order (one array per execution). */
	batches: IDataObject[][];
	/** Every emitError. */
	errors: Error[];
	executions: Array<Promise<IRun>>;
	response: ITriggerResponse | undefined;
	/** Every event item (gap markers left out), across batches. */
	events(): IDataObject[];
	markers(): IDataObject[];
	/** Waits until `check` holds, polling every 50 ms; throws after `timeoutMs` with `what`. */
	waitFor(what: string, check: () => boolean, timeoutMs?: number): Promise<void>;
	close(): Promise<void>;
}

async function loadTrigger(): Promise<INodeType> {
	const fromPackage = process.env.ZOOM_HARNESS_LOAD === 'package';
	const module = (await import(fromPackage ? BUILT : SOURCE)) as { ZoomTicketingStreamTrigger: new () => INodeType };
	return new module.ZoomTicketingStreamTrigger();
}

export async function waitUntil(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((done) => setTimeout(done, 50));
	}
}

export async function activateStream(options: StreamActivation): Promise<ActiveStream> {
	const mode: WorkflowExecuteMode = options.mode ?? 'trigger';
	const node: INode = {
		id: '7a0f3d2e-1b2c-4d5e-8f90-a1b2c3d4e5f6',
		name: NODE_NAME,
		type: STREAM_TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: { [options.credentialType]: { id: options.credentialId ?? 'zoom-stream', name: 'Zoom stream' } },
	};
	const nodeTypes = new NodeTypes(await loadTrigger());
	const active = options.active ?? mode !== 'manual';
	const workflow = new Workflow({
		id: 'stream-harness',
		name: 'Zoom stream harness',
		nodes: [node],
		connections: {},
		active,
		nodeTypes,
		settings: { executionOrder: 'v1' },
	});
	const workflowData = {
		id: workflow.id,
		name: workflow.name,
		active,
		activeVersionId: null,
		nodes: [node],
		connections: {},
		settings: {},
		createdAt: new Date(),
		updatedAt: new Date(),
		isArchived: false,
	} as unknown as IWorkflowBase;

	const additionalData = {
		credentialsHelper: new CredentialsHelper(options.credentialData),
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://localhost/rest',
		instanceBaseUrl: 'http://localhost/',
		webhookBaseUrl: 'http://localhost/webhook',
		webhookWaitingBaseUrl: 'http://localhost/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost/webhook-test',
		formWaitingBaseUrl: 'http://localhost/form-waiting',
		variables: {},
		logAiEvent: () => {},
		hooks: new ExecutionLifecycleHooks(mode, 'manual-1', workflowData),
	} as unknown as IWorkflowExecuteAdditionalData;

	const batches: IDataObject[][] = [];
	const errors: Error[] = [];
	const executions: Array<Promise<IRun>> = [];

	const startExecution = (data: INodeExecutionData[][]) => {
		batches.push((data[0] ?? []).map((item) => item.json));
		const runData = { ...additionalData, executionId: String(executions.length + 1) } as IWorkflowExecuteAdditionalData;
		runData.hooks = new ExecutionLifecycleHooks('trigger', runData.executionId!, workflowData);
		const runExecutionData = createRunExecutionData({
			executionData: { nodeExecutionStack: [{ node, data: { main: data }, source: null }] },
		});
		executions.push(new WorkflowExecute(runData, 'trigger', runExecutionData).processRunExecutionData(workflow));
	};

	const response = await new TriggersAndPollers().runTriggerFunction(
		workflow,
		node,
		(wf, triggerNode, data, executeMode, activation) =>
			new TriggerContext(
				wf,
				triggerNode,
				data,
				executeMode,
				activation,
				startExecution,
				(error: Error) => errors.push(error),
				(error) => errors.push(error as Error),
				{ registerCron: () => {} },
			),
		additionalData,
		mode,
		mode === 'manual' ? 'manual' : 'activate',
	);

	let closed = false;
	const isMarker = (item: IDataObject) => item.event === 'stream.gap';
	return {
		batches,
		errors,
		executions,
		response,
		events: () => batches.flat().filter((item) => !isMarker(item)),
		markers: () => batches.flat().filter(isMarker),
		waitFor: waitUntil,
		async close() {
			if (closed) return;
			closed = true;
			await response?.closeFunction?.();
			await Promise.all(executions);
		},
	};
}
