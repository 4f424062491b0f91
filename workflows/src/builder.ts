import { createHash } from 'node:crypto';

/** The templates' source: small helpers that write n8n workflow JSON with stable ids. */

export const PACKAGE = 'n8n-nodes-zoom-ticketing';

/** Credentials are referenced by name only; n8n resolves the name when the workflow is imported. */
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
	credentials?: Record<string, { id: null; name: string }>;
	webhookId?: string;
	[setting: string]: unknown;
}

export interface NodeSettings {
	credentials?: CredentialKey[];
	retry?: boolean;
	alwaysOutputData?: boolean;
	onError?: 'continueErrorOutput' | 'continueRegularOutput';
	disabled?: boolean;
	executeOnce?: boolean;
	notes?: string;
	/** A fixed webhook id: n8n serves a path with `:parameters` at /webhook/<webhookId>/<path>. */
	webhookId?: string;
}

function stableUuid(...parts: string[]): string {
	const hex = createHash('sha1').update(parts.join('\u0000')).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export class WorkflowBuilder {
	private readonly nodes: TemplateNode[] = [];
	private readonly connections: Record<string, { main: Array<Array<{ node: string; type: 'main'; index: number }>> }> = {};

	constructor(
		readonly id: string,
		readonly name: string,
	) {}

	node(
		name: string,
		type: string,
		typeVersion: number,
		position: [number, number],
		parameters: Record<string, unknown>,
		settings: NodeSettings = {},
	): string {
		if (this.nodes.some((node) => node.name === name)) throw new Error(`${this.id}: duplicate node ${name}`);
		const node: TemplateNode = {
			id: stableUuid(this.id, name),
			name,
			type,
			typeVersion,
			position,
			parameters,
		};
		if (settings.credentials) {
			node.credentials = Object.fromEntries(
				settings.credentials.map((key) => [CREDENTIALS[key].type, { id: null, name: CREDENTIALS[key].name }]),
			);
		}
		if (/webhook|trigger/i.test(type) && !/schedule|manual/i.test(type)) {
			node.webhookId = settings.webhookId ?? stableUuid(this.id, name, 'webhook');
		}
		if (settings.retry) Object.assign(node, { retryOnFail: true, maxTries: 5, waitBetweenTries: 5000 });
		if (settings.alwaysOutputData) node.alwaysOutputData = true;
		if (settings.onError) node.onError = settings.onError;
		if (settings.disabled) node.disabled = true;
		if (settings.executeOnce) node.executeOnce = true;
		if (settings.notes) Object.assign(node, { notes: settings.notes, notesInFlow: true });
		this.nodes.push(node);
		return name;
	}

	connect(from: string, to: string, output = 0): this {
		for (const name of [from, to]) {
			if (!this.nodes.some((node) => node.name === name)) throw new Error(`${this.id}: unknown node ${name}`);
		}
		const outputs = (this.connections[from] ??= { main: [] }).main;
		while (outputs.length <= output) outputs.push([]);
		outputs[output].push({ node: to, type: 'main', index: 0 });
		return this;
	}

	/** Connects a chain of nodes, each to the next, from output 0. */
	chain(...names: string[]): this {
		for (let i = 1; i < names.length; i++) this.connect(names[i - 1], names[i]);
		return this;
	}

	/** A sticky note whose height fits its text, placed with its bottom edge above the nodes. */
	sticky(name: string, position: [number, number], size: [number, number], content: string, color = 7): void {
		const text = content.trim();
		const charsPerLine = Math.floor(size[0] / 7);
		const lines = text
			.split('\n')
			.reduce((total, line) => total + Math.max(1, Math.ceil(line.length / charsPerLine)) + (line.startsWith('#') ? 1 : 0), 0);
		const height = Math.max(size[1], lines * 26 + 80);
		this.node(name, 'n8n-nodes-base.stickyNote', 1, [position[0], Math.min(position[1], -80 - height)], {
			content: text,
			width: size[0],
			height,
			color,
		});
	}

	build() {
		return {
			id: this.id,
			name: this.name,
			nodes: this.nodes,
			connections: this.connections,
			active: false,
			settings: { executionOrder: 'v1', saveManualExecutions: true },
			pinData: {},
			tags: [],
		};
	}
}

// Shapes of n8n's built-in node parameters, for the versions the templates pin (present in n8n
// 1.123 and 2.41 alike).

export function condition(expression: string) {
	return {
		options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
		conditions: [
			{
				id: stableUuid(expression),
				leftValue: `={{ ${expression} }}`,
				rightValue: '',
				operator: { type: 'boolean', operation: 'true', singleValue: true },
			},
		],
		combinator: 'and',
	};
}

export const ifParameters = (expression: string) => ({ conditions: condition(expression), options: {} });

export function switchParameters(rules: Array<{ output: string; when: string }>) {
	return {
		rules: {
			values: rules.map((rule) => ({ conditions: condition(rule.when), renameOutput: true, outputKey: rule.output })),
		},
		options: {},
	};
}

type SetValue = string | number | boolean | { value: string; type: 'array' | 'object' };

export function setParameters(fields: Record<string, SetValue>) {
	return {
		assignments: {
			assignments: Object.entries(fields).map(([name, field]) => ({
				id: stableUuid('set', name),
				name,
				value: typeof field === 'object' ? field.value : field,
				type: typeof field === 'object' ? field.type : typeof field,
			})),
		},
		options: {},
	};
}

/** A Postgres "Execute Query" with positional parameters from an array expression (never string-built SQL). */
export function sqlParameters(query: string, values?: string) {
	const parameters: Record<string, unknown> = { operation: 'executeQuery', query: query.trim() };
	parameters.options = values ? { queryReplacement: `={{ ${values} }}` } : {};
	return parameters;
}

export function respondParameters(body: string, responseCode = 200) {
	return {
		respondWith: 'json',
		responseBody: `={{ ${body} }}`,
		options: responseCode === 200 ? {} : { responseCode },
	};
}

export function webhookParameters(path: string, httpMethod = 'POST') {
	return { httpMethod, path, authentication: 'headerAuth', responseMode: 'responseNode', options: {} };
}

export function emailParameters(to: string, subject: string, text: string, html: string) {
	return {
		fromEmail: "={{ $('Settings').first().json.senderEmail }}",
		toEmail: `=${to}`,
		subject: `=${subject}`,
		emailFormat: 'both',
		text: `=${text.trim()}`,
		html: `=${html.trim()}`,
		options: { appendAttribution: false },
	};
}

export const byId = (expression: string) => ({ __rl: true, mode: 'id', value: `={{ ${expression} }}` });

export const NODE = {
	webhook: ['n8n-nodes-base.webhook', 2.1],
	respond: ['n8n-nodes-base.respondToWebhook', 1.4],
	postgres: ['n8n-nodes-base.postgres', 2.6],
	email: ['n8n-nodes-base.emailSend', 2.1],
	http: ['n8n-nodes-base.httpRequest', 4.2],
	if: ['n8n-nodes-base.if', 2.2],
	switch: ['n8n-nodes-base.switch', 3.2],
	set: ['n8n-nodes-base.set', 3.4],
	filter: ['n8n-nodes-base.filter', 2.2],
	wait: ['n8n-nodes-base.wait', 1.1],
	aggregate: ['n8n-nodes-base.aggregate', 1],
	splitOut: ['n8n-nodes-base.splitOut', 1],
	loop: ['n8n-nodes-base.splitInBatches', 3],
	schedule: ['n8n-nodes-base.scheduleTrigger', 1.2],
	manual: ['n8n-nodes-base.manualTrigger', 1],
	hubspot: ['n8n-nodes-base.hubspot', 2.1],
	zoom: [`${PACKAGE}.zoomTicketing`, 1],
	zoomTrigger: [`${PACKAGE}.zoomTicketingTrigger`, 1.1],
} as const;
