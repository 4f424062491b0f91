import type { INodeParameters, IWebhookDescription } from 'n8n-workflow';

export const PATH_TEMPLATE = '={{$parameter["path"]}}';

/**
 * n8n-workflow's `WEBHOOK_RESOLVERS` (n8n 2.x), taken from the global symbol registry rather than
 * imported so that the node still loads on n8n 1.x, whose n8n-workflow has no such export.
 */
const WEBHOOK_RESOLVERS = Symbol.for('n8n.webhookDescriptionResolvers');

/**
 * Lets n8n 2.x read the webhook path straight from the node's parameters. Without a resolver it
 * evaluates the path template in its expression engine on every request, and under the default
 * `vm` engine that builds a V8 isolate per Zoom event: most of the cost of acknowledging one.
 * n8n uses the resolver only while the description still carries this exact template and the
 * node's parameters hold no expression; otherwise it evaluates the template as before.
 */
export function withNativePath(description: IWebhookDescription): IWebhookDescription {
	return Object.assign(description, {
		[WEBHOOK_RESOLVERS]: {
			path: { template: PATH_TEMPLATE, resolve: (parameters: INodeParameters) => parameters.path },
		},
	});
}
