import { randomBytes } from 'node:crypto';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { N8nHarness } from './harness';

/** Server-to-Server OAuth credential data pointing at a Zoom simulator (or any custom base URLs). */
export function serverToServerCredentialData(
	baseUrl: string,
	identity: { accountId?: string; clientId?: string; clientSecret?: string } = {},
): ICredentialDataDecryptedObject {
	return {
		environment: 'custom',
		apiBaseUrl: `${baseUrl}/v2`,
		oauthBaseUrl: baseUrl,
		accountId: identity.accountId ?? 'sim-account',
		clientId: identity.clientId ?? 'sim-client',
		clientSecret: identity.clientSecret ?? 'sim-secret',
		accessToken: '',
	};
}

/** OAuth2 credential data pointing at a Zoom simulator, not yet connected (no token data). */
export function oauth2CredentialData(
	baseUrl: string,
	identity: { clientId?: string; clientSecret?: string } = {},
): ICredentialDataDecryptedObject {
	return {
		environment: 'custom',
		apiBaseUrl: `${baseUrl}/v2`,
		oauthBaseUrl: baseUrl,
		clientId: identity.clientId ?? 'sim-client',
		clientSecret: identity.clientSecret ?? 'sim-secret',
	};
}

/**
 * Connects an OAuth2 credential the way n8n's "Connect" button does: opens the authorize URL,
 * takes the `code` and `state` from Zoom's redirect, exchanges the code at the token endpoint
 * (client id and secret in a Basic header) and stores the token response as `oauthTokenData`.
 */
export async function connectOAuth2(
	harness: N8nHarness,
	credentialId: string,
	redirectUri = 'http://127.0.0.1:5678/rest/oauth2-credential/callback',
): Promise<ICredentialDataDecryptedObject> {
	const credential = harness.resolvedCredential(credentialId);
	const state = randomBytes(16).toString('hex');
	const authorize = new URL(String(credential.authUrl));
	authorize.searchParams.set('response_type', 'code');
	authorize.searchParams.set('client_id', String(credential.clientId));
	authorize.searchParams.set('redirect_uri', redirectUri);
	authorize.searchParams.set('state', state);

	const redirect = await fetch(authorize, { redirect: 'manual' });
	const location = redirect.headers.get('location');
	if (redirect.status < 300 || redirect.status >= 400 || !location) {
		throw new Error(`Harness: authorize answered ${redirect.status} without a redirect: ${await redirect.text()}`);
	}
	const callback = new URL(location, authorize);
	if (callback.searchParams.get('state') !== state) throw new Error('Harness: the authorize redirect changed the state');
	const code = callback.searchParams.get('code');
	if (!code) throw new Error(`Harness: the authorize redirect carries no code: ${location}`);

	const basic = Buffer.from(`${credential.clientId}:${credential.clientSecret}`).toString('base64');
	const tokenResponse = await fetch(String(credential.accessTokenUrl), {
		method: 'POST',
		headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri }),
	});
	const tokenData = (await tokenResponse.json()) as ICredentialDataDecryptedObject;
	if (!tokenResponse.ok || typeof tokenData.access_token !== 'string') {
		throw new Error(`Harness: the code exchange failed (${tokenResponse.status}): ${JSON.stringify(tokenData)}`);
	}
	const stored = harness.credentials.get(credentialId);
	stored.data = { ...stored.data, oauthTokenData: tokenData };
	return tokenData;
}
