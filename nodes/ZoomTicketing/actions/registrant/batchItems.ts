import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { InvalidParameterError } from '../../helpers/validation';

/**
 * An n8n error for one item of a batch operation, naming the parameter and what is allowed when
 * the input was bad (the same conversion the router applies to per-item operations).
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

export function errorJson(error: NodeApiError | NodeOperationError): IDataObject {
	const json: IDataObject = { error: error.message };
	if (error.description) json.description = error.description;
	if (error instanceof NodeApiError && error.httpCode) json.httpCode = error.httpCode;
	return json;
}

/**
 * Output of a batch operation: with Continue On Fail, failed items become error items paired to
 * their input; otherwise the first failure is thrown once every item has been tried.
 */
export function finishBatch(
	this: IExecuteFunctions,
	results: Array<{ itemIndex: number; json?: IDataObject; error?: NodeApiError | NodeOperationError }>,
): INodeExecutionData[] {
	const firstFailure = results.find((result) => result.error);
	if (firstFailure?.error && !this.continueOnFail()) throw firstFailure.error;
	return results.map(({ itemIndex, json, error }) => ({
		json: error ? errorJson(error) : (json ?? {}),
		pairedItem: { item: itemIndex },
	}));
}
