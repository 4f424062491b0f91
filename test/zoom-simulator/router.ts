import { loadOperations, type SpecOperation } from './openapi';

export interface RouteMatch {
	spec: SpecOperation;
	params: Record<string, string>;
}

export interface SegmentError {
	segment: string;
}

/**
 * Zoom requires UUIDs that begin with `/` or contain `//` to be encoded twice. A segment that
 * still holds an escape after one decoding is decoded again; one that decodes into such a UUID
 * after a single pass was not encoded correctly and cannot be routed, as on Zoom.
 */
export function decodeSegment(raw: string): string | SegmentError {
	let value: string;
	try {
		value = decodeURIComponent(raw);
	} catch {
		return { segment: raw };
	}
	if (/%[0-9a-f]{2}/i.test(value)) {
		try {
			return decodeURIComponent(value);
		} catch {
			return { segment: raw };
		}
	}
	if (value.startsWith('/') || value.includes('//')) return { segment: raw };
	return value;
}

export class Router {
	private readonly table = new Map<string, SpecOperation[]>();

	constructor(operations: SpecOperation[] = loadOperations()) {
		for (const op of operations) {
			const key = `${op.method} ${op.segments.length}`;
			const list = this.table.get(key) ?? [];
			list.push(op);
			this.table.set(key, list);
		}
		for (const list of this.table.values()) {
			// Literal segments win over parameters: /registrants/questions before /registrants/{id}.
			list.sort((a, b) => literalWeight(b) - literalWeight(a));
		}
	}

	allowedMethods(segments: string[]): string[] {
		const methods: string[] = [];
		for (const [key, list] of this.table) {
			if (!key.endsWith(` ${segments.length}`)) continue;
			if (list.some((op) => matches(op, segments))) methods.push(key.split(' ')[0]);
		}
		return methods;
	}

	match(method: string, segments: string[]): RouteMatch | undefined {
		const list = this.table.get(`${method} ${segments.length}`);
		if (!list) return undefined;
		for (const spec of list) {
			if (!matches(spec, segments)) continue;
			const params: Record<string, string> = {};
			spec.segments.forEach((part, index) => {
				if (part.startsWith('{')) params[part.slice(1, -1)] = segments[index];
			});
			return { spec, params };
		}
		return undefined;
	}
}

function literalWeight(op: SpecOperation): number {
	return op.segments.reduce((sum, part, index) => sum + (part.startsWith('{') ? 0 : 2 ** (10 - index)), 0);
}

function matches(op: SpecOperation, segments: string[]): boolean {
	return op.segments.every((part, index) => part.startsWith('{') || part === segments[index]);
}
