import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

/** Where the stream connects: the socket URL without the token, and the subscription it names. */
export interface StreamEndpoint {
	/** e.g. wss://ws.zoom.us/ws?subscriptionId=abc (no access_token) */
	url: string;
	subscriptionId: string;
}

export class SubscriptionError extends Error {}

const SUBSCRIPTION_ID = /^[A-Za-z0-9_-]{6,128}$/;

// Zoom for Government's socket host is not documented; it follows the REST host's pattern.
const ZOOM_SOCKET = 'wss://ws.zoom.us/ws';
const ZOOM_GOV_SOCKET = 'wss://ws.zoomgov.com/ws';

function defaultSocketUrl(credentials: IDataObject | ICredentialDataDecryptedObject): string {
	if (credentials.environment === 'zoomGov') return ZOOM_GOV_SOCKET;
	if (credentials.environment === 'custom' && typeof credentials.oauthBaseUrl === 'string' && credentials.oauthBaseUrl) {
		const base = new URL(credentials.oauthBaseUrl);
		base.protocol = base.protocol === 'https:' ? 'wss:' : 'ws:';
		base.pathname = `${base.pathname.replace(/\/+$/, '')}/ws`;
		base.search = '';
		return base.toString();
	}
	return ZOOM_SOCKET;
}

/** The socket host may only be Zoom's own, unless the credential points at custom base URLs. */
function hostAllowed(host: string, credentials: IDataObject | ICredentialDataDecryptedObject): boolean {
	if (credentials.environment === 'custom') return true;
	const domain = credentials.environment === 'zoomGov' ? 'zoomgov.com' : 'zoom.us';
	return host === domain || host.endsWith(`.${domain}`);
}

function urlOrUndefined(text: string): URL | undefined {
	try {
		return new URL(text);
	} catch {
		return undefined;
	}
}

/**
 * Reads the Subscription field: the endpoint URL Zoom shows for a WebSocket event subscription
 * (`wss://ws.zoom.us/ws?subscriptionId=...`) or the bare subscription ID. Throws a
 * SubscriptionError that says what is wrong with the value.
 */
export function parseSubscription(
	value: unknown,
	credentials: IDataObject | ICredentialDataDecryptedObject,
): StreamEndpoint {
	const text = typeof value === 'string' ? value.trim() : '';
	if (text === '') {
		throw new SubscriptionError(
			"is empty: paste the endpoint URL shown under your Zoom app's Event Subscription (method WebSocket), e.g. wss://ws.zoom.us/ws?subscriptionId=...",
		);
	}
	if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
		if (!SUBSCRIPTION_ID.test(text)) {
			throw new SubscriptionError(
				`"${text.slice(0, 80)}" is neither a wss:// endpoint URL nor a subscription ID (6 to 128 letters, digits, _ or -)`,
			);
		}
		const url = new URL(defaultSocketUrl(credentials));
		url.searchParams.set('subscriptionId', text);
		return { url: url.toString(), subscriptionId: text };
	}
	const url = urlOrUndefined(text);
	if (!url) throw new SubscriptionError(`"${text.slice(0, 80)}" is not a valid URL`);
	const custom = credentials.environment === 'custom';
	if (url.protocol !== 'wss:' && !(custom && url.protocol === 'ws:')) {
		throw new SubscriptionError(`must be a wss:// URL (got ${url.protocol}//)`);
	}
	if (!hostAllowed(url.hostname, credentials)) {
		throw new SubscriptionError(
			`points at ${url.hostname}, which is not a Zoom host: the access token is sent to this address, so only Zoom's own socket host (e.g. ws.zoom.us) is accepted for this credential's environment`,
		);
	}
	if (url.searchParams.has('access_token')) {
		throw new SubscriptionError('contains an access_token: paste the URL without it (the trigger adds a fresh token itself)');
	}
	const subscriptionId = url.searchParams.get('subscriptionId') ?? '';
	if (!SUBSCRIPTION_ID.test(subscriptionId)) {
		throw new SubscriptionError(
			subscriptionId === ''
				? 'has no subscriptionId query parameter: copy the whole endpoint URL Zoom shows'
				: `has a subscriptionId that is not valid ("${subscriptionId.slice(0, 80)}")`,
		);
	}
	url.hash = '';
	return { url: url.toString(), subscriptionId };
}

/** The URL to open: the endpoint with the token in the query string, where Zoom requires it. */
export function socketUrlWithToken(endpoint: StreamEndpoint, accessToken: string): string {
	const url = new URL(endpoint.url);
	url.searchParams.set('access_token', accessToken);
	return url.toString();
}
