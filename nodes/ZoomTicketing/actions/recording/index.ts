import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../node.type';

export const operations: Record<string, Operation> = {};

export const description: INodeProperties[] = [];
