import type { INodeProperties } from 'n8n-workflow';

// 500 events or 1 s, whichever comes first: at 1,000 events/s that is 2 executions a second, and
// at a large webinar's realistic peak (about 170 joins/s) 1 execution a second with at most about
// a second added before the workflow sees an event.
export const DEFAULT_MAX_BATCH_SIZE = 500;
export const DEFAULT_MAX_WAIT_MS = 1000;
export const DEFAULT_HEARTBEAT_SECONDS = 30;
export const DEFAULT_MAX_RECONNECT_SECONDS = 60;

export const streamProperties: INodeProperties[] = [
	{
		displayName:
			"In your Zoom app (App Marketplace > your app > Features > Access), turn on Event Subscription, choose the method WebSocket, add the events and save. Copy the endpoint URL Zoom then shows (wss://ws.zoom.us/ws?subscriptionId=...) into Subscription below. Zoom serves one connection per subscription: while this workflow is active, a test run listens to its connection instead of opening a second one.",
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: [
			{ name: 'OAuth2 (General App)', value: 'oAuth2' },
			{ name: 'Server-to-Server OAuth', value: 'serverToServerOAuth' },
		],
		default: 'serverToServerOAuth',
		description: 'The Zoom app that owns the event subscription',
	},
	{
		displayName: 'Subscription',
		name: 'subscription',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. wss://ws.zoom.us/ws?subscriptionId=AbCdEf123456',
		description: 'The endpoint URL of the WebSocket event subscription as Zoom shows it, or just its subscription ID',
	},
	{
		displayName: 'Token Grant',
		name: 'tokenGrant',
		type: 'options',
		options: [
			{
				name: 'Account Credentials',
				value: 'account_credentials',
				description: "Server-to-Server OAuth's usual grant (uses the Account ID)",
			},
			{
				name: 'Client Credentials',
				value: 'client_credentials',
				description: "The grant Zoom's WebSocket documentation names",
			},
		],
		default: 'account_credentials',
		description: 'How the trigger asks Zoom for the access token it connects with',
		displayOptions: { show: { authentication: ['serverToServerOAuth'] } },
	},
	{
		displayName:
			"Items have the same fields and eventId as the Zoom Ticketing Trigger's. After every re-connect one item with event 'stream.gap' gives the window (startTime to endTime) in which Zoom's events may be missing: Zoom does not re-send them, so fill that window in from Zoom's reports.",
		name: 'itemsNotice',
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
				displayName: 'Heartbeat Interval (Seconds)',
				name: 'heartbeatSeconds',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 60 },
				default: DEFAULT_HEARTBEAT_SECONDS,
				description:
					'How often the trigger tells Zoom it is alive (Zoom asks for 30). A connection that sends nothing for one and a half intervals is re-opened.',
			},
			{
				displayName: 'Longest Reconnect Delay (Seconds)',
				name: 'maxReconnectSeconds',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_MAX_RECONNECT_SECONDS,
				description: 'Re-connect attempts wait 1 s, then about twice as long each time, up to this',
			},
			{
				displayName: 'Max Batch Size',
				name: 'maxBatchSize',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_MAX_BATCH_SIZE,
				description: 'Most events in one execution. 1 starts one execution per event.',
			},
			{
				displayName: 'Max Batch Wait (Milliseconds)',
				name: 'maxWaitMs',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: DEFAULT_MAX_WAIT_MS,
				description:
					'Longest time the first event of a batch waits for more before the execution starts. 0 starts an execution for whatever arrived within about 10 ms.',
			},
		],
	},
];
