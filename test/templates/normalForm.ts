import type { WorkflowTemplate } from './templates';

/**
 * The templates' normal form: what `npm run templates:format` writes and `npm run templates:check`
 * expects. It is the format the generator wrote (tab-indented JSON, the keys below in this order,
 * a final newline), so that an export from the n8n editor can be brought back to it:
 * - editor and instance noise is dropped (version ids, `meta.instanceId`, timestamps, sharing,
 *   static data, version metadata) and so are other workflow fields left empty (`description: null`,
 *   `nodeGroups: []`); pinned data is emptied, tags are left out and the workflow is inactive;
 * - a credential reference keeps its name only (`id: null`), since the id is the instance's;
 * - node settings that are off (`disabled: false`, ...) are dropped, as the editor leaves them out too;
 * - parameters, positions, node ids and webhook ids are kept as they are.
 */

const WORKFLOW_KEYS = ['id', 'name', 'nodes', 'connections', 'active', 'settings', 'pinData', 'tags'];

const INSTANCE_KEYS = new Set([
	'versionId',
	'activeVersionId',
	'versionCounter',
	'meta',
	'triggerCount',
	'createdAt',
	'updatedAt',
	'isArchived',
	'shared',
	'staticData',
	'parentFolder',
	'parentFolderId',
	'homeProject',
	'scopes',
	'usedCredentials',
	'sharedWithProjects',
	'checksum',
	'sourceWorkflowId',
	'versionMetadata',
]);

const isEmpty = (value: unknown) =>
	value === null || (Array.isArray(value) && value.length === 0) || (typeof value === 'object' && Object.keys(value).length === 0);

const NODE_KEYS = [
	'id',
	'name',
	'type',
	'typeVersion',
	'position',
	'parameters',
	'credentials',
	'webhookId',
	'retryOnFail',
	'maxTries',
	'waitBetweenTries',
	'alwaysOutputData',
	'onError',
	'disabled',
	'executeOnce',
	'notes',
	'notesInFlow',
];

const OFF_BY_DEFAULT = ['retryOnFail', 'alwaysOutputData', 'disabled', 'executeOnce', 'notesInFlow', 'continueOnFail'];

type Json = Record<string, unknown>;

/** Known keys first in the given order, any other key after them in alphabetical order. */
function ordered(object: Json, order: string[]): Json {
	const rest = Object.keys(object)
		.filter((key) => !order.includes(key))
		.sort();
	const result: Json = {};
	for (const key of [...order, ...rest]) if (key in object) result[key] = object[key];
	return result;
}

function normalNode(node: Json): Json {
	const copy: Json = { ...node };
	for (const key of OFF_BY_DEFAULT) if (copy[key] === false) delete copy[key];
	if (copy.credentials && typeof copy.credentials === 'object') {
		copy.credentials = Object.fromEntries(
			Object.entries(copy.credentials as Record<string, Json>).map(([type, reference]) => [type, { id: null, name: reference.name }]),
		);
	}
	return ordered(copy, NODE_KEYS);
}

function normalConnections(connections: Json): Json {
	return Object.fromEntries(
		Object.entries(connections).map(([from, byType]) => [
			from,
			Object.fromEntries(
				Object.entries(byType as Record<string, Array<Json[] | null>>).map(([type, outputs]) => [
					type,
					outputs.map((targets) => (targets ?? []).map((target) => ordered(target, ['node', 'type', 'index']))),
				]),
			),
		]),
	);
}

/** The workflow in normal form, and the keys that were dropped as instance noise. */
export function normalForm(workflow: Json): { workflow: WorkflowTemplate; dropped: string[] } {
	const noise = (key: string) => INSTANCE_KEYS.has(key) || (!WORKFLOW_KEYS.includes(key) && isEmpty(workflow[key]));
	const dropped = Object.keys(workflow).filter(noise);
	if (workflow.active === true) dropped.push('active');
	if (Object.keys((workflow.pinData as Json | undefined) ?? {}).length > 0) dropped.push('pinData');
	if (((workflow.tags as unknown[] | undefined) ?? []).length > 0) dropped.push('tags');
	const copy: Json = Object.fromEntries(Object.entries(workflow).filter(([key]) => !noise(key)));
	copy.nodes = ((copy.nodes as Json[] | undefined) ?? []).map(normalNode);
	copy.connections = normalConnections((copy.connections as Json | undefined) ?? {});
	copy.active = false;
	copy.settings = ordered((copy.settings as Json | undefined) ?? {}, []);
	copy.pinData = {};
	copy.tags = [];
	return { workflow: ordered(copy, WORKFLOW_KEYS) as WorkflowTemplate, dropped };
}

/** The text of a template file in normal form. */
export const formatTemplate = (workflow: Json): string => `${JSON.stringify(normalForm(workflow).workflow, null, '\t')}\n`;
