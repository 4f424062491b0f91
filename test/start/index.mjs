#!/usr/bin/env node
// `npm start`: the whole product on this machine. Plain Node with no dependencies, so that a fresh
// clone can run it: installs the dev dependencies if missing, builds the package, then runs
// main.ts (simulator or real Zoom, Postgres, n8n with the package, credentials and templates).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// Everything must be gone within 10 s of Ctrl-C / SIGTERM; what still runs after this is killed.
const GRACE_MS = 7000;

function step(label, args) {
	console.log(`> ${label}`);
	const result = spawnSync(npm, args, { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) {
		console.error(`npm start failed while ${label} (exit ${result.status ?? result.signal})`);
		process.exit(result.status || 1);
	}
}

let stopRequested = false;
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => (stopRequested = true));

if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) {
	// n8n-core pulls in isolated-vm, whose native build fails on Node 20 and is not needed here.
	step('installing dependencies', ['ci', '--ignore-scripts', '--no-audit', '--no-fund']);
}
step('building the package', ['run', 'build', '--silent']);
if (stopRequested) process.exit(0);

// main.ts and everything it starts (simulator, Postgres, n8n and n8n's task runners) share one
// process group of their own, so that stopping is one signal to the group, whatever a child does.
const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'test', 'start', 'main.ts')], {
	cwd: root,
	stdio: 'inherit',
	detached: true,
});
const group = child.pid;

function signalGroup(signal) {
	try {
		process.kill(-group, signal);
		return true;
	} catch {
		return false;
	}
}

// A killed process stays in its group as a zombie until something reaps it; whatever runs as pid 1
// may take its time. A group whose members are all zombies has stopped.
function groupAlive() {
	if (!signalGroup(0)) return false;
	if (!existsSync('/proc')) return true;
	return readdirSync('/proc').some((entry) => {
		if (!/^\d+$/.test(entry)) return false;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			return Number(pgrp) === group && state !== 'Z';
		} catch {
			return false;
		}
	});
}

let stopping;
function stop(exitCode) {
	stopping ??= new Promise((resolve) => {
		signalGroup('SIGTERM');
		const deadline = Date.now() + GRACE_MS;
		const poll = setInterval(() => {
			if (!groupAlive()) {
				clearInterval(poll);
				resolve();
			} else if (Date.now() > deadline) {
				console.error('[start] still running after the grace period: killing what is left');
				signalGroup('SIGKILL');
			}
		}, 100);
	}).then(() => process.exit(exitCode));
	return stopping;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
	process.on(signal, () => void stop(0));
}
if (stopRequested) void stop(0);
// npm passes a SIGTERM on to the shell it ran this under, and dash dies without passing it on:
// losing the parent is the same request to stop.
const parent = process.ppid;
setInterval(() => {
	if (process.ppid !== parent) void stop(0);
}, 250).unref();

child.on('exit', (code, signal) => {
	// main.ts has gone (done stopping, or failed): nothing it started may outlive it.
	void stop(stopping ? 0 : (code ?? (signal ? 1 : 0)));
});
