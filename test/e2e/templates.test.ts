import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { schemaSql, templates } from '../../workflows/src/templates';

const folder = join(__dirname, '..', '..', 'workflows');

interface TemplateNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: unknown; name: string }>;
	disabled?: boolean;
	webhookId?: string;
	onError?: string;
}

const files = readdirSync(folder).filter((file) => file.endsWith('.json'));
const read = (file: string) =>
	JSON.parse(readFileSync(join(folder, file), 'utf8')) as { id: string; nodes: TemplateNode[]; connections: Record<string, unknown> };

describe('workflow templates', () => {
	it('are exactly what workflows/src generates', () => {
		assert.deepEqual(files.sort(), Object.keys(templates).sort());
		for (const [file, build] of Object.entries(templates)) {
			assert.equal(readFileSync(join(folder, file), 'utf8'), `${JSON.stringify(build(), null, '\t')}\n`, `${file} is stale: run npx tsx workflows/src/build.ts`);
		}
	});

	it('reference credentials by name only, and hold no secrets or local hostnames', () => {
		for (const file of files) {
			const text = readFileSync(join(folder, file), 'utf8');
			assert.doesNotMatch(text, /127\.0\.0\.1|localhost|sim-secret|sim-webhook-secret/, file);
			for (const node of read(file).nodes) {
				for (const [type, reference] of Object.entries(node.credentials ?? {})) {
					assert.equal(reference.id, null, `${file} ${node.name} ${type}`);
					assert.match(reference.name, /\S/);
				}
			}
		}
	});

	it('use built-in nodes besides this package, each with a sticky note explaining setup', () => {
		for (const file of files) {
			const { nodes, connections } = read(file);
			assert.ok(nodes.some((node) => node.type === 'n8n-nodes-base.stickyNote'), `${file} has a sticky note`);
			for (const node of nodes) {
				assert.match(node.type, /^(n8n-nodes-base|n8n-nodes-zoom-ticketing)\./, `${file} ${node.name}`);
			}
			const names = new Set(nodes.map((node) => node.name));
			for (const [from, outputs] of Object.entries(connections)) {
				assert.ok(names.has(from), `${file}: connection from unknown ${from}`);
				for (const targets of (outputs as { main: Array<Array<{ node: string }>> }).main) {
					for (const target of targets) assert.ok(names.has(target.node), `${file}: connection to unknown ${target.node}`);
				}
			}
		}
	});

	it('connect the error output of every node set to Continue (using error output)', () => {
		for (const file of files) {
			const { nodes, connections } = read(file);
			for (const node of nodes.filter((candidate) => candidate.onError === 'continueErrorOutput')) {
				const outputs = (connections[node.name] as { main: Array<Array<{ node: string }>> } | undefined)?.main ?? [];
				assert.ok((outputs[1] ?? []).length > 0, `${file}: ${node.name} drops its failed items`);
			}
		}
	});

	it('serve the webhook paths of the contract', () => {
		const paths = files.flatMap((file) =>
			read(file)
				.nodes.filter((node) => node.type === 'n8n-nodes-base.webhook' || node.type.endsWith('.zoomTicketingTrigger'))
				.map((node) => {
					const path = node.parameters.path as string;
					// n8n serves a path with :parameters under the node's webhook id.
					const served = path.includes(':') ? `${node.webhookId}/${path}` : path;
					return `${(node.parameters.httpMethod as string | undefined) ?? 'POST'} ${served}`;
				}),
		);
		assert.deepEqual(paths.sort(), [
			'GET api/integrations/zoom/auth',
			'GET api/integrations/zoom/meetings/:meetingId/participants',
			'POST api/integrations/zoom/meetings',
			'POST api/integrations/zoom/meetings/:meetingId/registrants',
			'POST ticketing/event-cancelled',
			'POST ticketing/event-published',
			'POST ticketing/event-updated',
			'POST ticketing/reconcile',
			'POST ticketing/ticket-cancelled',
			'POST ticketing/ticket-purchased',
			'POST ticketing/ticket-refunded',
			'POST zoom/events',
		]);
	});

	it('apply the whole versioned schema in the setup template', () => {
		const setup = read('zoom-ticketing-setup.json');
		const apply = setup.nodes.find((node) => node.name === 'Apply Schema');
		assert.equal(apply?.parameters.query, schemaSql());
		for (const table of ['zoom_connections', 'zoom_meetings', 'zoom_registrants', 'zoom_attendance']) {
			assert.match(schemaSql(), new RegExp(`CREATE TABLE IF NOT EXISTS ${table} `));
		}
	});
});
