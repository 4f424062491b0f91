import type { INodeProperties } from 'n8n-workflow';

import { occurrenceIdField as occurrenceIdFieldFor } from '../../descriptions/event';

export const registrantIdField: INodeProperties = {
	displayName: 'Registrant ID',
	name: 'registrantId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 9tboDiHUQAeOnbmudzWa5g',
};

export const occurrenceIdField = occurrenceIdFieldFor('meeting or webinar', 'Only this occurrence');

/** Our option (not Zoom's auto_approve query flag of a single add): approve what this run adds. */
export function autoApproveOption(which: string): INodeProperties {
	return {
		displayName: 'Auto Approve',
		name: 'autoApprove',
		type: 'boolean',
		default: false,
		description: `Whether to approve ${which} even when the event is set to manual approval`,
	};
}

export const REGISTRANT_STATUSES = ['approved', 'pending', 'denied'] as const;
