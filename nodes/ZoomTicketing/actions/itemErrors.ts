import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { InvalidParameterError } from '../helpers/validation';

/**
 * The n8n error for a failed item: n8n's own errors get the item attached, bad input names the
 * parameter and what is allowed, anything else is wrapped, so the UI can point at the item. Batch
 * operations use it for each of their items.
 */
export function itemError(this: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	if (error instanceof InvalidParameterError) {
		return new NodeOperationError(this.getNode(), `${error.message} (item ${itemIndex})`, {
			itemIndex,
			description: `Allowed: ${error.allowed}. Nothing was sent to Zoom for this item.`,
		});
	}
	return new NodeOperationError(this.getNode(), error as Error, { itemIndex });
}

/**
 * What a failed item outputs with Continue On Fail: `{ error: { message, description?, httpCode? } }`.
 * `error` stays the only key because n8n sends an item to the error output ("Continue (using error
 * output)") only when its json is `{ error }` or `{ error, message }` (1.x; 2.x also allows
 * `details`). Setting `item.error` instead would make n8n cut the json down to the bare message.
 */
export function errorJson(error: NodeApiError | NodeOperationError): IDataObject {
	const details: IDataObject = { message: error.message };
	if (error.description) details.description = error.description;
	if (error instanceof NodeApiError && error.httpCode) details.httpCode = error.httpCode;
	return { error: details };
}

export function errorItem(error: NodeApiError | NodeOperationError, itemIndex: number): INodeExecutionData {
	return { json: errorJson(error), pairedItem: { item: itemIndex } };
}
