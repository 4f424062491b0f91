#!/usr/bin/env node
// `npm test`: lint, type-check, build, then every test file under test/ in n8n's real engine.
// Plain Node with no dependencies, so that it can install them first on a fresh clone.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const only = process.argv.slice(2);

function run(label, command, args, extraEnv = {}) {
	const started = Date.now();
	console.log(`\n> ${label}`);
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...extraEnv } });
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	if (result.status !== 0) {
		console.error(`\n${label} failed after ${seconds}s`);
		process.exit(result.status ?? 1);
	}
	console.log(`${label}: ok in ${seconds}s`);
}

function findTests(dir) {
	const found = [];
	for (const entry of readdirSync(dir)) {
		if (entry === 'node_modules' || entry.startsWith('.')) continue;
		const path = join(dir, entry);
		if (statSync(path).isDirectory()) found.push(...findTests(path));
		else if (entry.endsWith('.test.ts')) found.push(relative(root, path));
	}
	return found.sort();
}

if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) {
	// n8n-core pulls in isolated-vm, whose native build fails on Node 20 and is not needed here.
	run('install', 'npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund']);
}

if (only.length === 0) {
	run('lint', 'npm', ['run', 'lint', '--silent']);
	run('type-check', 'npm', ['run', 'typecheck', '--silent']);
}
run('build', 'npm', ['run', 'build', '--silent']);

const files = only.length > 0 ? only : findTests(join(root, 'test'));
// The stream trigger uses the global WebSocket client, built in from Node 22 and behind this flag on
// Node 20 (n8n 1.x's Node), so the engine tests run it on Node 20 too.
const websocketFlag = Number(process.versions.node.split('.')[0]) < 22 ? ['--experimental-websocket'] : [];
// The in-process n8n harness loads the package just built, through n8n-core's package loader.
run(
	'tests',
	process.execPath,
	[...websocketFlag, '--import', 'tsx', '--test', '--test-force-exit', '--test-concurrency=1', '--test-reporter=spec', ...files],
	{ ZOOM_HARNESS_LOAD: 'package' },
);
