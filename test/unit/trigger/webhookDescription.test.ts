import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { INode, IWebhookDescription } from 'n8n-workflow';
import {
	Workflow,
	resolveWebhookDescriptionField,
	webhookDescriptionIsNativelyResolvable,
} from 'n8n-workflow';

import { loadNodeTypes } from '../../harness/nodes';

const TYPE = 'n8n-nodes-zoom-ticketing.zoomTicketingTrigger';
const nodeTypesPromise = loadNodeTypes('source');

async function triggerDescription() {
	const { description } = (await nodeTypesPromise).getByNameAndVersion(TYPE, 1.1);
	return { description, webhook: description.webhooks![0] as IWebhookDescription };
}

async function triggerInWorkflow(parameters: INode['parameters']) {
	const nodeTypes = await nodeTypesPromise;
	const node: INode = {
		id: 'c0ffee00-0000-4000-8000-000000000001',
		name: 'Zoom Events',
		type: TYPE,
		typeVersion: 1.1,
		position: [0, 0],
		parameters,
	};
	// The Workflow constructor fills in parameter defaults, as n8n does before resolving webhooks.
	const workflow = new Workflow({ nodes: [node], connections: {}, active: true, nodeTypes });
	return { workflow, node: workflow.getNode(node.name)! };
}

describe('trigger webhook description', () => {
	it('declares every templated field with a native resolver, so n8n 2.x needs no expression engine for it', async () => {
		const { webhook } = await triggerDescription();
		assert.equal(webhook.path, '={{$parameter["path"]}}');
		assert.equal(webhookDescriptionIsNativelyResolvable(webhook), true);
	});

	for (const path of ['zoom/events', 'events/zoom-app/v2', '/zoom/']) {
		it(`resolves the path "${path}" as the expression engine does`, async () => {
			const { webhook } = await triggerDescription();
			const { workflow, node } = await triggerInWorkflow({ path, events: ['*'] });
			const native = resolveWebhookDescriptionField(node, webhook, 'path');
			const evaluated = workflow.expression.getSimpleParameterValue(node, webhook.path, 'internal', {});
			assert.deepEqual(native, { resolved: true, value: path });
			assert.equal(native.resolved && native.value, evaluated);
		});
	}

	it('leaves a path that is itself an expression to the engine', async () => {
		const { webhook } = await triggerDescription();
		const { node } = await triggerInWorkflow({ path: '={{ "zoom/" + "events" }}', events: ['*'] });
		assert.deepEqual(resolveWebhookDescriptionField(node, webhook, 'path'), { resolved: false });
	});

	it('keeps version 1 loadable and creates new nodes as 1.1, which n8n 2.x does not treat as a Webhook v1', async () => {
		const { description } = await triggerDescription();
		assert.deepEqual(description.version, [1, 1.1]);
		assert.equal(description.defaultVersion, 1.1);
	});
});
