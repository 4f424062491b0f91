import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/** An operation that runs once per input item; the router pairs its output with that item. */
export interface ItemOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[] | INodeExecutionData[]>;
}

/**
 * An operation that needs all input items at once (batch registration, sync).
 * It returns items that already carry their own `pairedItem`.
 */
export interface BatchOperation {
	description: INodeProperties[];
	executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
}

export type Operation = ItemOperation | BatchOperation;

export interface ResourceModule {
	description: INodeProperties[];
	operations: Record<string, Operation>;
}
