import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { assertOccurrenceId } from '../../helpers/validation';

export const occurrenceIdOption: INodeProperties = {
	displayName: 'Occurrence ID',
	name: 'occurrence_id',
	type: 'string',
	default: '',
	placeholder: 'e.g. 1648194360000',
	description: 'Only this occurrence of a recurring webinar',
};

export function occurrenceQuery(options: IDataObject): IDataObject {
	return options.occurrence_id ? { occurrence_id: assertOccurrenceId(options.occurrence_id, 'Occurrence ID') } : {};
}
