import {
	jsonParse,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { getWebinarId, webinarLocator } from '../../descriptions/webinarLocator';
import { chunk } from '../../helpers/batching';
import { assertEmail, InvalidParameterError, optionalString, requireString } from '../../helpers/validation';
import { zoomApiRequest } from '../../transport';

const ZOOM_PANELISTS_PER_REQUEST = 30;
const NAME_TAG_FIELDS = ['virtual_background_id', 'name_tag_id', 'name_tag_name', 'name_tag_pronouns', 'name_tag_description'];

const properties: INodeProperties[] = [
	webinarLocator,
	{
		displayName: 'Input Mode',
		name: 'inputMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Fields', value: 'fields', description: 'Enter each panelist below' },
			{ name: 'List', value: 'list', description: 'A list of {name, email} objects, e.g. from an expression' },
		],
		default: 'fields',
	},
	{
		displayName: 'Panelists',
		name: 'panelists',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Panelist',
		default: {},
		displayOptions: { show: { inputMode: ['fields'] } },
		options: [
			{
				displayName: 'Panelist',
				name: 'panelist',
				values: [
					{ displayName: 'Email', name: 'email', type: 'string', default: '', placeholder: 'e.g. speaker@example.com' },
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{ displayName: 'Name Tag Description', name: 'name_tag_description', type: 'string', default: '', placeholder: 'e.g. CTO, Example Inc.' },
					{ displayName: 'Name Tag ID', name: 'name_tag_id', type: 'string', default: '' },
					{ displayName: 'Name Tag Name', name: 'name_tag_name', type: 'string', default: '' },
					{ displayName: 'Name Tag Pronouns', name: 'name_tag_pronouns', type: 'string', default: '' },
					{ displayName: 'Virtual Background ID', name: 'virtual_background_id', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Panelist List',
		name: 'panelistList',
		type: 'json',
		default: '[{"name": "Ada Lovelace", "email": "ada@example.com"}]',
		description: 'Any number of panelists; Zoom takes 30 per request, so longer lists are sent in several',
		displayOptions: { show: { inputMode: ['list'] } },
	},
];

export const description = updateDisplayOptions({ show: { resource: ['panelist'], operation: ['add'] } }, properties);

function readList(value: unknown): IDataObject[] {
	const parsed = typeof value === 'string' ? jsonParse<unknown>(value, { fallbackValue: undefined }) : value;
	if (!Array.isArray(parsed)) {
		throw new InvalidParameterError('Panelist List', 'it is not a JSON list', 'a JSON list of {"name", "email"} objects');
	}
	return parsed as IDataObject[];
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const webinarId = getWebinarId.call(this, itemIndex);
	const mode = this.getNodeParameter('inputMode', itemIndex) as string;
	const entries =
		mode === 'list'
			? readList(this.getNodeParameter('panelistList', itemIndex))
			: (this.getNodeParameter('panelists.panelist', itemIndex, []) as IDataObject[]);
	if (entries.length === 0) throw new InvalidParameterError('Panelists', 'no panelist given', 'one or more panelists with name and email');

	const panelists = entries.map((entry, index) => {
		const at = `Panelists > Panelist ${index + 1}`;
		const panelist: IDataObject = {
			name: requireString(entry.name, `${at} > Name`),
			email: assertEmail(entry.email, `${at} > Email`),
		};
		for (const field of NAME_TAG_FIELDS) {
			const value = optionalString(entry[field] === undefined ? undefined : String(entry[field]), `${at} > ${field}`);
			if (value) panelist[field] = value;
		}
		return panelist;
	});

	let updatedAt: unknown;
	for (const part of chunk(panelists, ZOOM_PANELISTS_PER_REQUEST)) {
		const response = await zoomApiRequest.call(this, 'POST', `/webinars/${webinarId}/panelists`, { panelists: part });
		updatedAt = response.updated_at ?? updatedAt;
	}
	return { webinarId, added: panelists.length, panelists, updatedAt: updatedAt ?? null };
}
