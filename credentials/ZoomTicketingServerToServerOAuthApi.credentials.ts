import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
	Icon,
	IAuthenticateGeneric,
} from 'n8n-workflow';

import { API_BASE_URL_EXPRESSION, environmentProperties, oauthBaseUrl } from './zoomEnvironment';

export class ZoomTicketingServerToServerOAuthApi implements ICredentialType {
	name = 'zoomTicketingServerToServerOAuthApi';

	displayName = 'Zoom Ticketing Server-to-Server OAuth API';

	icon: Icon = { light: 'file:zoom.svg', dark: 'file:zoom.dark.svg' };

	documentationUrl = 'https://developers.zoom.us/docs/internal-apps/s2s-oauth/';

	properties: INodeProperties[] = [
		...environmentProperties('/oauth/token'),
		{
			displayName: 'Account ID',
			name: 'accountId',
			type: 'string',
			default: '',
			required: true,
			description: 'Shown on the App Credentials page of your Server-to-Server OAuth app',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Renew After',
			name: 'renewAfter',
			type: 'hidden',
			default: 0,
		},
	];

	/**
	 * Called by n8n when the stored token is empty or Zoom answered 401; the transport also empties
	 * the token shortly before `expires_in` runs out. n8n stores what this returns.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const response = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${oauthBaseUrl(credentials)}/oauth/token`,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'account_credentials',
				account_id: String(credentials.accountId),
			}).toString(),
			auth: { username: String(credentials.clientId), password: String(credentials.clientSecret) },
			json: true,
		})) as { access_token: string; expires_in?: number };
		const lifetimeMs = (Number(response.expires_in) > 0 ? Number(response.expires_in) : 3600) * 1000;
		// Renew at the latest one minute (or a tenth of the lifetime, for short-lived tokens) early.
		const marginMs = Math.min(60_000, lifetimeMs / 10);
		return {
			accessToken: response.access_token,
			renewAfter: Date.now() + lifetimeMs - marginMs,
		};
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.accessToken}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: API_BASE_URL_EXPRESSION,
			url: '/users/me',
		},
	};
}
