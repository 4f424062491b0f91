import type { ICredentialDataDecryptedObject, IDataObject, INodeProperties } from 'n8n-workflow';

type Credentials = IDataObject | ICredentialDataDecryptedObject;

function trimSlash(url: string): string {
	return url.replace(/\/+$/, '');
}

/** REST base URL of the credential's environment, e.g. https://api.zoom.us/v2. */
export function apiBaseUrl(credentials: Credentials): string {
	if (credentials.environment === 'zoomGov') return 'https://api.zoomgov.com/v2';
	if (credentials.environment === 'custom' && typeof credentials.apiBaseUrl === 'string' && credentials.apiBaseUrl) {
		return trimSlash(credentials.apiBaseUrl);
	}
	return 'https://api.zoom.us/v2';
}

/** OAuth base URL (authorize and token endpoints live under it), e.g. https://zoom.us. */
export function oauthBaseUrl(credentials: Credentials): string {
	if (credentials.environment === 'zoomGov') return 'https://zoomgov.com';
	if (credentials.environment === 'custom' && typeof credentials.oauthBaseUrl === 'string' && credentials.oauthBaseUrl) {
		return trimSlash(credentials.oauthBaseUrl);
	}
	return 'https://zoom.us';
}

/**
 * The REST base URL as an expression for credential tests, which resolve expressions against the
 * credential as `$credentials`; the same rule as {@link apiBaseUrl}.
 */
export const API_BASE_URL_EXPRESSION =
	'={{$credentials.environment === "custom" ? $credentials.apiBaseUrl.replace(/\\/+$/, "") : $credentials.environment === "zoomGov" ? "https://api.zoomgov.com/v2" : "https://api.zoom.us/v2"}}';

/** Environment (Zoom, Zoom for Government or custom base URLs) of both Zoom credentials. */
export function environmentProperties(oauthEndpoints: string): INodeProperties[] {
	return [
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
			description: `The address that serves ${oauthEndpoints}`,
			required: true,
			displayOptions: { show: { environment: ['custom'] } },
		},
	];
}
