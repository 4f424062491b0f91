import type { INodePropertyOptions } from 'n8n-workflow';

/** The value of the Events option that stands for every event in `SUPPORTED_EVENTS`. */
export const ALL_EVENTS = '*';

/** Zoom's handshake when an endpoint URL is saved or revalidated in the app's Event Subscriptions. */
export const URL_VALIDATION_EVENT = 'endpoint.url_validation';

/**
 * The Zoom events this package supports: the one list the trigger's Events option, the Zoom
 * simulator's payload builders (test/zoom-simulator/webhookPayloads.ts) and the tests' sample
 * bodies (test/integration/trigger/zoomEvents.ts) read. Adding an event here makes the type check
 * ask for its simulator payload and sample body.
 */
export const ZOOM_EVENTS = [
	{
		name: 'Meeting Ended',
		value: 'meeting.ended',
		description: 'A meeting ended',
	},
	{
		name: 'Meeting Participant Joined',
		value: 'meeting.participant_joined',
		description: 'Someone joined a meeting (again for each rejoin)',
	},
	{
		name: 'Meeting Participant Left',
		value: 'meeting.participant_left',
		description: 'Someone left a meeting',
	},
	{
		name: 'Meeting Registration Cancelled',
		value: 'meeting.registration_cancelled',
		description: 'A meeting registrant was cancelled',
	},
	{
		name: 'Meeting Registration Created',
		value: 'meeting.registration_created',
		description: 'Someone registered for a meeting',
	},
	{
		name: 'Meeting Started',
		value: 'meeting.started',
		description: 'A meeting started',
	},
	{
		name: 'Recording Completed',
		value: 'recording.completed',
		description: 'A cloud recording is ready to share and download',
	},
	{
		name: 'Recording Transcript Completed',
		value: 'recording.transcript_completed',
		description: "A cloud recording's audio transcript is ready",
	},
	{
		name: 'Webinar Ended',
		value: 'webinar.ended',
		description: 'A webinar ended',
	},
	{
		name: 'Webinar Participant Joined',
		value: 'webinar.participant_joined',
		description: 'Someone joined a webinar (again for each rejoin)',
	},
	{
		name: 'Webinar Participant Left',
		value: 'webinar.participant_left',
		description: 'Someone left a webinar',
	},
	{
		name: 'Webinar Registration Cancelled',
		value: 'webinar.registration_cancelled',
		description: 'A webinar registrant was cancelled',
	},
	{
		name: 'Webinar Registration Created',
		value: 'webinar.registration_created',
		description: 'Someone registered for a webinar',
	},
	{
		name: 'Webinar Started',
		value: 'webinar.started',
		description: 'A webinar started',
	},
] as const satisfies readonly INodePropertyOptions[];

export type ZoomEventName = (typeof ZOOM_EVENTS)[number]['value'];

export const SUPPORTED_EVENTS: INodePropertyOptions[] = [...ZOOM_EVENTS];

export const SUPPORTED_EVENT_NAMES: readonly ZoomEventName[] = ZOOM_EVENTS.map((option) => option.value);

const supportedEventNames = new Set<string>(SUPPORTED_EVENT_NAMES);

/** Whether an event delivered by Zoom should start an execution, given the node's Events parameter. */
export function isSelectedEvent(event: string, selected: string[]): boolean {
	if (!supportedEventNames.has(event)) return false;
	return selected.includes(ALL_EVENTS) || selected.includes(event);
}
