import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { chain, itemsNode, N8nHarness, serverToServerCredentialData, zoomNode, type RunResult } from '../../harness';
import { startSimulator, type RunningSimulator } from '../../zoom-simulator';

export interface LoggedCall {
	seq: number;
	method: string;
	path: string;
	operationId?: string;
	status: number;
	query: IDataObject;
}

/** One simulator and one n8n engine for a test file, with the simulator's control API at hand. */
export class ZoomFixture {
	private constructor(
		readonly sim: RunningSimulator,
		readonly harness: N8nHarness,
		readonly credential: { id: string; name: string },
	) {}

	static async start(plan: 'free' | 'pro' | 'business' = 'pro'): Promise<ZoomFixture> {
		const sim = await startSimulator({ plan });
		const harness = await N8nHarness.create();
		const credential = harness.addCredential({
			id: 'registrants-s2s',
			name: 'Zoom (simulator)',
			type: 'zoomTicketingServerToServerOAuthApi',
			data: serverToServerCredentialData(sim.baseUrl),
		});
		return new ZoomFixture(sim, harness, credential);
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

	/** Runs one node of ours on `input` items. */
	async runNode(parameters: INodeParameters, input: IDataObject[] = [{}], extra: Parameters<typeof zoomNode>[3] = {}): Promise<RunResult> {
		return await this.harness.run(chain(itemsNode(input), zoomNode('Zoom', parameters, { serverToServer: this.credential }, extra)), { startNode: 'Items' });
	}

	/** The sequence number of the newest logged request, to look only at what follows. */
	async mark(): Promise<number> {
		const log = await this.control<{ requests: LoggedCall[] }>('GET', 'requests?limit=1');
		return log.requests.at(-1)?.seq ?? 0;
	}

	async requests(since = 0): Promise<LoggedCall[]> {
		return (await this.control<{ requests: LoggedCall[] }>('GET', `requests?since=${since}`)).requests;
	}

	/** Calls per operation since `since`, counting only those Zoom answered with success. */
	async successfulCalls(since = 0): Promise<Record<string, number>> {
		const counts: Record<string, number> = {};
		for (const call of await this.requests(since)) {
			if (call.status >= 400 || !call.operationId) continue;
			counts[call.operationId] = (counts[call.operationId] ?? 0) + 1;
		}
		return counts;
	}

	/**
	 * Requests Zoom (the simulator) refused as malformed: every request is validated against
	 * Meetings.json, and a mismatch is answered 400 with code 300. `expected` lists operations whose
	 * 400 the test provoked on purpose.
	 */
	async refused(since = 0, expected: string[] = []): Promise<LoggedCall[]> {
		return (await this.requests(since)).filter((call) => call.status === 400 && !expected.includes(call.operationId ?? ''));
	}

	async audit(id: string | number): Promise<{
		total: number;
		byStatus: Record<string, number>;
		duplicateEmails: number;
		registrants: Array<{ id: string; email: string; status: string; cancelled: boolean }>;
	}> {
		return await this.control('GET', `registrants/${id}`);
	}
}

export function byId(value: string | number): { __rl: true; mode: 'id'; value: string } {
	return { __rl: true, mode: 'id', value: String(value) };
}

export function futureStart(days = 7): string {
	return new Date(Date.now() + days * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
}

export function ticketHolders(count: number, prefix = 'holder', domain = 'tickets.example.com'): IDataObject[] {
	return Array.from({ length: count }, (_, index) => ({
		ticketId: `${prefix}-T${index + 1}`,
		email: `${prefix}${index + 1}@${domain}`,
		firstName: 'Holder',
		lastName: String(index + 1),
		status: 'valid',
	}));
}
