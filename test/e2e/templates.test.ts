import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { readTemplate, templateFiles } from '../templates/templates';

// What every template must hold (normal form, credentials, secrets, error outputs, schema, parameters)
// is checked in test/templates/templates.test.ts.
describe('workflow templates', () => {
	it('serve the webhook paths of the contract', () => {
		const paths = templateFiles().flatMap((file) =>
			readTemplate(file)
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
});
