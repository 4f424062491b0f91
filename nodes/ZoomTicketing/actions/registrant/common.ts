import type { INodeProperties } from 'n8n-workflow';

export const registrantIdField: INodeProperties = {
	displayName: 'Registrant ID',
	name: 'registrantId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 9tboDiHUQAeOnbmudzWa5g',
};

export const occurrenceIdField: INodeProperties = {
	displayName: 'Occurrence ID',
	name: 'occurrenceId',
	type: 'string',
	default: '',
	placeholder: 'e.g. 1648194360000',
	description: 'Only this occurrence of a recurring meeting or webinar',
};

export const REGISTRANT_STATUSES = ['approved', 'pending', 'denied'] as const;
