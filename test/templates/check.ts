import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
	NodeHelpers,
	type INode,
	type INodeParameters,
	type INodeProperties,
	type INodePropertyCollection,
	type INodeType,
	type INodeTypeDescription,
	type IVersionedNodeType,
} from 'n8n-workflow';

import { cacheDir, findN8n, repoRoot } from '../n8n/install';
import { formatTemplate } from './normalForm';
import {
	CREDENTIALS,
	PACKAGE,
	readTemplate,
	readTemplateText,
	schemaSql,
	SCHEMA_NODE,
	SETUP_TEMPLATE,
	templateFiles,
	type TemplateNode,
	type WorkflowTemplate,
} from './templates';

/** What the generator of the templates guaranteed, checked on the JSON files. Each returns its problems. */

interface Template {
	file: string;
	text: string;
	workflow: WorkflowTemplate;
}

export const loadAll = (): Template[] =>
	templateFiles().map((file) => ({ file, text: readTemplateText(file), workflow: readTemplate(file) }));

export function checkNormalForm(templates: Template[]): string[] {
	return templates
		.filter(({ text, workflow }) => text !== formatTemplate(workflow))
		.map(({ file }) => `${file}: not in normal form (run npm run templates:format)`);
}

const WEBHOOK_NODE = (type: string) => /webhook|trigger/i.test(type) && !/schedule|manual|executeWorkflowTrigger/i.test(type);

export function checkIds(templates: Template[]): string[] {
	const problems: string[] = [];
	const workflowIds = new Map<string, string>();
	const webhooks = new Map<string, string>();
	for (const { file, workflow } of templates) {
		// n8n's workflow ids are at most 16 characters; test/n8n imports and activates the templates by these.
		if (!/^[A-Za-z0-9]{1,16}$/.test(workflow.id ?? '')) problems.push(`${file}: workflow id ${JSON.stringify(workflow.id)} is not a fixed n8n id`);
		if (workflowIds.has(workflow.id)) problems.push(`${file}: workflow id ${workflow.id} is also used by ${workflowIds.get(workflow.id)}`);
		workflowIds.set(workflow.id, file);
		const names = new Set<string>();
		const nodeIds = new Set<string>();
		for (const node of workflow.nodes) {
			if (names.has(node.name)) problems.push(`${file}: two nodes are named ${node.name}`);
			if (nodeIds.has(node.id)) problems.push(`${file}: ${node.name} has the id of another node (${node.id})`);
			names.add(node.name);
			nodeIds.add(node.id);
			if (!WEBHOOK_NODE(node.type)) continue;
			if (!node.webhookId) {
				problems.push(`${file}: ${node.name} has no webhookId`);
				continue;
			}
			// n8n serves a path with :parameters at /webhook/<webhookId>/<path>, a fixed path as it is.
			const path = String(node.parameters.path ?? (node.type.endsWith('.zoomTicketingTrigger') ? 'zoom/events' : ''));
			if (!path) continue;
			const served = `${String(node.parameters.httpMethod ?? 'POST')} ${path.includes(':') ? `${node.webhookId}/${path}` : path}`;
			if (webhooks.has(served)) problems.push(`${file}: ${node.name} answers ${served}, as ${webhooks.get(served)} does`);
			webhooks.set(served, `${file} ${node.name}`);
		}
	}
	return problems;
}

export function checkCredentials(templates: Template[]): string[] {
	const known = Object.values(CREDENTIALS).map(({ type, name }) => `${type}/${name}`);
	const problems: string[] = [];
	for (const { file, workflow } of templates) {
		for (const node of workflow.nodes) {
			for (const [type, reference] of Object.entries(node.credentials ?? {})) {
				if (reference.id !== null) problems.push(`${file}: ${node.name} references its ${type} credential by id; only its name belongs in a template`);
				if (!known.includes(`${type}/${reference.name}`)) {
					problems.push(`${file}: ${node.name} uses the ${type} credential "${reference.name}", not one of test/templates/templates.ts CREDENTIALS`);
				}
			}
		}
	}
	return problems;
}

const SECRET_NAME = /pass(word|code)?$|secret|token|api[-_ ]?key|authorization|private[-_ ]?key/i;

const SECRET_SHAPES: Array<[string, RegExp]> = [
	['a JSON Web Token', /\beyJ[\w-]{8,}\.[\w-]{8,}\./],
	['a bearer token', /\bBearer\s+[\w.~+/-]{12,}/i],
	['a basic-auth header', /\bBasic\s+[A-Za-z0-9+/]{12,}={0,2}/],
	['a private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
	['an API key', /\b(sk|pk|rk)_(live|test)_\w{8,}|\bpat-(na|eu)\d?-[\w-]{20,}|\bxox[abpr]-[\w-]{10,}/],
	['a password in a URL', /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@'"]+:[^\s/@'"]+@/i],
	['a simulator secret or a local address', /127\.0\.0\.1|localhost|sim-secret|sim-webhook-secret/],
];

/** Literal secrets: a value under a secret-like name that is not an expression, or a string shaped like a credential. */
export function checkSecrets(templates: Template[]): string[] {
	const problems: string[] = [];
	const visit = (file: string, where: string, value: unknown, name?: string) => {
		if (typeof value === 'string') {
			const literal = value !== '' && !value.startsWith('=');
			if (literal && name && SECRET_NAME.test(name)) problems.push(`${file}: ${where} holds a literal ${name}; use a credential or an expression`);
			for (const [what, shape] of SECRET_SHAPES) if (shape.test(value)) problems.push(`${file}: ${where} holds ${what}`);
			return;
		}
		if (Array.isArray(value)) {
			value.forEach((entry, index) => visit(file, `${where}[${index}]`, entry, name));
			return;
		}
		if (value && typeof value === 'object') {
			const object = value as Record<string, unknown>;
			// Assignments and headers are { name, value } pairs: the secret-like name is a sibling.
			const pairName = typeof object.name === 'string' && 'value' in object ? object.name : undefined;
			for (const [key, entry] of Object.entries(object)) {
				visit(file, `${where}.${key}`, entry, key === 'value' && pairName ? pairName : key);
			}
		}
	};
	for (const { file, workflow } of templates) {
		for (const node of workflow.nodes) {
			visit(file, `${node.name} parameters`, node.parameters);
			if (node.notes) visit(file, `${node.name} notes`, node.notes);
		}
		visit(file, 'settings', workflow.settings);
	}
	return problems;
}

type Outputs = Array<Array<{ node: string }> | null>;

export function checkGraph(templates: Template[]): string[] {
	const problems: string[] = [];
	for (const { file, workflow } of templates) {
		const { nodes, connections } = workflow;
		if (!nodes.some((node) => node.type === 'n8n-nodes-base.stickyNote')) problems.push(`${file}: no sticky note explains its setup`);
		const names = new Set(nodes.map((node) => node.name));
		for (const node of nodes) {
			if (!/^(n8n-nodes-base|n8n-nodes-zoom-ticketing)\./.test(node.type)) problems.push(`${file}: ${node.name} is a ${node.type}, neither built in nor ours`);
		}
		for (const [from, byType] of Object.entries(connections)) {
			if (!names.has(from)) problems.push(`${file}: a connection starts at the unknown node ${from}`);
			for (const outputs of Object.values(byType) as Outputs[]) {
				for (const target of outputs.flatMap((targets) => targets ?? [])) {
					if (!names.has(target.node)) problems.push(`${file}: ${from} connects to the unknown node ${target.node}`);
				}
			}
		}
		for (const node of nodes.filter((candidate) => candidate.onError === 'continueErrorOutput')) {
			const outputs = (connections[node.name]?.main ?? []) as Outputs;
			if ((outputs[1] ?? []).length === 0) problems.push(`${file}: ${node.name} sends failed items to its error output, which goes nowhere`);
		}
	}
	return problems;
}

export function checkSchema(templates: Template[]): string[] {
	const setup = templates.find((template) => template.file === SETUP_TEMPLATE);
	if (!setup) return [`${SETUP_TEMPLATE} is missing`];
	const apply = setup.workflow.nodes.find((node) => node.name === SCHEMA_NODE);
	if (!apply) return [`${SETUP_TEMPLATE}: no ${SCHEMA_NODE} node`];
	return apply.parameters.query === schemaSql() ? [] : [`${SETUP_TEMPLATE}: ${SCHEMA_NODE} is not workflows/sql/*.sql in order (joined by a blank line)`];
}

type Describe = (type: string, version: number) => INodeTypeDescription | undefined;

/** Our nodes' descriptions, from the package as built in dist/. */
export function packageDescriptions(): Describe {
	const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };
	const nodes = new Map<string, INodeType | IVersionedNodeType>();
	for (const path of manifest.n8n.nodes) {
		const file = join(repoRoot, path);
		if (!existsSync(file)) throw new Error(`${path} is not built: run npm run build`);
		for (const NodeClass of Object.values(require(file) as Record<string, new () => INodeType | IVersionedNodeType>)) {
			const node = new NodeClass();
			nodes.set(`${PACKAGE}.${node.description.name}`, node);
		}
	}
	return (type, version) => {
		const node = nodes.get(type);
		if (!node) return undefined;
		if ('nodeVersions' in node) return node.nodeVersions[version]?.description;
		const versions = [node.description.version].flat();
		return versions.includes(version) ? node.description : undefined;
	};
}

/** n8n-nodes-base's descriptions, from an installed n8n's dist/types/nodes.json; undefined if not installed. */
export async function builtInDescriptions(n8nVersion: string): Promise<Describe | undefined> {
	if (!(await findN8n(n8nVersion))) return undefined;
	const file = join(cacheDir(n8nVersion), 'node_modules', 'n8n-nodes-base', 'dist', 'types', 'nodes.json');
	const descriptions = JSON.parse(readFileSync(file, 'utf8')) as INodeTypeDescription[];
	return (type, version) =>
		descriptions.find((description) => `n8n-nodes-base.${description.name}` === type && [description.version].flat().includes(version));
}

type ValueProperty = INodeProperties | INodePropertyCollection;

/** Keys inside a collection or fixed collection value that none of the same-named properties declares. */
function unknownNested(definitions: ValueProperty[], value: unknown, where: string): string[] {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
	const problems: string[] = [];
	const collections = definitions.filter((definition): definition is INodeProperties => 'type' in definition && definition.type === 'collection');
	const fixed = definitions.filter((definition): definition is INodeProperties => 'type' in definition && definition.type === 'fixedCollection');
	if (collections.length > 0) {
		const options = collections.flatMap((definition) => (definition.options ?? []) as INodeProperties[]);
		for (const [key, entry] of Object.entries(value)) {
			const matching = options.filter((option) => option.name === key);
			if (matching.length === 0) problems.push(`${where}.${key}`);
			else problems.push(...unknownNested(matching, entry, `${where}.${key}`));
		}
	} else if (fixed.length > 0) {
		const groups = fixed.flatMap((definition) => (definition.options ?? []) as INodePropertyCollection[]);
		for (const [key, entry] of Object.entries(value)) {
			const group = groups.filter((option) => option.name === key);
			if (group.length === 0) {
				problems.push(`${where}.${key}`);
				continue;
			}
			const fields = group.flatMap((option) => option.values);
			for (const [index, item] of [entry].flat().entries()) {
				if (!item || typeof item !== 'object') continue;
				for (const [field, fieldValue] of Object.entries(item as Record<string, unknown>)) {
					const matching = fields.filter((candidate) => candidate.name === field);
					if (matching.length === 0) problems.push(`${where}.${key}[${index}].${field}`);
					else problems.push(...unknownNested(matching, fieldValue, `${where}.${key}[${index}].${field}`));
				}
			}
		}
	}
	return problems;
}

/**
 * Every parameter a node sets is one its description declares and shows for the node's other
 * values (what the editor would keep), down through collections and fixed collections.
 */
export function unknownParameters(node: TemplateNode, description: INodeTypeDescription): string[] {
	const parameters = node.parameters as INodeParameters;
	const asNode = node as unknown as INode;
	const shown = NodeHelpers.getNodeParameters(description.properties, parameters, true, false, asNode, description) ?? {};
	const problems: string[] = [];
	for (const [key, value] of Object.entries(parameters)) {
		if (!(key in shown)) {
			problems.push(key);
			continue;
		}
		const definitions = description.properties.filter((property) => property.name === key);
		problems.push(...unknownNested(definitions, value, key));
	}
	return problems;
}

/** Checks the nodes `describe` answers for: ours (from dist) or n8n's built-in ones (from one n8n version). */
export function checkParameters(templates: Template[], describe: Describe, of: 'ours' | 'builtIn', label: string): string[] {
	const problems: string[] = [];
	for (const { file, workflow } of templates) {
		for (const node of workflow.nodes) {
			if (node.type.startsWith(`${PACKAGE}.`) !== (of === 'ours')) continue;
			const description = describe(node.type, node.typeVersion);
			if (!description) {
				problems.push(`${file}: ${node.name}: ${node.type} version ${node.typeVersion} does not exist in ${label}`);
				continue;
			}
			for (const parameter of unknownParameters(node, description)) {
				problems.push(`${file}: ${node.name}: ${parameter} is not a parameter of ${node.type} v${node.typeVersion} in ${label} (or not shown with the node's other values)`);
			}
		}
	}
	return problems;
}
