#!/usr/bin/env node
// `npm start`: the whole product on this machine. Plain Node with no dependencies, so that a fresh
// clone can run it: installs the dev dependencies if missing, builds the package, then runs
// main.ts (simulator or real Zoom, Postgres, n8n with the package, credentials and templates).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function step(label, args) {
	console.log(`> ${label}`);
	const result = spawnSync(npm, args, { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) {
		console.error(`${label} failed`);
		process.exit(result.status ?? 1);
	}
}

if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) {
	// n8n-core pulls in isolated-vm, whose native build fails on Node 20 and is not needed here.
	step('installing dependencies', ['ci', '--ignore-scripts', '--no-audit', '--no-fund']);
}
step('building the package', ['run', 'build', '--silent']);

const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'test', 'start', 'main.ts')], {
	cwd: root,
	stdio: 'inherit',
});
// Ctrl-C reaches both processes; main.ts shuts everything down and this one waits for it.
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => {
		if (signal === 'SIGTERM') child.kill('SIGTERM');
	});
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
