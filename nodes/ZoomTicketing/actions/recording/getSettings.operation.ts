import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { zoomApiRequest } from '../../transport';
import { getRecordingReference, recordingLocator } from './common';

export const description = updateDisplayOptions({ show: { resource: ['recording'], operation: ['getSettings'] } }, [recordingLocator]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const reference = getRecordingReference.call(this, itemIndex);
	return await zoomApiRequest.call(this, 'GET', `/meetings/${reference.pathId}/recordings/settings`);
}
