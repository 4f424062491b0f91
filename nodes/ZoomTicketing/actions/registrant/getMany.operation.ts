import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { limitOf, returnAllOrLimitFields } from '../../descriptions/returnAllOrLimit';
import { eventTargetFields, getEventTarget } from '../../descriptions/webinarOrMeeting';
import { assertEnum, assertOccurrenceId } from '../../helpers/validation';
import { zoomApiRequestAllItems } from '../../transport';
import { REGISTRANT_STATUSES } from './common';

const properties: INodeProperties[] = [
	...eventTargetFields(),
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Approved', value: 'approved' },
			{ name: 'Denied or Cancelled', value: 'denied' },
			{ name: 'Pending', value: 'pending' },
		],
		default: 'approved',
		description: 'Registrants with this registration status',
	},
	...returnAllOrLimitFields,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Occurrence ID',
				name: 'occurrence_id',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1648194360000',
				description: 'Only registrants of this occurrence',
			},
			{
				displayName: 'Tracking Source ID',
				name: 'tracking_source_id',
				type: 'string',
				default: '',
				description: 'Only registrants who came through this tracking source',
				displayOptions: { show: { '/eventType': ['webinar'] } },
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['registrant'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const target = getEventTarget.call(this, itemIndex);
	const qs: IDataObject = { status: assertEnum(this.getNodeParameter('status', itemIndex), 'Status', REGISTRANT_STATUSES) };
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	if (options.occurrence_id) qs.occurrence_id = assertOccurrenceId(options.occurrence_id, 'Occurrence ID');
	if (options.tracking_source_id && target.kind === 'webinar') qs.tracking_source_id = options.tracking_source_id;
	const limit = limitOf.call(this, itemIndex);
	return (await zoomApiRequestAllItems.call(this, 'registrants', 'GET', `${target.path}/registrants`, undefined, qs, limit)) as IDataObject[];
}
