import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { InvalidParameterError } from '../../helpers/validation';
import { zoomApiRequest } from '../../transport';
import { getRecordingReference, recordingLocator } from './common';

const properties: INodeProperties[] = [
	recordingLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		options: [
			{
				displayName: 'Authentication Domains',
				name: 'authentication_domains',
				type: 'string',
				default: '',
				placeholder: 'e.g. example.com',
				description: 'With Only Authenticated Viewers: the domains viewers must sign in from',
			},
			{
				displayName: 'Authentication Option',
				name: 'authentication_option',
				type: 'string',
				default: '',
				description: 'With Only Authenticated Viewers: the ID of the authentication option to apply',
			},
			{
				displayName: 'Auto Delete',
				name: 'auto_delete',
				type: 'boolean',
				default: false,
				description:
					'Whether the recording is deleted automatically after the number of days set in the host\'s "Delete cloud recordings after" setting',
			},
			{
				displayName: 'Name',
				name: 'topic',
				type: 'string',
				default: '',
				description: 'The name of the recording',
			},
			{
				displayName: 'Notify Host of Registrations',
				name: 'send_email_to_host',
				type: 'boolean',
				default: false,
				description: 'Whether to email the host when someone registers to view an on-demand recording',
			},
			{
				displayName: 'Only Authenticated Viewers',
				name: 'recording_authentication',
				type: 'boolean',
				default: false,
				description: 'Whether only signed-in users can view the recording',
			},
			{
				displayName: 'Passcode',
				name: 'password',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: 'Passcode viewers must enter: 8 to 10 characters mixing numbers, letters and special characters',
			},
			{
				displayName: 'Registrant Approval',
				name: 'approval_type',
				type: 'options',
				options: [
					{ name: 'Automatic', value: 0, description: 'Registrants can watch right after registering' },
					{ name: 'Manual', value: 1, description: 'Registrants can watch after the host approves them' },
					{ name: 'No Registration', value: 2, description: 'No registration is needed to view the recording' },
				],
				default: 0,
			},
			{
				displayName: 'Registration Required (On-Demand)',
				name: 'on_demand',
				type: 'boolean',
				default: false,
				description: 'Whether viewers must register before watching the recording',
			},
			{
				displayName: 'Share',
				name: 'share_recording',
				type: 'options',
				options: [
					{ name: 'Internally', value: 'internally', description: 'Members of the account only' },
					{ name: 'None', value: 'none', description: 'Not shared' },
					{ name: 'Publicly', value: 'publicly', description: 'Anyone with the link' },
				],
				default: 'publicly',
			},
			{
				displayName: 'Show Social Share Buttons',
				name: 'show_social_share_buttons',
				type: 'boolean',
				default: false,
				description: 'Whether the registration page of an on-demand recording shows social share buttons',
			},
			{
				displayName: 'Viewer Download',
				name: 'viewer_download',
				type: 'boolean',
				default: false,
				description: 'Whether viewers can download the recording files',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['recording'], operation: ['updateSettings'] } }, properties);

const SHARE = ['publicly', 'internally', 'none'];
const APPROVAL = [0, 1, 2];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const reference = getRecordingReference.call(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const fail = (parameter: string, problem: string, allowed: string) => new InvalidParameterError(parameter, problem, allowed);

	const body: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (value === '' || value === undefined || value === null) continue;
		body[key] = typeof value === 'string' ? value.trim() : value;
	}
	if (Object.keys(body).length === 0) {
		throw fail('Update Fields', 'nothing to update', 'add at least one field');
	}
	if (body.password !== undefined && (String(body.password).length < 8 || String(body.password).length > 10)) {
		throw fail('Passcode', `${String(body.password).length} characters`, '8 to 10 characters mixing numbers, letters and special characters');
	}
	if (body.share_recording !== undefined && !SHARE.includes(body.share_recording as string)) {
		throw fail('Share', `"${body.share_recording}" is not allowed`, SHARE.join(', '));
	}
	if (body.approval_type !== undefined && !APPROVAL.includes(Number(body.approval_type))) {
		throw fail('Registrant Approval', `"${body.approval_type}" is not allowed`, '0 (automatic), 1 (manual), 2 (no registration)');
	}
	for (const key of ['auto_delete', 'send_email_to_host', 'recording_authentication', 'on_demand', 'show_social_share_buttons', 'viewer_download']) {
		if (body[key] !== undefined && typeof body[key] !== 'boolean') {
			throw fail(key, `"${String(body[key])}" is not true or false`, 'true or false');
		}
	}

	await zoomApiRequest.call(this, 'PATCH', `/meetings/${reference.pathId}/recordings/settings`, body);
	return { success: true, updated: Object.keys(body).sort() };
}
