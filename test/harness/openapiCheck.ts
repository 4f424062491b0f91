import { findOperation, loadOperations, type SpecOperation } from '../zoom-simulator/openapi';
import { validateRequest } from '../zoom-simulator/validation';
import { simulatorControl, type SimulatorLoggedRequest } from './zoomFixture';

export interface RequestCheck {
	/** Every request to `/v2` the simulator received since `since`. */
	requests: SimulatorLoggedRequest[];
	/** One line per request that does not match Zoom's OpenAPI description. */
	mismatches: string[];
	/** The simulator's latest sequence number, to pass as `since` next time. */
	lastSeq: number;
}

/** The document's operation for a method and path, literal segments winning over parameters. */
function matchOperation(method: string, segments: string[]): SpecOperation | undefined {
	let best: { spec: SpecOperation; literals: number } | undefined;
	for (const spec of loadOperations()) {
		if (spec.method.toUpperCase() !== method.toUpperCase() || spec.segments.length !== segments.length) continue;
		let literals = 0;
		const fits = spec.segments.every((template, index) => {
			if (/^\{.+\}$/.test(template)) return true;
			literals++;
			return template === segments[index];
		});
		if (fits && (!best || literals > best.literals)) best = { spec, literals };
	}
	return best?.spec;
}

function decodeSegment(segment: string): string {
	const once = decodeURIComponent(segment);
	return /%[0-9A-Fa-f]{2}/.test(once) ? decodeURIComponent(once) : once;
}

/**
 * Reads the simulator's request log and checks every `/v2` request again, client-side, with the
 * simulator's own validator (ajv over Meetings.json): path, query and body. A request that no
 * operation of the document matches is a mismatch too.
 */
export async function checkRequestsAgainstOpenApi(baseUrl: string, since = 0): Promise<RequestCheck> {
	const log = await simulatorControl<{ requests: SimulatorLoggedRequest[] }>(baseUrl, 'GET', `requests?since=${since}`);
	const requests = log.requests.filter((entry) => entry.path.startsWith('/v2/'));
	const mismatches: string[] = [];
	for (const entry of requests) {
		const label = `#${entry.seq} ${entry.method} ${entry.path}`;
		const segments = entry.path.replace(/^\/v2\//, '').split('/');
		// Requests refused before routing (a 401, a 429 storm) are logged without an operation id.
		const spec = entry.operationId ? findOperation(entry.operationId) : matchOperation(entry.method, segments);
		if (!spec) {
			mismatches.push(`${label}: no operation of Meetings.json has this method and path`);
			continue;
		}
		const params: Record<string, unknown> = {};
		spec.segments.forEach((template, index) => {
			const name = /^\{(.+)\}$/.exec(template)?.[1];
			if (name && segments[index] !== undefined) params[name] = decodeSegment(segments[index]);
		});
		const failure = validateRequest(spec, params, { ...entry.query }, entry.body);
		if (failure) mismatches.push(`${label} (${spec.operationId}): ${failure.field} ${failure.message}`);
	}
	const lastSeq = log.requests.reduce((max, entry) => Math.max(max, entry.seq), since);
	return { requests, mismatches, lastSeq };
}
