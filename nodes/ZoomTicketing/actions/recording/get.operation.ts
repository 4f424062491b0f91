import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { assertInteger } from '../../helpers/validation';
import { getRecording, getRecordingReference, recordingLocator } from './common';

const properties: INodeProperties[] = [
	recordingLocator,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Include Download Access Token',
				name: 'includeDownloadAccessToken',
				type: 'boolean',
				default: false,
				description:
					'Whether to include "download_access_token", a token that lets others download the files without a Zoom login. Needs the "View the recording content" permission.',
			},
			{
				displayName: 'Token Lifetime (Seconds)',
				name: 'ttl',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 604800 },
				default: 86400,
				description: 'How long the download access token stays valid, at most 604800 (7 days)',
				displayOptions: { show: { includeDownloadAccessToken: [true] } },
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['recording'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const reference = getRecordingReference.call(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as { includeDownloadAccessToken?: boolean; ttl?: number };
	const qs: IDataObject = {};
	if (options.includeDownloadAccessToken) {
		qs.include_fields = 'download_access_token';
		if (options.ttl !== undefined) qs.ttl = assertInteger(options.ttl, 'Token Lifetime (Seconds)', { min: 0, max: 604800 });
	}
	return await getRecording.call(this, reference.pathId, qs);
}
