import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Sim } from './context';
import { parseBasicAuth, readBody, sendJson } from './http';
import type { AccessToken } from './state/store';

const CODE_LIFETIME_MS = 10 * 60 * 1000;
const SCOPES =
	'meeting:read:admin meeting:write:admin webinar:read:admin webinar:write:admin report:read:admin recording:read:admin recording:write:admin user:read:admin';

function tokenError(res: ServerResponse, status: number, error: string, reason: string): void {
	sendJson(res, status, { reason, error });
}

function issue(sim: Sim, userId: string, kind: AccessToken['kind']): AccessToken {
	const { store } = sim;
	const token: AccessToken = {
		token: `sim.${store.ids.token(40)}`,
		userId,
		kind,
		expiresAt: sim.clock.now() + sim.tokenTtlSeconds * 1000,
	};
	store.accessTokens.set(token.token, token);
	return token;
}

function grantBody(sim: Sim, token: AccessToken, refreshToken?: string): Record<string, unknown> {
	const body: Record<string, unknown> = {
		access_token: token.token,
		token_type: 'bearer',
		expires_in: sim.tokenTtlSeconds,
		scope: SCOPES,
		api_url: sim.baseUrl,
	};
	if (refreshToken) body.refresh_token = refreshToken;
	return body;
}

/** `GET /oauth/authorize`: the user consents at once and is redirected back with `code` and `state`. */
export function authorize(sim: Sim, url: URL, res: ServerResponse): void {
	const clientId = url.searchParams.get('client_id');
	const redirectUri = url.searchParams.get('redirect_uri');
	if (url.searchParams.get('response_type') !== 'code') {
		tokenError(res, 400, 'unsupported_response_type', 'Unsupported response type');
		return;
	}
	if (clientId !== sim.identity.clientId) {
		tokenError(res, 400, 'invalid_client', 'Invalid client_id');
		return;
	}
	if (!redirectUri || !/^https?:\/\//.test(redirectUri)) {
		tokenError(res, 400, 'invalid_request', 'Invalid redirect uri');
		return;
	}
	const code = sim.store.ids.token(32);
	sim.store.authorizationCodes.set(code, { redirectUri, clientId, expiresAt: sim.clock.now() + CODE_LIFETIME_MS });
	const target = new URL(redirectUri);
	target.searchParams.set('code', code);
	const state = url.searchParams.get('state');
	if (state !== null) target.searchParams.set('state', state);
	res.writeHead(302, { Location: target.toString() });
	res.end();
}

/**
 * `POST /oauth/token`: authorization_code, refresh_token (rotating: the old refresh token is
 * rejected once used), account_credentials (Server-to-Server OAuth) and client_credentials (an
 * app token, e.g. for WebSocket event subscriptions). Client credentials come in
 * a Basic header, as Zoom requires; `client_id` / `client_secret` in the form are accepted too.
 */
export async function token(sim: Sim, req: IncomingMessage, url: URL, res: ServerResponse): Promise<void> {
	const raw = await readBody(req);
	const form = new URLSearchParams(raw);
	for (const [key, value] of url.searchParams) if (!form.has(key)) form.set(key, value);
	const basic = parseBasicAuth(req.headers.authorization);
	const clientId = basic?.user ?? form.get('client_id');
	const clientSecret = basic?.pass ?? form.get('client_secret');
	if (clientId !== sim.identity.clientId || clientSecret !== sim.identity.clientSecret) {
		tokenError(res, 401, 'invalid_client', 'Invalid client_id or client_secret');
		return;
	}
	const { store } = sim;
	switch (form.get('grant_type')) {
		case 'authorization_code': {
			const code = form.get('code') ?? '';
			const grant = store.authorizationCodes.get(code);
			store.authorizationCodes.delete(code);
			if (!grant || grant.expiresAt <= sim.clock.now()) {
				tokenError(res, 400, 'invalid_grant', 'Invalid authorization code');
				return;
			}
			if (form.get('redirect_uri') !== grant.redirectUri) {
				tokenError(res, 400, 'invalid_grant', 'Redirect URI mismatch.');
				return;
			}
			const access = issue(sim, store.host.id, 'user');
			const refresh = store.ids.token(40);
			store.refreshTokens.set(refresh, { userId: store.host.id, clientId });
			sendJson(res, 200, grantBody(sim, access, refresh));
			return;
		}
		case 'refresh_token': {
			const old = form.get('refresh_token') ?? '';
			const grant = store.refreshTokens.get(old);
			if (!grant) {
				tokenError(res, 400, 'invalid_grant', 'Invalid Token!');
				return;
			}
			store.refreshTokens.delete(old);
			const access = issue(sim, grant.userId, 'user');
			const refresh = store.ids.token(40);
			store.refreshTokens.set(refresh, grant);
			sendJson(res, 200, grantBody(sim, access, refresh));
			return;
		}
		case 'account_credentials': {
			if (form.get('account_id') !== sim.identity.accountId) {
				tokenError(res, 400, 'invalid_request', 'Invalid account_id');
				return;
			}
			sendJson(res, 200, grantBody(sim, issue(sim, store.host.id, 'account')));
			return;
		}
		case 'client_credentials':
			sendJson(res, 200, grantBody(sim, issue(sim, store.host.id, 'app')));
			return;
		default:
			tokenError(res, 400, 'unsupported_grant_type', 'Unsupported grant type');
	}
}
