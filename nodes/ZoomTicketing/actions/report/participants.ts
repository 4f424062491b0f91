import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { limitOf, returnAllOrLimitFields } from '../../descriptions/returnAllOrLimit';
import { getParticipantRows, occurrenceColumns, occurrenceFields, resolveOccurrences } from './common';
import type { EventKind } from '../../helpers/eventKind';

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
		...returnAllOrLimitFields,
	];

	const description = updateDisplayOptions({ show: { resource: ['report'], operation: [operation] } }, properties);

	async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
		const id = getId.call(this, itemIndex);
		const limit = limitOf.call(this, itemIndex);

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
