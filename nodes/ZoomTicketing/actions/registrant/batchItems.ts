import type { IDataObject, IExecuteFunctions, INodeExecutionData, NodeApiError, NodeOperationError } from 'n8n-workflow';

import { errorJson } from '../itemErrors';

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
