import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseMeetingReference } from '../helpers/validation';

/** The webinar, chosen from a searchable list, by join / registration URL or by ID. */
export const webinarLocator: INodeProperties = {
	displayName: 'Webinar',
	name: 'webinarId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a webinar...',
			typeOptions: { searchListMethod: 'searchWebinars', searchable: true },
		},
		{
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: 'e.g. https://zoom.us/w/85746065432?tk=...',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^https?://[^/]*(zoom\\.us|zoom\\.com|zoomgov\\.com)/.*\\d{9,12}.*',
						errorMessage: 'Not a Zoom webinar URL',
					},
				},
			],
		},
		{
			displayName: 'ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 857 4606 5432',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^[\\d\\s-]{9,16}$', errorMessage: 'Not a webinar ID' },
				},
			],
		},
	],
};

/** The numeric webinar ID of item `itemIndex`, whichever locator mode was used. */
export function getWebinarId(this: IExecuteFunctions, itemIndex: number, parameter = 'webinarId'): string {
	const value = this.getNodeParameter(parameter, itemIndex, undefined, { extractValue: true }) as unknown;
	return parseMeetingReference(value, 'Webinar').id;
}
