import type { IDataObject, INodeParameters } from 'n8n-workflow';

import {
	chain,
	checkRequestsAgainstOpenApi,
	itemsNode,
	N8nHarness,
	serverToServerCredentialData,
	zoomNode,
	type RunResult,
} from '../../harness';
import { startSimulator, type RunningSimulator } from '../../zoom-simulator';

export interface LoggedRequest {
	seq: number;
	method: string;
	path: string;
	operationId?: string;
	status: number;
	query: IDataObject;
}

/** One simulator and one engine for a test file, plus the few things every report test does. */
export class ReportFixture {
	private constructor(
		readonly sim: RunningSimulator,
		readonly harness: N8nHarness,
		readonly credential: { id: string; name: string },
	) {}

	static async start(): Promise<ReportFixture> {
		const sim = await startSimulator();
		const harness = await N8nHarness.create();
		const credential = harness.addCredential({
			id: 'reports-s2s',
			name: 'Zoom (simulator)',
			type: 'zoomTicketingServerToServerOAuthApi',
			data: serverToServerCredentialData(sim.baseUrl),
		});
		return new ReportFixture(sim, harness, credential);
	}

	async close(): Promise<void> {
		await this.sim.close();
	}

	async control<T = IDataObject>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.sim.baseUrl}/_sim/${path}`, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`simulator ${method} /_sim/${path} answered ${response.status}: ${text}`);
		return (text ? JSON.parse(text) : {}) as T;
	}

	/** Runs one node of ours on `input` items and returns the run. */
	async runNode(parameters: INodeParameters, input: IDataObject[] = [{}], extra: Parameters<typeof zoomNode>[3] = {}): Promise<RunResult> {
		return await this.harness.run(chain(itemsNode(input), zoomNode('Zoom', parameters, { serverToServer: this.credential }, extra)));
	}

	/** Every request our node sent since `since` (simulator request log), for OpenAPI checks. */
	async requests(since = 0): Promise<LoggedRequest[]> {
		return (await this.control<{ requests: LoggedRequest[] }>('GET', `requests?since=${since}`)).requests;
	}

	/** The sequence number of the newest logged request, to read only what follows. */
	async lastRequestSeq(): Promise<number> {
		const log = await this.control<{ requests: LoggedRequest[] }>('GET', 'requests?limit=1');
		return log.requests.at(-1)?.seq ?? 0;
	}

	/** Every request sent to the Zoom surface so far that does not match Zoom's OpenAPI description. */
	async openApiMismatches(): Promise<string[]> {
		const check = await checkRequestsAgainstOpenApi(this.sim.baseUrl);
		if (check.requests.length === 0) throw new Error('no request reached the simulator');
		return check.mismatches;
	}

	/** Requests the simulator refused as not matching Zoom's OpenAPI description. */
	async violations(): Promise<unknown[]> {
		return (await this.control<{ violations: unknown[] }>('GET', 'violations')).violations;
	}
}

export function byId(value: string | number): { __rl: true; mode: 'id'; value: string } {
	return { __rl: true, mode: 'id', value: String(value) };
}

/** A start time in the future, in Zoom's format. */
export function futureStart(hours = 1): string {
	return new Date(Date.now() + hours * 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z');
}
