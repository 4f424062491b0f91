import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { assertEnum } from '../../helpers/validation';
import { zoomApiRequest } from '../../transport';
import { getRecordingReference, recordingLocator, requireFileId, scopeFields } from './common';

const properties: INodeProperties[] = [
	recordingLocator,
	...scopeFields('Recover'),
];

export const description = updateDisplayOptions({ show: { resource: ['recording'], operation: ['recover'] } }, properties);

/** Brings recordings back from the trash (Zoom keeps them there for 30 days). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const reference = getRecordingReference.call(this, itemIndex);
	const scope = assertEnum(this.getNodeParameter('scope', itemIndex), 'Recover', ['recording', 'file'] as const);
	if (scope === 'file') {
		const fileId = requireFileId.call(this, itemIndex);
		await zoomApiRequest.call(this, 'PUT', `/meetings/${reference.pathId}/recordings/${encodeURIComponent(fileId)}/status`, { action: 'recover' });
		return { recovered: true, fileId };
	}
	await zoomApiRequest.call(this, 'PUT', `/meetings/${reference.pathId}/recordings/status`, { action: 'recover' });
	return { recovered: true };
}
