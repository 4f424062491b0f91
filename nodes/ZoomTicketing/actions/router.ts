import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { InvalidParameterError } from '../helpers/validation';
import type { ItemOperation, Operation } from './node.type';
import { resources, type ZoomTicketingResource } from './resources';

function isBatch(operation: Operation): operation is Exclude<Operation, ItemOperation> {
	return 'executeBatch' in operation;
}

function isExecutionData(value: unknown): value is INodeExecutionData {
	return typeof value === 'object' && value !== null && 'json' in value && typeof (value as INodeExecutionData).json === 'object';
}

function toExecutionData(result: IDataObject | IDataObject[] | INodeExecutionData[]): INodeExecutionData[] {
	const list = Array.isArray(result) ? result : [result];
	return list.map((entry) => (isExecutionData(entry) ? entry : { json: entry as IDataObject }));
}

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

function errorItem(error: NodeApiError | NodeOperationError, itemIndex: number): INodeExecutionData {
	return { json: errorJson(error), pairedItem: { item: itemIndex } };
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as ZoomTicketingResource;
	const operationName = this.getNodeParameter('operation', 0) as string;

	const operation = resources[resource]?.operations[operationName];
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" is not known for resource "${resource}"`);
	}

	if (isBatch(operation)) {
		try {
			return [await operation.executeBatch.call(this, items)];
		} catch (error) {
			const nodeError = itemError.call(this, error, 0);
			if (!this.continueOnFail()) throw nodeError;
			return [items.map((_, itemIndex) => errorItem(nodeError, itemIndex))];
		}
	}

	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await operation.execute.call(this, itemIndex);
			returnData.push(
				...this.helpers.constructExecutionMetaData(toExecutionData(result), { itemData: { item: itemIndex } }),
			);
		} catch (error) {
			const nodeError = itemError.call(this, error, itemIndex);
			if (this.continueOnFail()) {
				returnData.push(errorItem(nodeError, itemIndex));
				continue;
			}
			throw nodeError;
		}
	}
	return [returnData];
}
