import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
	Icon,
	IAuthenticateGeneric,
} from 'n8n-workflow';

// Credential tests resolve expressions against the credential as `$credentials`.
const API_BASE_URL =
	'={{$credentials.environment === "custom" ? $credentials.apiBaseUrl.replace(/\\/+$/, "") : $credentials.environment === "zoomGov" ? "https://api.zoomgov.com/v2" : "https://api.zoom.us/v2"}}';

function oauthBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	if (credentials.environment === 'zoomGov') return 'https://zoomgov.com';
	if (credentials.environment === 'custom') return String(credentials.oauthBaseUrl).replace(/\/+$/, '');
	return 'https://zoom.us';
}

export class ZoomTicketingServerToServerOAuthApi implements ICredentialType {
	name = 'zoomTicketingServerToServerOAuthApi';

	displayName = 'Zoom Ticketing Server-to-Server OAuth API';

	icon: Icon = { light: 'file:zoom.svg', dark: 'file:zoom.dark.svg' };

	documentationUrl = 'https://developers.zoom.us/docs/internal-apps/s2s-oauth/';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Zoom', value: 'zoom', description: 'api.zoom.us and zoom.us' },
				{ name: 'Zoom for Government', value: 'zoomGov', description: 'api.zoomgov.com and zoomgov.com' },
				{ name: 'Custom', value: 'custom', description: 'Both base URLs typed in, e.g. a local Zoom simulator' },
			],
			default: 'zoom',
		},
		{
			displayName: 'API Base URL',
			name: 'apiBaseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. http://127.0.0.1:7575/v2',
			required: true,
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'OAuth Base URL',
			name: 'oauthBaseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. http://127.0.0.1:7575',
			description: 'The address that serves /oauth/token',
			required: true,
			displayOptions: { show: { environment: ['custom'] } },
		},
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
			baseURL: API_BASE_URL,
			url: '/users/me',
		},
	};
}
