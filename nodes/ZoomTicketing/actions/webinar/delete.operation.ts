import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import {
	eventIdParameter,
	isVersion1,
	notifyRegistrantsField,
	occurrenceIdField,
	occurrenceQuery,
	readOccurrenceId,
	VERSION_1,
	VERSION_2,
	withDisplay,
} from '../../descriptions/event';
import { webinarLocator } from '../../descriptions/webinarLocator';
import { deletedOutput } from '../../helpers/eventOutput';
import { zoomApiRequest } from '../../transport';

const options = (notifyName: string, occurrenceName: string): INodeProperties => ({
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [notifyRegistrantsField('webinar', notifyName), occurrenceIdField('webinar', 'Delete only this occurrence', occurrenceName)],
});

const properties: INodeProperties[] = [
	webinarLocator,
	...withDisplay(VERSION_1, [options('cancel_webinar_reminder', 'occurrence_id')]),
	...withDisplay(VERSION_2, [options('notifyRegistrants', 'occurrenceId')]),
];

export const description = updateDisplayOptions({ show: { resource: ['webinar'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const webinarId = eventIdParameter.call(this, 'webinar', itemIndex);
	const values = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const v1 = isVersion1.call(this);
	const occurrenceId = readOccurrenceId(values[v1 ? 'occurrence_id' : 'occurrenceId']);
	const qs = occurrenceQuery(occurrenceId);
	if (values[v1 ? 'cancel_webinar_reminder' : 'notifyRegistrants'] === true) qs.cancel_webinar_reminder = true;
	await zoomApiRequest.call(this, 'DELETE', `/webinars/${webinarId}`, {}, qs);
	return deletedOutput('webinar', webinarId, occurrenceId);
}
