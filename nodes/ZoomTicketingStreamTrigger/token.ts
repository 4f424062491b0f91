import type { ICredentialDataDecryptedObject, IN8nHttpFullResponse, ITriggerFunctions } from 'n8n-workflow';

import { oauthBaseUrl } from '../../credentials/zoomEnvironment';

export type TokenGrant = 'account_credentials' | 'client_credentials';

export interface StreamToken {
	accessToken: string;
	fetchedAt: number;
	/** When to open a new connection with a new token, ahead of the token's expiry. */
	renewAt: number;
	expiresAt: number;
}

/** The token endpoint refused the app's credentials: this will not heal by itself. */
export class CredentialRefusedError extends Error {}

/** The token endpoint could not be reached or failed on its side: worth retrying. */
export class TokenUnavailableError extends Error {}

interface TokenAnswer {
	access_token?: unknown;
	expires_in?: unknown;
	reason?: unknown;
	error?: unknown;
}

function refusalText(status: number, body: TokenAnswer): string {
	const detail = [body.error, body.reason].filter((part) => typeof part === 'string' && part !== '').join(': ');
	return `Zoom's token endpoint answered HTTP ${status}${detail ? ` (${detail})` : ''}`;
}

/**
 * Fetches a new access token for the socket straight from the credential's token endpoint
 * (Zoom wants it in the socket URL, so n8n's stored API token is not used). Server-to-Server apps
 * use `account_credentials` by default; Zoom's WebSocket page names `client_credentials`, which
 * both app kinds may use.
 */
export async function fetchStreamToken(
	helpers: ITriggerFunctions['helpers'],
	credentials: ICredentialDataDecryptedObject,
	grant: TokenGrant,
	now: () => number,
): Promise<StreamToken> {
	const form = new URLSearchParams({ grant_type: grant });
	if (grant === 'account_credentials') form.set('account_id', String(credentials.accountId ?? ''));
	const response = await helpers
		.httpRequest({
			method: 'POST',
			url: `${oauthBaseUrl(credentials)}/oauth/token`,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: form.toString(),
			auth: { username: String(credentials.clientId ?? ''), password: String(credentials.clientSecret ?? '') },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: 30_000,
		})
		.then(
			(answer) => answer as IN8nHttpFullResponse,
			(error: Error) => error,
		);
	if (response instanceof Error) {
		throw new TokenUnavailableError(`Zoom's token endpoint could not be reached: ${response.message}`);
	}
	const body = (typeof response.body === 'object' && response.body !== null ? response.body : {}) as TokenAnswer;
	if (response.statusCode >= 400 && response.statusCode < 500 && response.statusCode !== 429) {
		throw new CredentialRefusedError(refusalText(response.statusCode, body));
	}
	if (response.statusCode !== 200 || typeof body.access_token !== 'string' || body.access_token === '') {
		throw new TokenUnavailableError(refusalText(response.statusCode, body));
	}
	const fetchedAt = now();
	const lifetimeMs = (Number(body.expires_in) > 0 ? Number(body.expires_in) : 3600) * 1000;
	// Renew five minutes early, or a tenth of the lifetime for short-lived tokens.
	const marginMs = Math.min(5 * 60_000, lifetimeMs / 10);
	return {
		accessToken: body.access_token,
		fetchedAt,
		renewAt: fetchedAt + lifetimeMs - marginMs,
		expiresAt: fetchedAt + lifetimeMs,
	};
}
