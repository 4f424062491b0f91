import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import { API_BASE_URL_EXPRESSION, environmentProperties } from './zoomEnvironment';

const OAUTH_BASE_URL =
	'$self.environment === "custom" ? $self.oauthBaseUrl.replace(/\\/+$/, "") : $self.environment === "zoomGov" ? "https://zoomgov.com" : "https://zoom.us"';


export class ZoomTicketingOAuth2Api implements ICredentialType {
	name = 'zoomTicketingOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Zoom Ticketing OAuth2 API';

	icon: Icon = { light: 'file:zoom.svg', dark: 'file:zoom.dark.svg' };

	documentationUrl = 'https://developers.zoom.us/docs/integrations/oauth/';

	properties: INodeProperties[] = [
		...environmentProperties('/oauth/authorize and /oauth/token'),
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
			baseURL: API_BASE_URL_EXPRESSION,
			url: '/users/me',
		},
	};
}
