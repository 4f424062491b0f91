import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

const OAUTH_BASE_URL =
	'$self.environment === "custom" ? $self.oauthBaseUrl.replace(/\\/+$/, "") : $self.environment === "zoomGov" ? "https://zoomgov.com" : "https://zoom.us"';

// Credential tests resolve expressions against the credential as `$credentials`.
const API_BASE_URL =
	'={{$credentials.environment === "custom" ? $credentials.apiBaseUrl.replace(/\\/+$/, "") : $credentials.environment === "zoomGov" ? "https://api.zoomgov.com/v2" : "https://api.zoom.us/v2"}}';

export class ZoomTicketingOAuth2Api implements ICredentialType {
	name = 'zoomTicketingOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Zoom Ticketing OAuth2 API';

	icon: Icon = { light: 'file:zoom.svg', dark: 'file:zoom.dark.svg' };

	documentationUrl = 'https://developers.zoom.us/docs/integrations/oauth/';

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
			description: 'The address that serves /oauth/authorize and /oauth/token',
			required: true,
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: `={{(${OAUTH_BASE_URL}) + "/oauth/authorize"}}`,
			required: true,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: `={{(${OAUTH_BASE_URL}) + "/oauth/token"}}`,
			required: true,
		},
		{
			// Scopes are granted by the Zoom app's configuration; the authorize request needs none.
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			// Zoom wants the client ID and secret in a Basic header on the token endpoint.
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'header',
		},
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL: API_BASE_URL,
			url: '/users/me',
		},
	};
}
