import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { errorItem, itemError } from './itemErrors';
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
