import { existsSync } from 'node:fs';
import { join } from 'node:path';

import type {
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers } from 'n8n-workflow';
import { PackageDirectoryLoader } from 'n8n-core';

import { OAuth2Api } from './oauth2Api';

export const PACKAGE_NAME = 'n8n-nodes-zoom-ticketing';
export const REPO_ROOT = join(__dirname, '..', '..');

/** Test-only start node: outputs the items given in its `items` parameter (a JSON array). */
class HarnessItems implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Harness Items',
		name: 'items',
		group: ['input'],
		version: 1,
		description: 'Outputs fixed items',
		defaults: { name: 'Items' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[{}]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as string | IDataObject[];
		const list = (typeof raw === 'string' ? JSON.parse(raw) : raw) as IDataObject[];
		return [list.map((json, index) => ({ json, pairedItem: { item: index } }))];
	}
}

/**
 * Test-only step: sends one HTTP request (e.g. to the simulator's control API, to advance its
 * clock mid-run) and passes its input items through unchanged.
 */
class HarnessHttp implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Harness HTTP',
		name: 'http',
		group: ['transform'],
		version: 1,
		description: 'Sends a request, passes items through',
		defaults: { name: 'HTTP' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'Method', name: 'method', type: 'string', default: 'POST' },
			{ displayName: 'URL', name: 'url', type: 'string', default: '' },
			{ displayName: 'Body', name: 'body', type: 'json', default: '{}' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const method = this.getNodeParameter('method', 0) as string;
		const url = this.getNodeParameter('url', 0) as string;
		const body = this.getNodeParameter('body', 0) as string | IDataObject;
		const response = await fetch(url, {
			method,
			headers: { 'content-type': 'application/json' },
			body: method === 'GET' ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
		});
		if (!response.ok) throw new Error(`Harness HTTP: ${method} ${url} answered ${response.status}`);
		return [this.getInputData()];
	}
}

export const HARNESS_ITEMS_TYPE = 'harness.items';
export const HARNESS_HTTP_TYPE = 'harness.http';

export type LoadMode = 'package' | 'source';

export class HarnessNodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType | IVersionedNodeType>();

	readonly credentialTypes = new Map<string, ICredentialType>();

	add(name: string, type: INodeType | IVersionedNodeType): void {
		this.types.set(name, type);
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const type = this.types.get(nodeType);
		if (!type) throw new Error(`Harness: unknown node type "${nodeType}" (known: ${[...this.types.keys()].join(', ')})`);
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		return Object.fromEntries([...this.types.keys()].map((name) => [name, { className: name, sourcePath: '' }]));
	}
}

/**
 * Loads our nodes and credentials. `package`: n8n-core's PackageDirectoryLoader on the built
 * `dist/`, exactly as n8n loads an installed community package. `source`: the TypeScript classes
 * (through tsx), registered under the same type names, for a quick edit-and-run loop.
 */
export async function loadNodeTypes(mode: LoadMode): Promise<HarnessNodeTypes> {
	const registry = new HarnessNodeTypes();
	registry.add(HARNESS_ITEMS_TYPE, new HarnessItems());
	registry.add(HARNESS_HTTP_TYPE, new HarnessHttp());
	registry.credentialTypes.set('oAuth2Api', new OAuth2Api());

	if (mode === 'package') {
		if (!existsSync(join(REPO_ROOT, 'dist', 'nodes'))) {
			throw new Error('Harness: dist/ is missing; run `npm run build` first (or use load: "source")');
		}
		const loader = new PackageDirectoryLoader(REPO_ROOT);
		await loader.loadAll();
		for (const [name, data] of Object.entries(loader.nodeTypes)) registry.add(`${PACKAGE_NAME}.${name}`, data.type);
		for (const [name, data] of Object.entries(loader.credentialTypes)) registry.credentialTypes.set(name, data.type);
		return registry;
	}

	// require() goes through tsx's CommonJS hook, which resolves the .ts sources.
	const action = require(join(REPO_ROOT, 'nodes', 'ZoomTicketing', 'ZoomTicketing.node.ts')) as Record<string, new () => INodeType>;
	registry.add(`${PACKAGE_NAME}.zoomTicketing`, new action.ZoomTicketing());
	const triggerPath = join(REPO_ROOT, 'nodes', 'ZoomTicketingTrigger', 'ZoomTicketingTrigger.node.ts');
	if (existsSync(triggerPath)) {
		const trigger = require(triggerPath) as Record<string, new () => INodeType>;
		registry.add(`${PACKAGE_NAME}.zoomTicketingTrigger`, new trigger.ZoomTicketingTrigger());
	}
	const stream = require(join(REPO_ROOT, 'nodes', 'ZoomTicketingStreamTrigger', 'ZoomTicketingStreamTrigger.node.ts')) as Record<string, new () => INodeType>;
	registry.add(`${PACKAGE_NAME}.zoomTicketingStreamTrigger`, new stream.ZoomTicketingStreamTrigger());
	const credentialModules = [
		['ZoomTicketingOAuth2Api', 'ZoomTicketingOAuth2Api'],
		['ZoomTicketingServerToServerOAuthApi', 'ZoomTicketingServerToServerOAuthApi'],
		['ZoomTicketingWebhookApi', 'ZoomTicketingWebhookApi'],
	];
	for (const [file, className] of credentialModules) {
		const path = join(REPO_ROOT, 'credentials', `${file}.credentials.ts`);
		if (!existsSync(path)) continue;
		const module = require(path) as Record<string, new () => ICredentialType>;
		const type = new module[className]();
		registry.credentialTypes.set(type.name, type);
	}
	return registry;
}
