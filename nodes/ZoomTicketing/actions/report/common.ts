import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { EventKind } from '../../helpers/eventKind';
import { InvalidParameterError, requireString } from '../../helpers/validation';
import { encodeZoomUuid, zoomApiForEachPage, zoomApiRequest, zoomApiRequestAllItems } from '../../transport';

const PARTICIPANT_QUERY = { include_fields: 'registrant_id' };

/** One past occurrence to report on. `pathId` is what goes into the endpoint path. */
export interface Occurrence {
	pathId: string;
	uuid: string | null;
	startTime: string | null;
}

export function occurrenceFields(allowAll: boolean): INodeProperties[] {
	const options = [
		{
			name: 'Latest',
			value: 'latest',
			description: 'The most recent past occurrence (what Zoom reports for a meeting or webinar ID)',
		},
		{ name: 'Specific Occurrence', value: 'uuid', description: 'One past occurrence, by its UUID' },
	];
	if (allowAll) {
		options.push({
			name: 'All Past Occurrences',
			value: 'all',
			description: 'Every past occurrence of a recurring meeting or webinar, each reported separately',
		});
	}
	return [
		{
			displayName: 'Occurrence',
			name: 'occurrence',
			type: 'options',
			options: options.sort((a, b) => a.name.localeCompare(b.name)),
			default: 'latest',
		},
		{
			displayName: 'Occurrence UUID',
			name: 'occurrenceUuid',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 4444AAAiAAAAAiAiAiiAii==',
			description: 'The UUID of the past occurrence, as returned by the Get Past Instances operation',
			displayOptions: { show: { occurrence: ['uuid'] } },
		},
	];
}

/** Zoom wants numeric IDs for a few past-instance endpoints; UUIDs are refused there. */
export function requireNumericId(id: string, parameter: string): string {
	if (!/^\d{9,12}$/.test(id)) {
		throw new InvalidParameterError(parameter, `"${id}" is not a numeric Zoom ID`, 'a meeting or webinar ID of 9 to 12 digits');
	}
	return id;
}

export async function listPastInstances(
	this: IExecuteFunctions,
	kind: EventKind,
	id: string,
): Promise<Array<{ uuid: string; start_time: string }>> {
	const endpoint = kind === 'meeting' ? `/past_meetings/${id}/instances` : `/past_webinars/${id}/instances`;
	const response = (await zoomApiRequest.call(this, 'GET', endpoint)) as IDataObject;
	const instances = (response[kind === 'meeting' ? 'meetings' : 'webinars'] ?? []) as Array<{ uuid: string; start_time: string }>;
	return [...instances].sort((a, b) => (a.start_time ?? '').localeCompare(b.start_time ?? ''));
}

/** Reads the Occurrence parameters of item `itemIndex` into the list of occurrences to report on. */
export async function resolveOccurrences(this: IExecuteFunctions, kind: EventKind, id: string, itemIndex: number): Promise<Occurrence[]> {
	const occurrence = this.getNodeParameter('occurrence', itemIndex, 'latest') as string;
	if (occurrence === 'latest') return [{ pathId: id, uuid: null, startTime: null }];
	if (occurrence === 'uuid') {
		const uuid = requireString(this.getNodeParameter('occurrenceUuid', itemIndex), 'Occurrence UUID');
		return [{ pathId: encodeZoomUuid(uuid), uuid, startTime: null }];
	}
	const instances = await listPastInstances.call(this, kind, requireNumericId(id, kind === 'meeting' ? 'Meeting' : 'Webinar'));
	return instances.map((instance) => ({ pathId: encodeZoomUuid(instance.uuid), uuid: instance.uuid, startTime: instance.start_time }));
}

export function reportEndpoint(kind: EventKind, pathId: string, report: 'participants' | 'polls' | 'qa' | ''): string {
	const base = `/report/${kind}s/${pathId}`;
	return report ? `${base}/${report}` : base;
}

function zoomMessage(error: NodeApiError): string {
	const message = (error.errorResponse as { message?: unknown } | undefined)?.message;
	return typeof message === 'string' && message ? message : error.message;
}

/** Zoom's 404 with code 3001: "Meeting does not exist" / "not found or has expired". */
export function isNotFound(error: unknown): error is NodeApiError {
	if (!(error instanceof NodeApiError) || String(error.httpCode) !== '404') return false;
	return Number((error.errorResponse as { code?: unknown } | undefined)?.code) === 3001;
}

/**
 * Zoom only publishes a report some time after the occurrence has ended; until then the report
 * endpoints answer "not found" for an ID that is otherwise valid. Turn that into an error that
 * says so and when to try again, instead of Zoom's bare 3001.
 */
export async function withReportReady<T>(
	ctx: IExecuteFunctions,
	kind: EventKind,
	occurrence: Occurrence,
	itemIndex: number,
	request: () => Promise<T>,
): Promise<T> {
	try {
		return await request();
	} catch (error) {
		// n8n's constructor hands an existing NodeApiError back unchanged.
		if (!isNotFound(error)) throw new NodeApiError(ctx.getNode(), error as JsonObject);
		const label = occurrence.uuid ? `occurrence ${occurrence.uuid}` : `${kind} ${occurrence.pathId}`;
		throw new NodeApiError(
			ctx.getNode(),
			{ message: error.message },
			{
				itemIndex,
				httpCode: '404',
				message: `Zoom has not finished the report for ${label} yet, or it does not exist`,
				description:
					`Zoom publishes participant, poll and Q&A reports some time after a ${kind} ends (usually within 30 minutes, ` +
					'sometimes a few hours). Retry later, for example after a Wait node of 30 minutes; if it still fails, check the ID. ' +
					`Zoom says: "${zoomMessage(error)}"`,
			},
		);
	}
}

export async function getParticipantRows(
	this: IExecuteFunctions,
	kind: EventKind,
	occurrence: Occurrence,
	itemIndex: number,
	limit?: number,
): Promise<IDataObject[]> {
	return await withReportReady(this, kind, occurrence, itemIndex, async () =>
		await zoomApiRequestAllItems.call(this, 'participants', 'GET', reportEndpoint(kind, occurrence.pathId, 'participants'), {}, PARTICIPANT_QUERY, limit),
	);
}

/** Hands the participant rows of one occurrence to `onPage`, a page at a time. */
export async function forEachParticipantPage(
	this: IExecuteFunctions,
	kind: EventKind,
	occurrence: Occurrence,
	itemIndex: number,
	onPage: (rows: IDataObject[]) => void,
): Promise<void> {
	await withReportReady(this, kind, occurrence, itemIndex, async () =>
		await zoomApiForEachPage.call(this, 'participants', 'GET', reportEndpoint(kind, occurrence.pathId, 'participants'), {}, PARTICIPANT_QUERY, undefined, onPage),
	);
}

export function occurrenceColumns(occurrence: Occurrence): IDataObject {
	if (!occurrence.uuid) return {};
	return { occurrence_uuid: occurrence.uuid, occurrence_start_time: occurrence.startTime };
}

/**
 * Reads the poll or Q&A report of every occurrence the item names, each with the columns that
 * tell which meeting or webinar and which occurrence its rows belong to.
 */
export async function readOccurrenceReports(
	this: IExecuteFunctions,
	target: { kind: EventKind; id: string },
	itemIndex: number,
	report: 'polls' | 'qa',
): Promise<Array<{ report: IDataObject; context: IDataObject }>> {
	const occurrences = await resolveOccurrences.call(this, target.kind, target.id, itemIndex);
	const reports: Array<{ report: IDataObject; context: IDataObject }> = [];
	for (const occurrence of occurrences) {
		const answer = await withReportReady(this, target.kind, occurrence, itemIndex, async () =>
			await zoomApiRequest.call(this, 'GET', reportEndpoint(target.kind, occurrence.pathId, report)),
		);
		const context: IDataObject = {
			eventType: target.kind,
			id: answer.id ?? Number(target.id),
			uuid: answer.uuid ?? occurrence.uuid,
			start_time: answer.start_time ?? occurrence.startTime,
			...occurrenceColumns(occurrence),
		};
		reports.push({ report: answer, context });
	}
	return reports;
}
