import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { assertInteger } from '../helpers/validation';

/** n8n's usual pair for lists: Return All, or at most Limit entries. */
export const returnAllOrLimitFields: INodeProperties[] = [
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

/** The item's Limit, or `undefined` when Return All is on. */
export function limitOf(this: IExecuteFunctions, itemIndex: number): number | undefined {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	return returnAll ? undefined : assertInteger(this.getNodeParameter('limit', itemIndex, 50), 'Limit', { min: 1 });
}
