import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CREDENTIALS } from '../templates/templates';
import {
	activateWorkflows,
	executeWorkflow,
	freePort,
	importCredentials,
	importWorkflows,
	linkPackage,
	repoRoot,
	startN8n,
	type CredentialSpec,
	type N8nInstance,
	type N8nInstanceConfig,
	type N8nRuntime,
	type WorkflowSpec,
} from './index';

/** Everything the templates need from the outside world, as `npm start` and the e2e test provide it. */
export interface TemplateStack {
	zoom: {
		environment?: 'zoom' | 'zoomGov' | 'custom';
		apiBaseUrl?: string;
		oauthBaseUrl?: string;
		accountId: string;
		clientId: string;
		clientSecret: string;
		webhookSecret: string;
	};
	postgres: { host: string; port: number; database: string; user: string; password: string };
	smtp: { host: string; port: number; user?: string; password?: string; secure?: boolean };
	/** Value of the X-Api-Key header of the ticketing API and the ticketing webhooks. */
	apiKey: string;
	/** Header sent to the ticketing platform (event pages, ticket lists) and to the CRM. */
	ticketingPlatformAuth?: { name: string; value: string };
	crmAuth?: { name: string; value: string };
	/** Values for the templates' Settings nodes (by field name, every template that has the field). */
	settings?: Record<string, string | number>;
}

export const SETUP_WORKFLOW_ID = 'zoomTktSetup001';

/** Ids are fixed so that the credentials can be re-imported (updated) on every start. */
const CREDENTIAL_IDS: Record<keyof typeof CREDENTIALS, string> = {
	zoom: 'zoomTktS2S',
	zoomWebhook: 'zoomTktWebhook',
	postgres: 'zoomTktPostgres',
	smtp: 'zoomTktSmtp',
	apiKey: 'zoomTktApiKey',
	ticketingPlatform: 'zoomTktPlatform',
	crm: 'zoomTktCrm',
	hubspot: 'zoomTktHubspot',
};

export function templateCredentials(stack: TemplateStack): CredentialSpec[] {
	const spec = (key: keyof typeof CREDENTIALS, data: Record<string, unknown>): CredentialSpec => ({
		id: CREDENTIAL_IDS[key],
		name: CREDENTIALS[key].name,
		type: CREDENTIALS[key].type,
		data,
	});
	const custom = (stack.zoom.environment ?? 'custom') === 'custom';
	return [
		spec('zoom', {
			environment: stack.zoom.environment ?? 'custom',
			...(custom ? { apiBaseUrl: stack.zoom.apiBaseUrl, oauthBaseUrl: stack.zoom.oauthBaseUrl } : {}),
			accountId: stack.zoom.accountId,
			clientId: stack.zoom.clientId,
			clientSecret: stack.zoom.clientSecret,
		}),
		spec('zoomWebhook', { secretToken: stack.zoom.webhookSecret }),
		spec('postgres', { ...stack.postgres, ssl: 'disable' }),
		spec('smtp', {
			host: stack.smtp.host,
			port: stack.smtp.port,
			user: stack.smtp.user ?? '',
			password: stack.smtp.password ?? '',
			secure: stack.smtp.secure ?? false,
			disableStartTls: !(stack.smtp.secure ?? false),
		}),
		spec('apiKey', { name: 'X-Api-Key', value: stack.apiKey }),
		spec('ticketingPlatform', stack.ticketingPlatformAuth ?? { name: 'Authorization', value: 'Bearer change-me' }),
		spec('crm', stack.crmAuth ?? { name: 'Authorization', value: 'Bearer change-me' }),
	];
}

interface SetNode {
	name: string;
	parameters: { assignments?: { assignments: Array<{ name: string; value: unknown }> } };
}

/** Every template of workflows/, with the given values written into their Settings nodes. */
export function loadTemplates(settings: Record<string, string | number> = {}): WorkflowSpec[] {
	const folder = join(repoRoot, 'workflows');
	return readdirSync(folder)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => {
			const workflow = JSON.parse(readFileSync(join(folder, file), 'utf8')) as WorkflowSpec;
			for (const node of workflow.nodes as SetNode[]) {
				if (node.name !== 'Settings') continue;
				for (const assignment of node.parameters.assignments?.assignments ?? []) {
					if (assignment.name in settings) assignment.value = settings[assignment.name];
				}
			}
			return workflow;
		});
}

const onlyCalledByOthers = (workflow: WorkflowSpec) =>
	(workflow.nodes as Array<{ type: string }>).every((node) => !/trigger|webhook/i.test(node.type) || node.type === 'n8n-nodes-base.executeWorkflowTrigger');

/**
 * Workflows that n8n activates (the setup workflow is run once instead, from the CLI). A workflow
 * that only other workflows start is published on n8n 2.x, which runs only published sub-workflows
 * in production; n8n 1.x runs it as saved and refuses to activate a workflow without a trigger.
 */
export const activeTemplateIds = (workflows: WorkflowSpec[], n8nMajor = 2) =>
	workflows
		.filter((workflow) => workflow.id !== SETUP_WORKFLOW_ID && (n8nMajor >= 2 || !onlyCalledByOthers(workflow)))
		.map((workflow) => workflow.id);

/** Each webhook path of the templates with a method it does not answer, for readiness checks. */
export function templateWebhookProbes(workflows: WorkflowSpec[]): Array<{ path: string; probeMethod: string }> {
	const probes: Array<{ path: string; probeMethod: string }> = [];
	for (const workflow of workflows) {
		if (workflow.id === SETUP_WORKFLOW_ID) continue;
		for (const node of workflow.nodes as Array<{ type: string; parameters: { path?: string; httpMethod?: string } }>) {
			if (node.type === 'n8n-nodes-base.webhook' && node.parameters.path && !node.parameters.path.includes(':')) {
				probes.push({ path: node.parameters.path, probeMethod: node.parameters.httpMethod === 'GET' ? 'POST' : 'GET' });
			}
			if (node.type.endsWith('.zoomTicketingTrigger')) probes.push({ path: node.parameters.path ?? 'zoom/events', probeMethod: 'GET' });
		}
	}
	return probes;
}

export interface LaunchTemplatesOptions {
	runtime: N8nRuntime;
	userFolder: string;
	port: number;
	encryptionKey: string;
	stack: TemplateStack;
	env?: Record<string, string>;
	onLog?: (line: string) => void;
	/** Called before each step, for progress output. */
	onStep?: (step: string) => void;
	/** Changes the loaded templates before they are imported (a test's variant, such as enabling a disabled node). */
	adjust?: (workflows: WorkflowSpec[]) => void;
}

/**
 * The whole product in a real n8n: the package as a community node, the template credentials,
 * every template imported and activated, the setup workflow run once (schema + zoom_connections),
 * then n8n started and every template webhook answering.
 */
export async function launchTemplates(options: LaunchTemplatesOptions): Promise<N8nInstance> {
	const step = options.onStep ?? (() => undefined);
	const config: N8nInstanceConfig = {
		runtime: options.runtime,
		userFolder: options.userFolder,
		port: options.port,
		brokerPort: await freePort(),
		encryptionKey: options.encryptionKey,
		env: options.env,
	};
	const workflows = loadTemplates(options.stack.settings);
	options.adjust?.(workflows);
	step('loading the package as a community node');
	await linkPackage(options.runtime, options.userFolder);
	step('importing credentials');
	await importCredentials(config, templateCredentials(options.stack));
	step(`importing ${workflows.length} templates`);
	await importWorkflows(config, workflows);
	await activateWorkflows(config, activeTemplateIds(workflows, options.runtime.major));
	step('running the setup template (schema, zoom_connections)');
	await executeWorkflow(config, SETUP_WORKFLOW_ID);
	step('starting n8n');
	return await startN8n(config, { webhooks: templateWebhookProbes(workflows), onLog: options.onLog });
}
