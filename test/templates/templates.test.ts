import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { findN8n, freePort, importCredentials, importWorkflows, linkPackage, N8N_VERSIONS, runN8nCli } from '../n8n/index';
import { loadTemplates, templateCredentials } from '../n8n/templates';
import {
	builtInDescriptions,
	checkCredentials,
	checkGraph,
	checkIds,
	checkNormalForm,
	checkParameters,
	checkSchema,
	checkSecrets,
	loadAll,
	packageDescriptions,
} from './check';
import { formatTemplate } from './normalForm';
import { readTemplateText, SCHEMA_NODE, SETUP_TEMPLATE, type TemplateNode, type WorkflowTemplate } from './templates';

const templates = loadAll();

/** One template changed by `change`, as the checks see it. */
function changed(file: string, change: (workflow: WorkflowTemplate) => void) {
	const template = templates.find((candidate) => candidate.file === file)!;
	const workflow = structuredClone(template.workflow);
	change(workflow);
	return [{ file, text: formatTemplate(workflow), workflow }];
}

const nodeNamed = (workflow: WorkflowTemplate, name: string): TemplateNode => workflow.nodes.find((node) => node.name === name)!;

describe('workflow templates (workflows/*.json)', () => {
	it('are in normal form', () => {
		assert.ok(templates.length >= 8);
		assert.deepEqual(checkNormalForm(templates), []);
	});

	it('have fixed, unique workflow ids, node names and webhook paths', () => {
		assert.deepEqual(checkIds(templates), []);
	});

	it('reference the known credentials by name only', () => {
		assert.deepEqual(checkCredentials(templates), []);
	});

	it('hold no literal secrets or local addresses', () => {
		assert.deepEqual(checkSecrets(templates), []);
	});

	it('have a sticky note, only built-in nodes and ours, known connection ends and every error output connected', () => {
		assert.deepEqual(checkGraph(templates), []);
	});

	it("apply workflows/sql/*.sql, in order, in the setup template", () => {
		assert.deepEqual(checkSchema(templates), []);
	});

	it("set only parameters this package's nodes declare (built descriptions in dist/)", () => {
		assert.deepEqual(checkParameters(templates, packageDescriptions(), 'ours', 'this package'), []);
	});

	for (const version of N8N_VERSIONS) {
		it(`set only parameters n8n ${version}'s built-in nodes declare, in the versions the templates pin`, async (t) => {
			const builtIn = await builtInDescriptions(version);
			if (!builtIn) {
				t.skip(`n8n ${version} is not installed (npx tsx test/n8n/install.ts ${version})`);
				return;
			}
			assert.deepEqual(checkParameters(templates, builtIn, 'builtIn', `n8n ${version}`), []);
		});
	}
});

describe('the templates check', () => {
	it('finds a file out of normal form', () => {
		const [template] = templates;
		const problems = checkNormalForm([{ ...template, text: JSON.stringify(template.workflow, null, 2) }]);
		assert.deepEqual(problems, [`${template.file}: not in normal form (run npm run templates:format)`]);
	});

	it('finds a credential id, an unknown credential, a literal secret and a token', () => {
		const broken = changed('ticket-purchased.json', (workflow) => {
			const node = workflow.nodes.find((candidate) => candidate.credentials)!;
			const [type] = Object.keys(node.credentials!);
			node.credentials![type] = { id: 'aB3dE5', name: 'My Postgres' };
			nodeNamed(workflow, 'Settings').parameters.assignments = {
				assignments: [
					{ id: '1', name: 'crmApiKey', value: 'abc123', type: 'string' },
					{ id: '2', name: 'note', value: 'Bearer 0123456789abcdefXYZ', type: 'string' },
				],
			};
		});
		const problems = [...checkCredentials(broken), ...checkSecrets(broken)].join('\n');
		assert.match(problems, /by id/);
		assert.match(problems, /"My Postgres", not one of/);
		assert.match(problems, /Settings parameters\.assignments\.assignments\[0\]\.value holds a literal crmApiKey/);
		assert.match(problems, /holds a bearer token/);
	});

	it('finds an error output that goes nowhere, a lost sticky note and a connection to an unknown node', () => {
		const broken = changed('ticketing-api.json', (workflow) => {
			const node = workflow.nodes.find((candidate) => candidate.onError === 'continueErrorOutput')!;
			workflow.connections[node.name].main[1] = [];
			workflow.nodes = workflow.nodes.filter((candidate) => candidate.type !== 'n8n-nodes-base.stickyNote');
			workflow.connections[node.name].main[0]!.push({ node: 'Gone', type: 'main', index: 0 });
		});
		const problems = checkGraph(broken).join('\n');
		assert.match(problems, /error output, which goes nowhere/);
		assert.match(problems, /no sticky note/);
		assert.match(problems, /connects to the unknown node Gone/);
	});

	it('finds schema SQL that is not workflows/sql', () => {
		const broken = changed(SETUP_TEMPLATE, (workflow) => {
			nodeNamed(workflow, SCHEMA_NODE).parameters.query = 'CREATE TABLE zoom_meetings (id text)';
		});
		assert.equal(checkSchema(broken).length, 1);
	});

	it('finds a second webhook on the same path, a node name used twice and a workflow id n8n cannot take', () => {
		const broken = changed('ticketing-api.json', (workflow) => {
			workflow.id = 'ticketing-api-workflow';
			const webhook = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.webhook')!;
			workflow.nodes.push({ ...webhook, id: 'another-id' });
		});
		const problems = checkIds(broken).join('\n');
		assert.match(problems, /not a fixed n8n id/);
		assert.match(problems, /two nodes are named/);
		assert.match(problems, /answers GET api\/integrations\/zoom\/auth, as ticketing-api\.json Auth Status does/);
	});

	it("finds a parameter our node does not declare, one it hides for the node's other values, and an unknown option", () => {
		const broken = changed('nightly-reconcile.json', (workflow) => {
			const sync = workflow.nodes.find((node) => node.parameters.operation === 'syncTicketHolders')!;
			sync.parameters.ticketId = '={{ $json.ticketId }}';
			sync.parameters.options = { autoApprove: true, sendEmail: true };
			sync.parameters.webinarId = sync.parameters.meetingId ?? sync.parameters.webinarId;
			sync.parameters.meetingId = sync.parameters.webinarId;
		});
		const problems = checkParameters(broken, packageDescriptions(), 'ours', 'this package').join('\n');
		assert.match(problems, /ticketId is not a parameter/);
		assert.match(problems, /options\.sendEmail is not a parameter/);
		assert.doesNotMatch(problems, /options\.autoApprove/);
		assert.match(problems, /(meetingId|webinarId) is not a parameter/);
	});

	it("finds a parameter n8n's built-in node does not declare, one it hides and an unknown rule field (n8n 2.41.1)", async (t) => {
		const builtIn = await builtInDescriptions('2.41.1');
		if (!builtIn) {
			t.skip('n8n 2.41.1 is not installed (npx tsx test/n8n/install.ts 2.41.1)');
			return;
		}
		const broken = changed('ticket-purchased.json', (workflow) => {
			const postgres = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.postgres')!;
			postgres.parameters.queryText = 'SELECT 1';
			postgres.parameters.table = 'zoom_meetings';
			const rules = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.switch')!.parameters.rules as { values: Array<Record<string, unknown>> };
			rules.values[0].outputName = 'x';
		});
		const problems = checkParameters(broken, builtIn, 'builtIn', 'n8n 2.41.1').join('\n');
		assert.match(problems, /queryText is not a parameter of n8n-nodes-base\.postgres/);
		assert.match(problems, /table is not a parameter of n8n-nodes-base\.postgres/);
		assert.match(problems, /rules\.values\[0\]\.outputName is not a parameter of n8n-nodes-base\.switch/);
	});

	it('finds a node version our package does not have', () => {
		const broken = changed('zoom-events.json', (workflow) => {
			workflow.nodes.find((node) => node.type.endsWith('.zoomTicketingTrigger'))!.typeVersion = 7;
		});
		assert.match(checkParameters(broken, packageDescriptions(), 'ours', 'this package').join('\n'), /version 7 does not exist/);
	});
});

describe('an export from n8n, formatted', () => {
	it('is the template file again (n8n 2.41.1: import with credentials, then export:workflow)', async (t) => {
		const runtime = await findN8n('2.41.1');
		if (!runtime) {
			t.skip('n8n 2.41.1 is not installed (npx tsx test/n8n/install.ts 2.41.1)');
			return;
		}
		const userFolder = await mkdtemp(join(tmpdir(), 'templates-export-'));
		try {
			const config = { runtime, userFolder, port: await freePort(), encryptionKey: 'templates-export-test' };
			await linkPackage(runtime, userFolder);
			await importCredentials(
				config,
				templateCredentials({
					zoom: { accountId: 'a', clientId: 'c', clientSecret: 's', webhookSecret: 'w', apiBaseUrl: 'https://api.zoom.us/v2', oauthBaseUrl: 'https://zoom.us' },
					postgres: { host: 'db', port: 5432, database: 'n8n', user: 'n8n', password: 'p' },
					smtp: { host: 'mail', port: 25 },
					apiKey: 'k',
				}),
			);
			await importWorkflows(config, loadTemplates());
			const output = join(userFolder, 'export');
			await runN8nCli(config, ['export:workflow', '--all', '--separate', `--output=${output}`]);
			const exported = await readdir(output);
			assert.equal(exported.length, templates.length);
			for (const name of exported) {
				const workflow = JSON.parse(await readFile(join(output, name), 'utf8')) as WorkflowTemplate;
				const template = templates.find((candidate) => candidate.workflow.id === workflow.id);
				assert.ok(template, `exported ${workflow.id} is a template`);
				assert.equal(formatTemplate(workflow), readTemplateText(template.file), template.file);
			}
		} finally {
			await rm(userFolder, { recursive: true, force: true });
		}
	});
});
