import { spawn } from 'node:child_process';
import { join } from 'node:path';

import type { Plan } from '../zoom-simulator';
import type { SimulatorHandle } from './zoomFixture';

const ROOT = join(__dirname, '..', '..');

/**
 * The simulator in a process of its own, for benchmarks: its memory (10,000 registrants, a 2 GB
 * file being generated) then stays out of the peak RSS of the process that runs n8n.
 */
export async function spawnSimulator(plan: Plan = 'pro'): Promise<SimulatorHandle> {
	const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test', 'zoom-simulator', 'cli.ts'), '--port', '0', '--plan', plan], {
		cwd: ROOT,
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const baseUrl = await new Promise<string>((resolve, reject) => {
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			const match = /zoom-simulator listening on (http:\/\/\S+)/.exec(output);
			if (match) resolve(match[1]);
		});
		child.once('exit', (code) => reject(new Error(`the simulator exited with code ${code} before listening: ${output}`)));
	});
	child.stdout.resume();

	return {
		baseUrl,
		async close(): Promise<void> {
			if (child.exitCode !== null) return;
			const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
			child.kill('SIGTERM');
			await exited;
		},
	};
}
