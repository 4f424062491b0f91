import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export type RateCategory = 'Light' | 'Medium' | 'Heavy' | 'Resource-intensive';

export interface OpenApiParameter {
	name: string;
	in: 'path' | 'query' | 'header' | 'cookie';
	required?: boolean;
	schema?: Record<string, unknown>;
}

export interface OpenApiOperation {
	operationId: string;
	description?: string;
	parameters?: OpenApiParameter[];
	requestBody?: { required?: boolean; content?: Record<string, { schema?: Record<string, unknown> }> };
	responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
}

export interface SpecOperation {
	method: string;
	pathTemplate: string;
	segments: string[];
	operationId: string;
	rateCategory: RateCategory;
	operation: OpenApiOperation;
	source: 'Meetings.json' | 'Users.json';
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
/** Users.json is only consulted for the user lookups the credentials test with. */
const USERS_OPERATIONS = new Set(['user']);

export function specDirectory(): string {
	return process.env.ZOOM_SIM_OPENAPI_DIR ?? resolve(__dirname, '../../../shared/zoom-api/endpoints');
}

function rateCategoryOf(description: string | undefined): RateCategory {
	const match = /rate limit label[^`]*`\s*([a-z-]+)\s*`/i.exec(description ?? '');
	switch (match?.[1].toUpperCase()) {
		case 'MEDIUM':
			return 'Medium';
		case 'HEAVY':
			return 'Heavy';
		case 'RESOURCE-INTENSIVE':
			return 'Resource-intensive';
		default:
			return 'Light';
	}
}

function collect(file: string, source: SpecOperation['source'], keep: (id: string) => boolean): SpecOperation[] {
	const document = JSON.parse(readFileSync(file, 'utf8')) as {
		paths: Record<string, Record<string, OpenApiOperation | OpenApiParameter[]>>;
	};
	const operations: SpecOperation[] = [];
	for (const [pathTemplate, item] of Object.entries(document.paths)) {
		const shared = (item.parameters as OpenApiParameter[] | undefined) ?? [];
		for (const method of METHODS) {
			const operation = item[method] as OpenApiOperation | undefined;
			if (!operation || !keep(operation.operationId)) continue;
			operations.push({
				method: method.toUpperCase(),
				pathTemplate,
				segments: pathTemplate.split('/').filter(Boolean),
				operationId: operation.operationId,
				rateCategory: rateCategoryOf(operation.description),
				operation: { ...operation, parameters: [...shared, ...(operation.parameters ?? [])] },
				source,
			});
		}
	}
	return operations;
}

let cache: SpecOperation[] | undefined;

/** Every operation of Zoom's Meetings API, plus `GET /users/{userId}` from the Users API. */
export function loadOperations(): SpecOperation[] {
	if (!cache) {
		const dir = specDirectory();
		cache = [
			...collect(resolve(dir, 'workplace/Meetings.json'), 'Meetings.json', () => true),
			...collect(resolve(dir, 'accounts/Users.json'), 'Users.json', (id) => USERS_OPERATIONS.has(id)),
		];
	}
	return cache;
}

export function findOperation(operationId: string): SpecOperation {
	const found = loadOperations().find((op) => op.operationId === operationId);
	if (!found) throw new Error(`Unknown Zoom operation ${operationId}`);
	return found;
}
