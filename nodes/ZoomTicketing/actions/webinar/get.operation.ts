import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import {
	eventIdParameter,
	isVersion1,
	occurrenceIdField,
	occurrenceQuery,
	readOccurrenceId,
	showPreviousOccurrencesField,
	simplifyField,
	VERSION_1,
	VERSION_2,
	withDisplay,
} from '../../descriptions/event';
import { webinarLocator } from '../../descriptions/webinarLocator';
import { eventOutput, simplifiedEventOutput, webinarOutputV1 } from '../../helpers/eventOutput';
import { zoomApiRequest } from '../../transport';

// Version 1 named the options as Zoom's query does (occurrence_id, show_previous_occurrences).
const options = (occurrenceName: string, previousName: string): INodeProperties => ({
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [occurrenceIdField('webinar', 'Return this occurrence (its start time and status)', occurrenceName), showPreviousOccurrencesField('webinar', previousName)],
});

const properties: INodeProperties[] = [
	webinarLocator,
	...withDisplay(VERSION_2, [simplifyField('webinar')]),
	...withDisplay(VERSION_1, [options('occurrence_id', 'show_previous_occurrences')]),
	...withDisplay(VERSION_2, [options('occurrenceId', 'showPreviousOccurrences')]),
];

export const description = updateDisplayOptions({ show: { resource: ['webinar'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const webinarId = eventIdParameter.call(this, 'webinar', itemIndex);
	const values = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const v1 = isVersion1.call(this);
	const qs = occurrenceQuery(readOccurrenceId(values[v1 ? 'occurrence_id' : 'occurrenceId']));
	if (values[v1 ? 'show_previous_occurrences' : 'showPreviousOccurrences'] === true) qs.show_previous_occurrences = true;
	const webinar = await zoomApiRequest.call(this, 'GET', `/webinars/${webinarId}`, {}, qs);
	if (v1) return webinarOutputV1(webinar);
	return this.getNodeParameter('simplify', itemIndex, true) ? simplifiedEventOutput('webinar', webinar) : eventOutput('webinar', webinar);
}
