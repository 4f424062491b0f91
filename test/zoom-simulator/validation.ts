import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

import type { SpecOperation } from './openapi';

export interface ValidationFailure {
	field: string;
	message: string;
}

function newAjv(coerceTypes: boolean): Ajv {
	const ajv = new Ajv({ strict: false, allErrors: false, coerceTypes, validateFormats: true, code: { optimize: false } });
	addFormats(ajv);
	// OpenAPI's numeric formats and a few of Zoom's own carry no constraint JSON Schema can check.
	for (const format of ['int32', 'int64', 'float', 'double', 'binary', 'byte', 'string', 'password', 'text']) {
		ajv.addFormat(format, true);
	}
	return ajv;
}

const paramsAjv = newAjv(true);
const bodyAjv = newAjv(false);
const responseAjv = newAjv(false);

interface CompiledRequest {
	path?: ValidateFunction;
	query?: ValidateFunction;
	body?: ValidateFunction;
	bodyRequired: boolean;
}

const requestCache = new Map<SpecOperation, CompiledRequest>();
const responseCache = new Map<string, ValidateFunction | null>();

function parameterSchema(spec: SpecOperation, location: 'path' | 'query'): Record<string, unknown> | undefined {
	const params = (spec.operation.parameters ?? []).filter((p) => p.in === location);
	if (params.length === 0) return undefined;
	const properties: Record<string, unknown> = {};
	const required: string[] = [];
	for (const param of params) {
		const schema = param.schema ?? {};
		// A URL value such as "123" is both an integer and a string: `oneOf` cannot hold for it.
		properties[param.name] = schema.oneOf ? { ...schema, oneOf: undefined, anyOf: schema.oneOf } : schema;
		if (param.required) required.push(param.name);
	}
	return { type: 'object', properties, required };
}

function jsonSchemaOf(content: Record<string, { schema?: Record<string, unknown> }> | undefined) {
	return content?.['application/json']?.schema;
}

function compiled(spec: SpecOperation): CompiledRequest {
	let entry = requestCache.get(spec);
	if (!entry) {
		const path = parameterSchema(spec, 'path');
		const query = parameterSchema(spec, 'query');
		const body = jsonSchemaOf(spec.operation.requestBody?.content);
		entry = {
			path: path && paramsAjv.compile(path),
			query: query && paramsAjv.compile(query),
			body: body && bodyAjv.compile(body),
			bodyRequired: spec.operation.requestBody?.required === true,
		};
		requestCache.set(spec, entry);
	}
	return entry;
}

function describe(error: ErrorObject, prefix = ''): ValidationFailure {
	const pointer = error.instancePath.split('/').filter(Boolean);
	if (error.keyword === 'required') pointer.push(String(error.params.missingProperty));
	const field = prefix + pointer.map((part) => (/^\d+$/.test(part) ? `[${part}]` : part)).join('.').replace(/\.\[/g, '[');
	return { field, message: error.message ?? 'is invalid' };
}

/**
 * Checks path parameters and query string (coercing their string values to the declared types,
 * in place) and the JSON body. Returns the first failure, as Zoom reports one field at a time.
 */
export function validateRequest(
	spec: SpecOperation,
	pathParams: Record<string, unknown>,
	query: Record<string, unknown>,
	body: unknown,
): ValidationFailure | undefined {
	const checks = compiled(spec);
	if (checks.path && !checks.path(pathParams)) return describe(checks.path.errors![0]);
	if (checks.query && !checks.query(query)) return describe(checks.query.errors![0]);
	if (body === undefined) {
		return checks.bodyRequired ? { field: 'body', message: 'Request Body is required' } : undefined;
	}
	if (checks.body && !checks.body(body)) return describe(checks.body.errors![0]);
	return undefined;
}

/** Validates a response body against the schema the document gives for that status code. */
export function validateResponse(spec: SpecOperation, status: number, body: unknown): ValidationFailure | undefined {
	const key = `${spec.method} ${spec.pathTemplate} ${status}`;
	let validate = responseCache.get(key);
	if (validate === undefined) {
		const schema = jsonSchemaOf(spec.operation.responses[String(status)]?.content);
		validate = schema ? responseAjv.compile(schema) : null;
		responseCache.set(key, validate);
	}
	if (validate === null) {
		const documented = spec.operation.responses[String(status)] !== undefined;
		if (!documented && status < 400) return { field: '(status)', message: `status ${status} is not documented` };
		return undefined;
	}
	if (!validate(body)) return describe(validate.errors![0], 'response.');
	return undefined;
}

/** The status codes Zoom documents as success for an operation. */
export function successStatuses(spec: SpecOperation): number[] {
	return Object.keys(spec.operation.responses)
		.map(Number)
		.filter((code) => code >= 200 && code < 300);
}
