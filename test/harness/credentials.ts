import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	NodeParameterValueType,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, Workflow } from 'n8n-workflow';
import { Credentials } from 'n8n-core';

import type { HarnessNodeTypes } from './nodes';

export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

/** Every write n8n made to a credential during the runs: token refreshes, rotated refresh tokens. */
export interface CredentialUpdate {
	id: string;
	type: string;
	kind: 'preAuthentication' | 'oauthTokenData';
	data: ICredentialDataDecryptedObject;
	at: number;
}

/**
 * The credential store and helper n8n's engine calls into, doing what n8n's CLI does with
 * credentials: defaults and `$self` expressions resolved, `authenticate` templates applied,
 * `preAuthentication` run when the expirable property is empty or after a 401, and refreshed
 * OAuth2 token data written back.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	private readonly store = new Map<string, StoredCredential>();

	readonly updates: CredentialUpdate[] = [];

	constructor(
		private readonly types: Map<string, ICredentialType>,
		private readonly nodeTypes: HarnessNodeTypes,
	) {
		super();
	}

	add(credential: StoredCredential): void {
		this.store.set(credential.id, { ...credential, data: structuredClone(credential.data) });
	}

	get(id: string): StoredCredential {
		const stored = this.store.get(id);
		if (!stored) throw new Error(`Harness: no credential with id "${id}"`);
		return stored;
	}

	/**
	 * n8n's "Test" button: the type's test request, its expressions resolved against the credential
	 * as `$credentials`, authenticated as nodes are (pre-authentication, generic template, or the
	 * OAuth2 bearer token), sent for real. Resolves to the HTTP status and body.
	 */
	async testCredential(id: string, helpers: IHttpRequestHelper): Promise<{ status: number; body: unknown }> {
		const stored = this.get(id);
		const credentialType = this.type(stored.type);
		const request = credentialType.test?.request;
		if (!request) throw new Error(`Harness: ${stored.type} has no test request`);
		let data = this.resolved(stored.type, structuredClone(stored.data));
		const node: INode = {
			id: 'test',
			name: 'test',
			type: 'test',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
			credentials: { [stored.type]: { id: stored.id, name: stored.name } },
		};
		data = (await this.preAuthentication(helpers, data, stored.type, node, false)) ?? data;
		const resolve = (value: unknown) => this.resolve(value as NodeParameterValueType, data, { $credentials: data });
		let options: IHttpRequestOptions = {
			method: request.method ?? 'GET',
			url: `${String(resolve(request.baseURL ?? ''))}${String(resolve(request.url ?? ''))}`,
			headers: {},
		};
		if (this.getParentTypes(stored.type).includes('oAuth2Api')) {
			const token = (data.oauthTokenData as IDataObject | undefined)?.access_token;
			options.headers = { Authorization: `Bearer ${String(token)}` };
		} else {
			options = await this.authenticate(data, stored.type, options);
		}
		const response = await fetch(options.url, { method: options.method, headers: options.headers as Record<string, string> });
		return { status: response.status, body: await response.json().catch(() => undefined) };
	}

	private type(name: string): ICredentialType {
		const type = this.types.get(name);
		if (!type) throw new Error(`Harness: unknown credential type "${name}"`);
		return type;
	}

	getParentTypes(name: string): string[] {
		const parents = this.type(name).extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const credentialType = this.type(type);
		const merged: INodeProperties[] = [];
		for (const parent of credentialType.extends ?? []) {
			NodeHelpers.mergeNodeProperties(merged, this.getCredentialsProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(merged, credentialType.properties);
		if (type === 'oAuth2Api') {
			merged.push({ displayName: 'oauthTokenData', name: 'oauthTokenData', type: 'json', default: {} });
		}
		return merged;
	}

	private expressionWorkflow(): Workflow {
		return new Workflow({
			id: 'credentials',
			nodes: [],
			connections: {},
			active: false,
			nodeTypes: this.nodeTypes,
		});
	}

	private resolve(value: NodeParameterValueType, self: IDataObject, extra: IDataObject = {}): NodeParameterValueType {
		const node: INode = {
			id: 'credential',
			name: 'credential',
			type: 'credential',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		};
		const workflow = this.expressionWorkflow();
		workflow.nodes[node.name] = node;
		return workflow.expression.getComplexParameterValue(
			node,
			value as INodeParameters,
			'internal',
			extra,
			undefined,
			undefined,
			self,
		) as NodeParameterValueType;
	}

	/** Defaults applied and `={{ }}` expressions resolved, with `$self` = the credential's own data. */
	resolved(type: string, data: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject {
		const withDefaults = NodeHelpers.getNodeParameters(
			this.getCredentialsProperties(type),
			data as unknown as INodeParameters,
			true,
			false,
			null,
			null,
		) as unknown as ICredentialDataDecryptedObject;
		if (data.oauthTokenData !== undefined) withDefaults.oauthTokenData = data.oauthTokenData;
		const { oauthTokenData, ...rest } = withDefaults;
		const result = this.resolve(rest as NodeParameterValueType, withDefaults) as ICredentialDataDecryptedObject;
		if (oauthTokenData !== undefined) result.oauthTokenData = oauthTokenData;
		return result;
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		_mode?: unknown,
		_executeData?: unknown,
		raw?: boolean,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = this.get(String(nodeCredentials.id));
		if (stored.type !== type) throw new Error(`Harness: credential "${stored.id}" is a ${stored.type}, not a ${type}`);
		const data = structuredClone(stored.data);
		return raw ? data : this.resolved(type, data);
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		const stored = this.get(String(nodeCredentials.id));
		const credentials = new Credentials({ id: stored.id, name: stored.name }, type);
		credentials.setData(stored.data);
		return credentials;
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const stored = this.get(String(nodeCredentials.id));
		stored.data = structuredClone(data);
		this.updates.push({ id: stored.id, type, kind: 'preAuthentication', data: structuredClone(data), at: Date.now() });
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const stored = this.get(String(nodeCredentials.id));
		stored.data = { ...stored.data, oauthTokenData: structuredClone(data.oauthTokenData) };
		this.updates.push({ id: stored.id, type, kind: 'oauthTokenData', data: structuredClone(stored.data), at: Date.now() });
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
	): Promise<IHttpRequestOptions> {
		const authenticate = this.type(typeName).authenticate;
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (authenticate?.type !== 'generic') return requestOptions as IHttpRequestOptions;
		const options = requestOptions as unknown as Record<string, Record<string, unknown>>;
		for (const [outerKey, values] of Object.entries(authenticate.properties)) {
			options[outerKey] ??= {};
			for (const [key, value] of Object.entries(values as IDataObject)) {
				options[outerKey][key] = this.resolve(value as NodeParameterValueType, credentials, { $credentials: credentials });
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.type(typeName);
		const expirable = credentialType.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!expirable || typeof credentialType.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;

		const output = await credentialType.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		const updated = { ...credentials };
		for (const [key, value] of Object.entries(output)) {
			if (value !== undefined && value !== null) updated[key] = value as ICredentialDataDecryptedObject[string];
		}
		const reference = node.credentials?.[typeName];
		if (reference?.id) await this.updateCredentials(reference, typeName, updated);
		return updated;
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.type(typeName);
		if (typeof credentialType.preAuthentication !== 'function') return undefined;
		const expirable = credentialType.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!expirable || credentials[expirable.name] !== '') return undefined;
		return (await credentialType.preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject;
	}
}
