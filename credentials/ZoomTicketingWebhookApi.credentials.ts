import type { ICredentialType, INodeProperties } from 'n8n-workflow';

export class ZoomTicketingWebhookApi implements ICredentialType {
	name = 'zoomTicketingWebhookApi';

	displayName = 'Zoom Ticketing Webhook API';

	icon = { light: 'file:zoom.svg', dark: 'file:zoom.dark.svg' } as const;

	documentationUrl = 'https://developers.zoom.us/docs/api/webhooks/#verify-webhook-events';

	properties: INodeProperties[] = [
		{
			displayName: 'Secret Token',
			name: 'secretToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				"Your Zoom app's Secret Token (Zoom App Marketplace > your app > Features > Access). The trigger uses it to verify that each event comes from Zoom.",
		},
	];
}
