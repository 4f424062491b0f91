import type { ICredentialDataDecryptedObject, IDataObject, ITriggerFunctions, ITriggerResponse } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { credentialTypeFor, type ZoomAuthentication } from '../ZoomTicketing/transport/urls';
import {
	DEFAULT_HEARTBEAT_SECONDS,
	DEFAULT_MAX_BATCH_SIZE,
	DEFAULT_MAX_RECONNECT_SECONDS,
	DEFAULT_MAX_WAIT_MS,
} from './description';
import { productionStream, registerProductionStream } from './registry';
import { ZoomEventStream, type SocketLike, type StreamSettings } from './stream';
import { parseSubscription, SubscriptionError, type StreamEndpoint } from './subscription';
import { CredentialRefusedError, fetchStreamToken, TokenUnavailableError, type StreamToken, type TokenGrant } from './token';

type SocketConstructor = new (url: string) => SocketLike;

// Node.js 22 and later have a global WebSocket client; Node 20 has it only behind a flag.
declare const WebSocket: SocketConstructor | undefined;

export const NODE_VERSION_NEEDED = 'Node.js 22 or later';

function socketConstructor(): SocketConstructor | undefined {
	return typeof WebSocket === 'function' ? WebSocket : undefined;
}

function positiveNumber(ctx: ITriggerFunctions, options: IDataObject, name: string, fallback: number, min: number): number {
	const value = options[name] === undefined ? fallback : Number(options[name]);
	if (!Number.isFinite(value) || value < min) {
		throw new NodeOperationError(ctx.getNode(), `Options > ${name} must be a number of at least ${min} (got ${String(options[name])})`);
	}
	return value;
}

async function readCredentials(ctx: ITriggerFunctions, type: string): Promise<ICredentialDataDecryptedObject> {
	return await ctx.getCredentials(type);
}

function endpointOf(ctx: ITriggerFunctions, credentials: ICredentialDataDecryptedObject): StreamEndpoint {
	try {
		return parseSubscription(ctx.getNodeParameter('subscription', ''), credentials);
	} catch (error) {
		if (error instanceof SubscriptionError) {
			throw new NodeOperationError(ctx.getNode(), `Subscription ${error.message}`, {
				description: "Zoom shows the endpoint URL after you save an Event Subscription with the method WebSocket in your Zoom app.",
			});
		}
		throw new NodeOperationError(ctx.getNode(), error as Error);
	}
}

/** The trigger: checks everything it can before connecting, then keeps the stream open until closed. */
export async function activateStream(this: ITriggerFunctions): Promise<ITriggerResponse> {
	const node = this.getNode();
	const Socket = socketConstructor();
	if (!Socket) {
		throw new NodeOperationError(node, `The Zoom Ticketing Stream Trigger needs ${NODE_VERSION_NEEDED}`, {
			description:
				"It uses the WebSocket client built into Node.js 22 and later (n8n 2.x runs on Node.js 22 or 24). This n8n runs on an older Node.js: upgrade it, or receive Zoom's events with the Zoom Ticketing Trigger (webhooks) instead.",
		});
	}
	const authentication = this.getNodeParameter('authentication', 'serverToServerOAuth') as ZoomAuthentication;
	const credentialType = credentialTypeFor(authentication);
	const credentials = await readCredentials(this, credentialType);
	const credentialId = node.credentials?.[credentialType]?.id ?? '';
	const endpoint = endpointOf(this, credentials);
	const grant: TokenGrant =
		authentication === 'oAuth2' ? 'client_credentials' : (this.getNodeParameter('tokenGrant', 'account_credentials') as TokenGrant);
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const heartbeatMs = positiveNumber(this, options, 'heartbeatSeconds', DEFAULT_HEARTBEAT_SECONDS, 1) * 1000;
	const manual = this.getMode() === 'manual';

	if (manual) {
		const live = productionStream(endpoint.url);
		if (live && live.credentialId !== credentialId) {
			throw new NodeOperationError(node, 'An active workflow with another credential holds this Zoom subscription', {
				description:
					"A test run listens to the active workflow's connection only when it uses the same credential. Select that workflow's credential here, or test with a separate Event Subscription.",
			});
		}
		if (live) {
			this.logger.info('Zoom event stream: this manual run listens to the production connection of the same subscription');
			const stop = live.stream.listen((items) => this.emit([items.map((json) => ({ json }))]));
			return { closeFunction: async () => stop() };
		}
		// n8n 2.x passes manual runs the workflow as inactive; where a host says it is active, its
		// connection runs elsewhere and a second one would cut it off.
		if (this.getWorkflow().active) {
			throw new NodeOperationError(node, 'This workflow is active, so its production connection holds the Zoom subscription', {
				description:
					"Zoom serves one connection per subscription: a test connection would disconnect the active workflow and lose events. Look at the active workflow's executions instead, or deactivate it to test here.",
			});
		}
	}

	const settings: StreamSettings = {
		endpoint,
		maxBatchSize: Math.floor(positiveNumber(this, options, 'maxBatchSize', DEFAULT_MAX_BATCH_SIZE, 1)),
		maxWaitMs: positiveNumber(this, options, 'maxWaitMs', DEFAULT_MAX_WAIT_MS, 0),
		heartbeatMs,
		silenceMs: Math.round(heartbeatMs * 1.5),
		connectTimeoutMs: Math.max(5000, heartbeatMs),
		maxBackoffMs: positiveNumber(this, options, 'maxReconnectSeconds', DEFAULT_MAX_RECONNECT_SECONDS, 1) * 1000,
		manual,
	};
	const helpers = this.helpers;
	const now = () => Date.now();
	const fetchToken = async (): Promise<StreamToken> => await fetchStreamToken(helpers, credentials, grant, now);

	let firstToken: StreamToken | undefined;
	try {
		firstToken = await fetchToken();
	} catch (error) {
		if (error instanceof CredentialRefusedError) {
			throw new NodeOperationError(node, `Zoom refused the credential: ${error.message}`, {
				description:
					grant === 'account_credentials'
						? "Check the credential's Account ID, Client ID and Client Secret, or try the Token Grant 'Client Credentials'."
						: "Check the credential's Client ID and Client Secret.",
			});
		}
		if (!(error instanceof TokenUnavailableError)) throw new NodeOperationError(node, error as Error);
		this.logger.warn(`Zoom event stream: ${error.message}; retrying in the background`);
	}

	const stream = new ZoomEventStream(
		settings,
		{
			openSocket: (url) => new Socket(url),
			fetchToken,
			emitItems: (items) => this.emit([items.map((json) => ({ json }))]),
			fail: (error) => this.emitError(new NodeOperationError(node, error.message)),
			logger: this.logger,
			now,
		},
		firstToken,
	);
	const unregister = manual ? () => {} : registerProductionStream(endpoint.url, credentialId, stream);
	if (!unregister) {
		await stream.close();
		throw new NodeOperationError(node, `Another active workflow in this n8n already listens to the Zoom subscription ${endpoint.subscriptionId}`, {
			description:
				'Zoom serves one connection per subscription: two workflows on one subscription would keep cutting each other off. Give each workflow its own Event Subscription, or deactivate the other workflow.',
		});
	}
	try {
		await stream.start();
	} catch (error) {
		unregister();
		throw new NodeOperationError(node, (error as Error).message);
	}
	return {
		closeFunction: async () => {
			unregister();
			await stream.close();
		},
	};
}
