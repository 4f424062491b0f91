import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startSimulator, type Plan, type RunningSimulator } from '../zoom-simulator';
import type { LoggedRequest } from '../zoom-simulator/requestLog';
import { spawnSimulator } from './externalSimulator';
import { chain, itemsNode, N8nHarness, zoomNode, type RunResult } from './harness';
import { serverToServerCredentialData } from './zoomCredentials';

/** One entry of the simulator's request log (`GET /_sim/requests`). */
export type SimulatorLoggedRequest = LoggedRequest;

/** What the fixture needs of a simulator, whether it runs in this process or in its own. */
export interface SimulatorHandle {
	baseUrl: string;
	close(): Promise<void>;
}

/** Calls the simulator's control API (`${baseUrl}/_sim/<path>`); a non-2xx answer throws. */
export async function simulatorControl<T = IDataObject>(baseUrl: string, method: string, path: string, body?: unknown): Promise<T> {
	const response = await fetch(`${baseUrl}/_sim/${path}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`simulator ${method} /_sim/${path} answered ${response.status}: ${text}`);
	return (text ? JSON.parse(text) : {}) as T;
}

/** A new engine holding one Server-to-Server credential, `credentialId`, for the simulator at `baseUrl`. */
export async function engineWithSimulatorCredential(
	baseUrl: string,
	credentialId: string,
): Promise<{ harness: N8nHarness; credential: { id: string; name: string } }> {
	const harness = await N8nHarness.create();
	const credential = harness.addCredential({
		id: credentialId,
		name: 'Zoom (simulator)',
		type: 'zoomTicketingServerToServerOAuthApi',
		data: serverToServerCredentialData(baseUrl),
	});
	return { harness, credential };
}

export interface ZoomFixtureParts<S extends SimulatorHandle = RunningSimulator> {
	sim: S;
	harness: N8nHarness;
	credential: { id: string; name: string };
}

/**
 * One simulator and one n8n engine for a test file, with a Server-to-Server credential pointing at
 * the simulator. Area fixtures extend it with their own helpers.
 */
export class ZoomFixture<S extends SimulatorHandle = RunningSimulator> {
	readonly sim: S;
	readonly harness: N8nHarness;
	readonly credential: { id: string; name: string };

	constructor(parts: ZoomFixtureParts<S>) {
		this.sim = parts.sim;
		this.harness = parts.harness;
		this.credential = parts.credential;
	}

	/** Starts the simulator (with `plan`, else its default) and an engine holding credential `credentialId`. */
	static async launch(options: { credentialId: string; plan?: Plan }): Promise<ZoomFixtureParts> {
		const sim = await startSimulator(options.plan ? { plan: options.plan } : {});
		return { sim, ...(await engineWithSimulatorCredential(sim.baseUrl, options.credentialId)) };
	}

	/** As {@link launch}, with the simulator in a process of its own (see `spawnSimulator`). */
	static async spawn(options: { credentialId: string; plan: Plan }): Promise<ZoomFixtureParts<SimulatorHandle>> {
		const sim = await spawnSimulator(options.plan);
		try {
			return { sim, ...(await engineWithSimulatorCredential(sim.baseUrl, options.credentialId)) };
		} catch (error) {
			await sim.close();
			throw error;
		}
	}

	async close(): Promise<void> {
		await this.sim.close();
	}

	async control<T = IDataObject>(method: string, path: string, body?: unknown): Promise<T> {
		return await simulatorControl<T>(this.sim.baseUrl, method, path, body);
	}

	/** Runs one node of ours on `input` items. */
	async runNode(parameters: INodeParameters, input: IDataObject[] = [{}], extra: Parameters<typeof zoomNode>[3] = {}): Promise<RunResult> {
		return await this.harness.run(chain(itemsNode(input), zoomNode('Zoom', parameters, { serverToServer: this.credential }, extra)), { startNode: 'Items' });
	}

	/** Every request logged since `since`. */
	async requests(since = 0): Promise<SimulatorLoggedRequest[]> {
		return (await this.control<{ requests: SimulatorLoggedRequest[] }>('GET', `requests?since=${since}`)).requests;
	}

	/** The sequence number of the newest logged request, to read only what follows. */
	async lastRequestSeq(): Promise<number> {
		const log = await this.control<{ requests: SimulatorLoggedRequest[] }>('GET', 'requests?limit=1');
		return log.requests.at(-1)?.seq ?? 0;
	}
}
