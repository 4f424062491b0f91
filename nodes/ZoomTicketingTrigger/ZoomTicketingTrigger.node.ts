import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { ALL_EVENTS, SUPPORTED_EVENTS } from './events';
import { PATH_TEMPLATE, withNativePath } from './webhookDescription';
import {
	DEFAULT_MAX_BODY_KB,
	DEFAULT_TOLERANCE_SECONDS,
	checkActivation,
	handleZoomWebhook,
	testWebhookSecret,
} from './ZoomTicketingTriggerHelpers';

export class ZoomTicketingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zoom Ticketing Trigger',
		name: 'zoomTicketingTrigger',
		icon: { light: 'file:zoom.svg', dark: 'file:zoom.dark.svg' },
		group: ['trigger'],
		// 1.1 behaves as 1. n8n 2.x evaluates a Webhook-node v1 option in its expression engine for
		// every request to any trigger whose typeVersion is exactly 1; from 1.1 on it does not.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["events"].includes("*") ? "All supported events" : $parameter["events"].join(", ")}}',
		description:
			"Starts the workflow on Zoom's meeting, webinar, registration and recording events, verified with your Zoom app's Secret Token",
		defaults: {
			name: 'Zoom Ticketing Trigger',
		},
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'zoomTicketingWebhookApi',
				required: true,
				testedBy: 'zoomTicketingWebhookSecretTest',
			},
		],
		webhooks: [
			withNativePath({
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: PATH_TEMPLATE,
				isFullPath: true,
			}),
		],
		properties: [
			{
				displayName:
					"Paste this node's Production URL (under Webhook URLs above) into your Zoom app: in the Zoom App Marketplace open Develop > Build App > your app > Features > Access, turn on Event Subscription, add a subscription, paste the URL as the Event notification endpoint URL and click Validate. Then add the same events as below and save. The Secret Token on that page goes into the credential.",
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Path',
				name: 'path',
				type: 'string',
				default: 'zoom/events',
				required: true,
				placeholder: 'e.g. zoom/events',
				description:
					'The path of the webhook URL, after /webhook/. Keep it stable: Zoom sends every event to the URL saved in the app.',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: [{ name: 'All Supported Events', value: ALL_EVENTS }, ...SUPPORTED_EVENTS],
				default: [ALL_EVENTS],
				required: true,
				description:
					'The events that start the workflow. Zoom may send others the app subscribes to: they are acknowledged and start nothing.',
			},
			{
				displayName:
					"Each item has an eventId that is the same for Zoom's retries of one event and different for different events (a SHA-256 of the event name, event_ts, account, meeting or webinar UUID and the participant or registrant). Use it to process each event once.",
				name: 'eventIdNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Maximum Body Size (KB)',
						name: 'maxBodySizeKb',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: DEFAULT_MAX_BODY_KB,
						description: 'Requests with a larger body are refused with 413 before their signature is checked',
					},
					{
						displayName: 'Timestamp Tolerance (Seconds)',
						name: 'toleranceSeconds',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: DEFAULT_TOLERANCE_SECONDS,
						description:
							"How far Zoom's x-zm-request-timestamp may be from this server's clock, in the past or the future. Older requests are refused as possible replays.",
					},
				],
			},
		],
	};

	methods = {
		credentialTest: {
			zoomTicketingWebhookSecretTest: testWebhookSecret,
		},
	};

	webhookMethods = {
		default: {
			// Nothing is registered at Zoom (the URL is pasted into the app), so there is never
			// anything to find; answering false makes n8n run `create`, which checks the setup.
			checkExists: async function (this: IHookFunctions): Promise<boolean> {
				return false;
			},
			create: async function (this: IHookFunctions): Promise<boolean> {
				return await checkActivation.call(this);
			},
			delete: async function (this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleZoomWebhook.call(this);
	}
}
