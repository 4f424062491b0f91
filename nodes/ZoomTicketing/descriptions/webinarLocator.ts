import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { eventIdParameter } from './event';
import { meetingLocator } from './meetingLocator';

const base = meetingLocator();

/**
 * The webinar, chosen like a meeting (webinars share meeting IDs and join-link shapes): from a
 * searchable list, by join / registration URL, or by ID.
 */
export const webinarLocator: INodeProperties = {
	...base,
	displayName: 'Webinar',
	name: 'webinarId',
	description: 'The Zoom webinar',
	modes: base.modes?.map((mode) => {
		if (mode.name === 'list') {
			return { ...mode, placeholder: 'Select a webinar...', typeOptions: { searchListMethod: 'searchWebinars', searchable: true } };
		}
		if (mode.name === 'url') return { ...mode, placeholder: 'e.g. https://zoom.us/w/85746065432?tk=...' };
		if (mode.name === 'id') {
			return {
				...mode,
				validation: [
					{ type: 'regex', properties: { regex: '^\\s*\\d[\\d\\s-]{7,14}\\d\\s*$', errorMessage: 'A webinar ID has 9 to 12 digits' } },
				],
			};
		}
		return mode;
	}),
};

/** The numeric webinar ID of item `itemIndex`, whichever locator mode was used. */
export function getWebinarId(this: IExecuteFunctions, itemIndex: number, parameter = 'webinarId'): string {
	return eventIdParameter.call(this, 'webinar', itemIndex, parameter);
}
