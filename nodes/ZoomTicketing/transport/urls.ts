export { apiBaseUrl, oauthBaseUrl } from '../../../credentials/zoomEnvironment';

export type ZoomAuthentication = 'oAuth2' | 'serverToServerOAuth';

export const SERVER_TO_SERVER_CREDENTIAL = 'zoomTicketingServerToServerOAuthApi';

/** The credential type behind the node's `authentication` parameter. */
export function credentialTypeFor(authentication: ZoomAuthentication): string {
	return authentication === 'oAuth2' ? 'zoomTicketingOAuth2Api' : SERVER_TO_SERVER_CREDENTIAL;
}
