import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { assertInteger } from '../../helpers/validation';
import { getParticipantRows, occurrenceColumns, occurrenceFields, resolveOccurrences, type EventKind } from './common';

/**
 * Meeting Participants and Webinar Participants differ only in the event they read, so both
 * operations are built here from the locator of that event.
 */
export function participantsOperation(
	kind: EventKind,
	locator: INodeProperties,
	getId: (this: IExecuteFunctions, itemIndex: number) => string,
) {
	const operation = kind === 'meeting' ? 'meetingParticipants' : 'webinarParticipants';
	const properties: INodeProperties[] = [
		locator,
		...occurrenceFields(true),
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];

	const description = updateDisplayOptions({ show: { resource: ['report'], operation: [operation] } }, properties);

	async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
		const id = getId.call(this, itemIndex);
		const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
		const limit = returnAll ? undefined : assertInteger(this.getNodeParameter('limit', itemIndex), 'Limit', { min: 1 });

		const occurrences = await resolveOccurrences.call(this, kind, id, itemIndex);
		const rows: IDataObject[] = [];
		for (const occurrence of occurrences) {
			const remaining = limit === undefined ? undefined : limit - rows.length;
			if (remaining !== undefined && remaining <= 0) break;
			const page = await getParticipantRows.call(this, kind, occurrence, itemIndex, remaining);
			const extra = occurrenceColumns(occurrence);
			for (const row of page) rows.push({ ...row, ...extra });
		}
		return rows;
	}

	return { description, execute };
}
