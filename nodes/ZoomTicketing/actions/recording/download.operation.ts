import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { assertEnum, InvalidParameterError, requireString } from '../../helpers/validation';
import { zoomDownload } from '../../transport';
import {
	fileIdField,
	getRecording,
	getRecordingReference,
	recordingFileTypes,
	recordingLocator,
	requireFileId,
	type Recording,
	type RecordingFile,
} from './common';

const properties: INodeProperties[] = [
	{
		displayName: 'Download From',
		name: 'downloadFrom',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Recording',
				value: 'recording',
				description: 'Look the files up in the recording of a meeting or webinar',
			},
			{
				name: 'Download URL and Token',
				value: 'url',
				description: 'A "download_url" and "download_token" from a recording.completed webhook; no API lookup',
			},
		],
		default: 'recording',
	},
	...updateDisplayOptions({ show: { downloadFrom: ['recording'] } }, [
		recordingLocator,
		{
			displayName: 'Files',
			name: 'select',
			type: 'options',
			options: [
				{ name: 'All Files of a Type', value: 'fileType' },
				{ name: 'One File by ID', value: 'fileId' },
			],
			default: 'fileType',
		},
		{ ...fileIdField, displayOptions: { show: { select: ['fileId'] } } },
		{
			displayName: 'File Type',
			name: 'fileType',
			type: 'options',
			options: recordingFileTypes.map((type) => ({ name: type, value: type })),
			default: 'MP4',
			description: "Every file of this type becomes one item (Zoom's file_type)",
			displayOptions: { show: { select: ['fileType'] } },
		},
	]),
	...updateDisplayOptions({ show: { downloadFrom: ['url'] } }, [
		{
			displayName: 'Download URL',
			name: 'downloadUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. {{ $json.payload.object.recording_files[0].download_url }}',
			description: 'The "download_url" of one recording file',
		},
		{
			displayName: 'Download Token',
			name: 'downloadToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'e.g. {{ $json.download_token }}',
			description: 'The "download_token" of the recording.completed webhook (valid for 24 hours)',
		},
	]),
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the output binary field to put the file in',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Download Token',
				name: 'downloadToken',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: "A webhook's download_token to download with instead of the credential's access token",
				displayOptions: { show: { '/downloadFrom': ['recording'] } },
			},
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				placeholder: 'e.g. webinar.mp4',
				description: 'Name of the file in n8n. By default, the name Zoom sends or one made from the topic and file type.',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['recording'], operation: ['download'] } }, properties);

/** What prepareBinaryData accepts; the transport's stream is a Node.js Readable. */
type BinarySource = Parameters<IExecuteFunctions['helpers']['prepareBinaryData']>[0];

const MIME_TYPES: Record<string, string> = {
	MP4: 'video/mp4',
	M4A: 'audio/mp4',
	TXT: 'text/plain',
	VTT: 'text/vtt',
	CSV: 'text/csv',
	JSON: 'application/json',
	JPG: 'image/jpeg',
};

function safeName(text: string): string {
	return text.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').replace(/\s+/g, ' ').trim().slice(0, 150) || 'recording';
}

function defaultFileName(recording: Recording | undefined, file: RecordingFile | undefined): string {
	const extension = (file?.file_extension ?? file?.file_type ?? 'bin').toLowerCase();
	const parts = [recording?.topic, file?.recording_type ?? file?.file_type, file?.id].filter(Boolean) as string[];
	return `${safeName(parts.join(' - '))}.${extension}`;
}

function requireBinaryProperty(this: IExecuteFunctions, itemIndex: number): string {
	const name = requireString(this.getNodeParameter('binaryPropertyName', itemIndex), 'Put Output File in Field');
	if (!/^[A-Za-z_$][\w$-]*$/.test(name)) {
		throw new InvalidParameterError(
			'Put Output File in Field',
			`"${name}" is not a field name`,
			'letters, digits, "_", "-" and "$", not starting with a digit, e.g. data',
		);
	}
	return name;
}

async function selectFiles(this: IExecuteFunctions, itemIndex: number): Promise<{ recording: Recording; files: RecordingFile[] }> {
	const reference = getRecordingReference.call(this, itemIndex);
	const select = assertEnum(this.getNodeParameter('select', itemIndex), 'Files', ['fileId', 'fileType'] as const);
	const fileId = select === 'fileId' ? requireFileId.call(this, itemIndex) : undefined;
	const fileType = select === 'fileType' ? assertEnum(this.getNodeParameter('fileType', itemIndex), 'File Type', recordingFileTypes) : undefined;

	const recording = await getRecording.call(this, reference.pathId);
	const all = (recording.recording_files ?? []).filter((file) => typeof file.download_url === 'string' && file.download_url !== '');
	const files = all.filter((file) => (fileId ? file.id === fileId : file.file_type === fileType));
	if (files.length === 0) {
		const available = all.map((file) => `${file.id} (${file.file_type})`).join(', ') || 'none';
		throw new NodeOperationError(
			this.getNode(),
			fileId
				? `The recording of ${reference.value} has no downloadable file with ID "${fileId}"`
				: `The recording of ${reference.value} has no downloadable ${fileType} file`,
			{ itemIndex, description: `Files in this recording: ${available}` },
		);
	}
	return { recording, files };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const downloadFrom = this.getNodeParameter('downloadFrom', itemIndex) as 'recording' | 'url';
	const binaryPropertyName = requireBinaryProperty.call(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as { downloadToken?: string; fileName?: string };

	let targets: Array<{ url: string; file?: RecordingFile; recording?: Recording }>;
	let downloadToken = options.downloadToken?.trim() || undefined;
	if (downloadFrom === 'url') {
		const url = requireString(this.getNodeParameter('downloadUrl', itemIndex), 'Download URL');
		if (!/^https?:\/\/[^\s]+$/i.test(url)) {
			throw new InvalidParameterError('Download URL', `"${url}" is not an http(s) URL`, 'the "download_url" of a file in the webhook\'s "recording_files"');
		}
		downloadToken = requireString(this.getNodeParameter('downloadToken', itemIndex), 'Download Token');
		targets = [{ url }];
	} else {
		const { recording, files } = await selectFiles.call(this, itemIndex);
		targets = files.map((file) => ({ url: file.download_url as string, file, recording }));
	}

	const results: INodeExecutionData[] = [];
	for (const target of targets) {
		const download = await zoomDownload.call(this, target.url, { downloadToken });
		const fileName =
			(targets.length === 1 && options.fileName?.trim()) || download.fileName || defaultFileName(target.recording, target.file);
		const extension = (target.file?.file_extension ?? fileName.split('.').pop() ?? '').toUpperCase();
		const mimeType = MIME_TYPES[extension] ?? download.contentType ?? 'application/octet-stream';
		// A stream, so that n8n's binary data store (filesystem mode) never holds the file in memory.
		const binary = await this.helpers.prepareBinaryData(download.stream as BinarySource, fileName, mimeType);
		const json: IDataObject = target.file
			? {
					meetingUuid: target.recording?.uuid ?? null,
					topic: target.recording?.topic ?? null,
					...target.file,
				}
			: { download_url: target.url };
		json.fileName = binary.fileName ?? fileName;
		json.bytes = download.contentLength ?? target.file?.file_size ?? null;
		results.push({ json, binary: { [binaryPropertyName]: binary } });
	}
	return results;
}
