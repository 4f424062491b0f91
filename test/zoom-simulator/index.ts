import type { AddressInfo } from 'node:net';

import type { SimulatorOptions } from './context';
import { createSimulatorServer } from './server';
import { Simulator } from './simulator';

export type { SimulatorOptions } from './context';
export type { Plan } from './config';
export { signature } from './webhooks';
export { Simulator } from './simulator';

export interface RunningSimulator {
	/** http://127.0.0.1:<port> */
	baseUrl: string;
	/** baseUrl + '/v2' */
	apiBaseUrl: string;
	port: number;
	/** The in-process simulator, for tests that want to look inside. */
	simulator: Simulator;
	close(): Promise<void>;
}

/** Starts the Zoom simulator on 127.0.0.1 (port 0 picks a free port). */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
	const simulator = new Simulator(options);
	const server = createSimulatorServer(simulator);
	simulator.sockets.attach(server);
	server.keepAliveTimeout = 5000;
	// `POST /_sim/runs` with `wait: true` may legitimately take minutes for large bursts.
	server.requestTimeout = 0;
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = (server.address() as AddressInfo).port;
	const baseUrl = `http://127.0.0.1:${port}`;
	simulator.baseUrl = baseUrl;
	simulator.sockets.socketUrl = `ws://127.0.0.1:${port}/ws`;
	let closing: Promise<void> | undefined;
	return {
		baseUrl,
		apiBaseUrl: `${baseUrl}/v2`,
		port,
		simulator,
		close() {
			closing ??= new Promise<void>((resolve) => {
				simulator.reset();
				simulator.sockets.close();
				server.close(() => resolve());
				server.closeAllConnections();
			});
			return closing;
		},
	};
}
