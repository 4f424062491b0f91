import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';

const root = resolve(__dirname, '../../..');

describe('simulator command line', () => {
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		it(`prints its address, serves, and stops cleanly on ${signal}`, async () => {
			const child = spawn(process.execPath, ['--import', 'tsx', 'test/zoom-simulator/cli.ts', '--port', '0', '--plan', 'business'], {
				cwd: root,
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			let output = '';
			const address = await new Promise<string>((resolveAddress, reject) => {
				child.stdout.setEncoding('utf8');
				child.stdout.on('data', (chunk: string) => {
					output += chunk;
					const match = /^zoom-simulator listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(output);
					if (match) resolveAddress(match[1]);
				});
				child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
			});
			const plan = (await (await fetch(`${address}/_sim/plan`)).json()) as { plan: string };
			assert.equal(plan.plan, 'business');
			child.kill(signal);
			const [code] = await once(child, 'exit');
			assert.equal(code, 0);
		});
	}

	it('refuses an unknown plan', async () => {
		const child = spawn(process.execPath, ['--import', 'tsx', 'test/zoom-simulator/cli.ts', '--port', '0', '--plan', 'gold'], { cwd: root, stdio: 'pipe' });
		let errors = '';
		child.stderr.setEncoding('utf8');
		child.stderr.on('data', (chunk: string) => (errors += chunk));
		const [code] = await once(child, 'exit');
		assert.equal(code, 1);
		assert.match(errors, /--plan must be free, pro or business/);
	});
});
