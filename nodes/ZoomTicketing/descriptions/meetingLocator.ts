import type { INodeProperties } from 'n8n-workflow';

// Zoom join links: zoom.us, vanity subdomains (acme.zoom.us) and Zoom for Government.
const JOIN_URL_REGEX =
	'https?:\\/\\/(?:[a-zA-Z0-9-]+\\.)*(?:zoom\\.us|zoom\\.com|zoomgov\\.com)\\/(?:j|w|s|wc(?:\\/join)?|meeting\\/register|webinar\\/register)\\/(\\d{9,12}).*';

/** The meeting chosen by a resource locator: From List (searchable), By URL, By ID. */
export function meetingLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Meeting',
		name: 'meetingId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The Zoom meeting',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a meeting...',
				typeOptions: { searchListMethod: 'searchMeetings', searchable: true },
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'e.g. https://zoom.us/j/85746065432?pwd=...',
				validation: [
					{
						type: 'regex',
						properties: { regex: JOIN_URL_REGEX, errorMessage: 'Not a Zoom join link (e.g. https://zoom.us/j/85746065432)' },
					},
				],
				extractValue: { type: 'regex', regex: JOIN_URL_REGEX },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 85746065432',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\s*\\d[\\d\\s-]{7,14}\\d\\s*$', errorMessage: 'A meeting ID has 9 to 12 digits' },
					},
				],
			},
		],
		...overrides,
	};
}
