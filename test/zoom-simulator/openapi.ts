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

/** Zoom's OpenAPI documents, kept in the repository (see openapi/SOURCE.md). */
export const OPENAPI_DIRECTORY = resolve(__dirname, 'openapi');
export const WEBHOOKS_DOCUMENT = resolve(OPENAPI_DIRECTORY, 'webhooks/workplace/Meetings.json');

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

/**
 * Places where the document is stricter than Zoom itself, corrected so that requests Zoom accepts
 * are accepted: `weekly_days` is documented as an enum of single days, yet Zoom takes a
 * comma-separated list of days ("2,4") as its own description says; request times
 * (`start_time`, `end_date_time`) are documented as date-time, yet Zoom takes the local form
 * `yyyy-MM-ddTHH:mm:ss` interpreted in `timezone`, as the same descriptions say.
 */
function correctDocument(node: unknown, inRequest: boolean): void {
	if (!node || typeof node !== 'object') return;
	if (Array.isArray(node)) {
		for (const item of node) correctDocument(item, inRequest);
		return;
	}
	const record = node as Record<string, unknown>;
	const properties = record.properties as Record<string, Record<string, unknown>> | undefined;
	const weekly = properties?.weekly_days;
	if (weekly && Array.isArray(weekly.enum)) {
		delete weekly.enum;
		weekly.pattern = '^[1-7](,[1-7])*$';
	}
	for (const name of inRequest ? ['start_time', 'end_date_time'] : []) {
		const time = properties?.[name];
		if (time?.format === 'date-time') {
			delete time.format;
			time.pattern = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?$';
		}
	}
	for (const [key, value] of Object.entries(record)) correctDocument(value, inRequest || key === 'requestBody');
}

function collect(file: string, source: SpecOperation['source'], keep: (id: string) => boolean): SpecOperation[] {
	const document = JSON.parse(readFileSync(file, 'utf8')) as {
		paths: Record<string, Record<string, OpenApiOperation | OpenApiParameter[]>>;
	};
	correctDocument(document.paths, false);
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
		const dir = resolve(OPENAPI_DIRECTORY, 'endpoints');
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
