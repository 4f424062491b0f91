export type EventKind = 'meeting' | 'webinar';

/**
 * Zoom's `type` numbers for each kind of event, by the name the node shows. Webinars have no
 * instant kind; a recurring webinar is 6 or 9 where a recurring meeting is 3 or 8.
 */
export const ZOOM_EVENT_TYPES = {
	meeting: { instant: 1, scheduled: 2, recurringNoFixedTime: 3, recurringFixedTime: 8 },
	webinar: { scheduled: 5, recurringNoFixedTime: 6, recurringFixedTime: 9 },
} as const;

export type EventTypeName<K extends EventKind = EventKind> = keyof (typeof ZOOM_EVENT_TYPES)[K];

export function isWebinarType(type: unknown): boolean {
	return Object.values(ZOOM_EVENT_TYPES.webinar).some((value) => value === type);
}
