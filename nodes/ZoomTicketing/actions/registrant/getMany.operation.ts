import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { isVersion1, occurrenceIdField, occurrenceQuery, readOccurrenceId, VERSION_1, VERSION_2, withDisplay } from '../../descriptions/event';
import { limitOf, returnAllOrLimitFields } from '../../descriptions/returnAllOrLimit';
import { eventTargetFields, getEventTarget } from '../../descriptions/webinarOrMeeting';
import { assertEnum } from '../../helpers/validation';
import { zoomApiRequestAllItems } from '../../transport';
import { REGISTRANT_STATUSES } from './common';

// Version 1 named the occurrence as Zoom's query does (occurrence_id).
const options = (occurrenceName: string): INodeProperties => ({
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		occurrenceIdField('meeting or webinar', 'Only registrants of this occurrence', occurrenceName),
		{
			displayName: 'Tracking Source ID',
			name: 'tracking_source_id',
			type: 'string',
			default: '',
			description: 'Only registrants who came through this tracking source',
			displayOptions: { show: { '/eventType': ['webinar'] } },
		},
	],
});

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
	...withDisplay(VERSION_1, [options('occurrence_id')]),
	...withDisplay(VERSION_2, [options('occurrenceId')]),
];

export const description = updateDisplayOptions({ show: { resource: ['registrant'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const target = getEventTarget.call(this, itemIndex);
	const qs: IDataObject = { status: assertEnum(this.getNodeParameter('status', itemIndex), 'Status', REGISTRANT_STATUSES) };
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	Object.assign(qs, occurrenceQuery(readOccurrenceId(options[isVersion1.call(this) ? 'occurrence_id' : 'occurrenceId'])));
	if (options.tracking_source_id && target.kind === 'webinar') qs.tracking_source_id = options.tracking_source_id;
	const limit = limitOf.call(this, itemIndex);
	return (await zoomApiRequestAllItems.call(this, 'registrants', 'GET', `${target.path}/registrants`, undefined, qs, limit)) as IDataObject[];
}
