import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

export type ZoomAuthentication = 'oAuth2' | 'serverToServerOAuth';

export const SERVER_TO_SERVER_CREDENTIAL = 'zoomTicketingServerToServerOAuthApi';

/** The credential type behind the node's `authentication` parameter. */
export function credentialTypeFor(authentication: ZoomAuthentication): string {
	return authentication === 'oAuth2' ? 'zoomTicketingOAuth2Api' : SERVER_TO_SERVER_CREDENTIAL;
}

type Credentials = IDataObject | ICredentialDataDecryptedObject;

function trimSlash(url: string): string {
	return url.replace(/\/+$/, '');
}

/** REST base URL, e.g. https://api.zoom.us/v2. */
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
