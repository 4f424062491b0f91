import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { EventKind } from '../helpers/eventKind';
import { parseMeetingReference } from '../helpers/validation';
import { meetingLocator } from './meetingLocator';
import { webinarLocator } from './webinarLocator';


export interface EventTarget {
	kind: EventKind;
	id: string;
	/** `/meetings/{id}` or `/webinars/{id}`. */
	path: string;
}

/** "Meeting or webinar" switch plus the matching locator, for registrants and polls. */
export function eventTargetFields(): INodeProperties[] {
	return [
		{
			displayName: 'Event Type',
			name: 'eventType',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Meeting', value: 'meeting' },
				{ name: 'Webinar', value: 'webinar' },
			],
			default: 'webinar',
			description: 'The kind of Zoom event the registrants or polls belong to',
		},
		{ ...meetingLocator(), displayOptions: { show: { eventType: ['meeting'] } } },
		{ ...webinarLocator, displayOptions: { show: { eventType: ['webinar'] } } },
	];
}

export function getEventTarget(this: IExecuteFunctions, itemIndex: number): EventTarget {
	const kind = this.getNodeParameter('eventType', itemIndex) as EventKind;
	const parameter = kind === 'meeting' ? 'meetingId' : 'webinarId';
	const value = this.getNodeParameter(parameter, itemIndex, undefined, { extractValue: true }) as unknown;
	const { id } = parseMeetingReference(value, kind === 'meeting' ? 'Meeting' : 'Webinar');
	return { kind, id, path: `/${kind}s/${id}` };
}
