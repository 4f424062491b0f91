import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { assertEnum } from '../../helpers/validation';
import { zoomApiRequest } from '../../transport';
import { getRecordingReference, recordingLocator, requireFileId, scopeFields } from './common';

const properties: INodeProperties[] = [
	recordingLocator,
	...scopeFields('Delete'),
	{
		displayName: 'Action',
		name: 'deleteAction',
		type: 'options',
		options: [
			{ name: 'Move to Trash', value: 'trash', description: 'Recoverable for 30 days' },
			{ name: 'Delete Permanently', value: 'delete', description: 'Cannot be undone' },
		],
		default: 'trash',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['recording'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const reference = getRecordingReference.call(this, itemIndex);
	const scope = assertEnum(this.getNodeParameter('scope', itemIndex), 'Delete', ['recording', 'file'] as const);
	const action = assertEnum(this.getNodeParameter('deleteAction', itemIndex), 'Action', ['trash', 'delete'] as const);
	if (scope === 'file') {
		const fileId = requireFileId.call(this, itemIndex);
		await zoomApiRequest.call(this, 'DELETE', `/meetings/${reference.pathId}/recordings/${encodeURIComponent(fileId)}`, {}, { action });
		return { deleted: true, action, fileId };
	}
	await zoomApiRequest.call(this, 'DELETE', `/meetings/${reference.pathId}/recordings`, {}, { action });
	return { deleted: true, action };
}
