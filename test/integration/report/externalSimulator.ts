import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/**
 * The simulator in a process of its own, for benchmarks: its memory (10,000 registrants, a 2 GB
 * file being generated) then stays out of the peak RSS of the process that runs n8n.
 */
export interface ExternalSimulator {
	baseUrl: string;
	control<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T>;
	close(): Promise<void>;
}

const ROOT = join(__dirname, '..', '..', '..');

export async function spawnSimulator(plan: 'free' | 'pro' | 'business' = 'pro'): Promise<ExternalSimulator> {
	const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test', 'zoom-simulator', 'cli.ts'), '--port', '0', '--plan', plan], {
		cwd: ROOT,
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const baseUrl = await new Promise<string>((resolve, reject) => {
		let output = '';
		child.stdout?.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			const match = /zoom-simulator listening on (http:\/\/\S+)/.exec(output);
			if (match) resolve(match[1]);
		});
		child.once('exit', (code) => reject(new Error(`the simulator exited with code ${code} before listening: ${output}`)));
	});
	child.stdout?.resume();

	return {
		baseUrl,
		async control<T>(method: string, path: string, body?: unknown): Promise<T> {
			const response = await fetch(`${baseUrl}/_sim/${path}`, {
				method,
				headers: body === undefined ? {} : { 'content-type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			const text = await response.text();
			if (!response.ok) throw new Error(`simulator ${method} /_sim/${path} answered ${response.status}: ${text}`);
			return (text ? JSON.parse(text) : {}) as T;
		},
		async close(): Promise<void> {
			if (child.exitCode !== null) return;
			const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
			child.kill('SIGTERM');
			await exited;
		},
	};
}
