import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { eventTargetFields, getEventTarget } from '../../descriptions/webinarOrMeeting';
import { encodeZoomUuid } from '../../transport';
import { listPastInstances, requireNumericId } from './common';

const properties: INodeProperties[] = eventTargetFields().map((field) =>
	field.name === 'eventType'
		? { ...field, default: 'meeting', description: 'Whether to list the past occurrences of a meeting or of a webinar' }
		: field,
);

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['pastInstances'] } }, properties);

/** One item per ended occurrence, oldest first, with the UUID ready for a URL path. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const target = getEventTarget.call(this, itemIndex);
	const id = requireNumericId(target.id, target.kind === 'meeting' ? 'Meeting' : 'Webinar');
	const instances = await listPastInstances.call(this, target.kind, id);
	return instances.map((instance) => ({
		eventType: target.kind,
		id: Number(id),
		uuid: instance.uuid,
		start_time: instance.start_time,
		encoded_uuid: encodeZoomUuid(instance.uuid),
	}));
}
