import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The templates are the JSON files of workflows/ (the editor's export, in normal form); this reads them. */

export const workflowsFolder = join(__dirname, '..', '..', 'workflows');

export const PACKAGE = 'n8n-nodes-zoom-ticketing';

/**
 * The credentials the templates use, referenced by name only: n8n resolves the name when a
 * workflow is imported. test/n8n/templates.ts creates them under these names with fixed ids.
 */
export const CREDENTIALS = {
	zoom: { type: 'zoomTicketingServerToServerOAuthApi', name: 'Zoom Ticketing Server-to-Server OAuth' },
	zoomWebhook: { type: 'zoomTicketingWebhookApi', name: 'Zoom Ticketing Webhook' },
	postgres: { type: 'postgres', name: 'Zoom Ticketing Postgres' },
	smtp: { type: 'smtp', name: 'Zoom Ticketing SMTP' },
	apiKey: { type: 'httpHeaderAuth', name: 'Ticketing API Key' },
	ticketingPlatform: { type: 'httpHeaderAuth', name: 'Ticketing Platform API' },
	crm: { type: 'httpHeaderAuth', name: 'CRM API' },
	hubspot: { type: 'hubspotAppToken', name: 'HubSpot App Token' },
} as const;

export type CredentialKey = keyof typeof CREDENTIALS;

export interface TemplateNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string | null; name: string }>;
	webhookId?: string;
	onError?: string;
	disabled?: boolean;
	[setting: string]: unknown;
}

export interface ConnectionTarget {
	node: string;
	type: string;
	index: number;
}

export interface WorkflowTemplate {
	id: string;
	name: string;
	nodes: TemplateNode[];
	connections: Record<string, Record<string, Array<ConnectionTarget[] | null>>>;
	active: boolean;
	settings: Record<string, unknown>;
	pinData: Record<string, unknown>;
	tags: unknown[];
	[key: string]: unknown;
}

export const templateFiles = (): string[] =>
	readdirSync(workflowsFolder)
		.filter((file) => file.endsWith('.json'))
		.sort();

export const readTemplateText = (file: string): string => readFileSync(join(workflowsFolder, file), 'utf8');

export const readTemplate = (file: string): WorkflowTemplate => JSON.parse(readTemplateText(file)) as WorkflowTemplate;

export const SETUP_TEMPLATE = 'zoom-ticketing-setup.json';
export const SCHEMA_NODE = 'Apply Schema';

/** The schema the setup template applies: every file of workflows/sql in order. */
export function schemaSql(): string {
	const folder = join(workflowsFolder, 'sql');
	return readdirSync(folder)
		.filter((file) => file.endsWith('.sql'))
		.sort()
		.map((file) => readFileSync(join(folder, file), 'utf8').trim())
		.join('\n\n');
}
