import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { InvalidParameterError } from '../../helpers/validation';
import { encodeZoomUuid, zoomApiRequest } from '../../transport';

/** The recording of one meeting or webinar occurrence: its ID (latest occurrence) or UUID. */
export const recordingLocator: INodeProperties = {
	displayName: 'Recording',
	name: 'recording',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The meeting or webinar whose cloud recording to use: its ID (latest occurrence) or the UUID of one occurrence',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a recording...',
			typeOptions: { searchListMethod: 'searchRecordings', searchable: true },
		},
		{
			displayName: 'Meeting ID or UUID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 857 4606 5432 or 4444AAAiAAAAAiAiAiiAii==',
		},
	],
};

export const recordingFileTypes = ['CC', 'CHAT', 'CHAT_MESSAGE', 'CSV', 'M4A', 'MP4', 'SUMMARY', 'TB', 'TRANSCRIPT'] as const;

export interface RecordingReference {
	/** As typed: a numeric ID or a UUID. */
	value: string;
	/** Ready for the endpoint path. */
	pathId: string;
	isUuid: boolean;
}

const NUMERIC_ID = /^\d{9,12}$/;
// Zoom UUIDs are 16 bytes in base64: 22 characters plus "==" (some omit the padding).
const UUID = /^[A-Za-z0-9+/]{22}(==)?$/;

export function parseRecordingReference(value: string): RecordingReference | undefined {
	const text = value.trim();
	const digits = text.replace(/[\s-]/g, '');
	if (NUMERIC_ID.test(digits)) return { value: digits, pathId: digits, isUuid: false };
	if (UUID.test(text)) return { value: text, pathId: encodeZoomUuid(text), isUuid: true };
	return undefined;
}

export function getRecordingReference(this: IExecuteFunctions, itemIndex: number): RecordingReference {
	const value = this.getNodeParameter('recording', itemIndex, undefined, { extractValue: true }) as unknown;
	const parsed = typeof value === 'string' || typeof value === 'number' ? parseRecordingReference(String(value)) : undefined;
	if (!parsed) {
		throw new InvalidParameterError(
			'Recording',
			`"${String(value ?? '')}" is neither a meeting or webinar ID nor an occurrence UUID`,
			'a numeric ID of 9 to 12 digits (e.g. 857 4606 5432) or an occurrence UUID such as 4444AAAiAAAAAiAiAiiAii==',
		);
	}
	return parsed;
}

export function requireFileId(this: IExecuteFunctions, itemIndex: number): string {
	const fileId = String(this.getNodeParameter('fileId', itemIndex, '')).trim();
	if (!/^[A-Za-z0-9_-]{1,128}$/.test(fileId)) {
		throw new InvalidParameterError(
			'File ID',
			`"${fileId}" is not a recording file ID`,
			'the "id" of an entry of "recording_files", e.g. a2f19f96-9294-4f51-8134-6f0eea108eb2',
		);
	}
	return fileId;
}

export const fileIdField: INodeProperties = {
	displayName: 'File ID',
	name: 'fileId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. a2f19f96-9294-4f51-8134-6f0eea108eb2',
	description: 'The ID of one file of the recording, as listed in its recording_files',
};

export interface RecordingFile extends IDataObject {
	id: string;
	file_type?: string;
	file_extension?: string;
	recording_type?: string;
	download_url?: string;
	play_url?: string;
	file_size?: number;
	status?: string;
}

export interface Recording extends IDataObject {
	uuid?: string;
	id?: number;
	topic?: string;
	start_time?: string;
	share_url?: string;
	password?: string;
	recording_play_passcode?: string;
	download_access_token?: string;
	recording_files?: RecordingFile[];
}

export async function getRecording(this: IExecuteFunctions, pathId: string, qs: IDataObject = {}): Promise<Recording> {
	return (await zoomApiRequest.call(this, 'GET', `/meetings/${pathId}/recordings`, {}, qs)) as Recording;
}

/** Zoom answers 404 with code 3301 when an occurrence has no cloud recording. */
export function isNoRecording(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	const code = (error.errorResponse as { code?: unknown } | undefined)?.code;
	return String(error.httpCode) === '404' && Number(code) === 3301;
}

/** The whole recording or one of its files, for Delete and Recover (`label` names the choice). */
export function scopeFields(label: string): INodeProperties[] {
	return [
		{
			displayName: label,
			name: 'scope',
			type: 'options',
			options: [
				{ name: 'All Files of the Recording', value: 'recording' },
				{ name: 'One File', value: 'file' },
			],
			default: 'recording',
		},
		{ ...fileIdField, displayOptions: { show: { scope: ['file'] } } },
	];
}
