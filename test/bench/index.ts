/**
 * `npm run bench`: runs every case in test/bench/cases/ (or those named with `--case`), each in its
 * own child process, prints one table and optionally writes the results as JSON.
 *
 *   npm run bench
 *   npm run bench -- --case webhook-burst-10k-queue --case webhook-burst-10k-single --json out.json
 *   npm run bench -- --list
 *
 * Options: `--case <name>` (repeatable), `--json <file>`, `--list`, `--timeout-minutes <n>` (per
 * case, default 45), `--strict` (a missed target also makes the exit code non-zero).
 *
 * A case fails (table row FAILED, exit code 1) when it throws, crashes, times out, or reports
 * lost or duplicated items. A case that runs correctly but misses its target shows as MISSED.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import type { BenchCase, BenchResult } from './types';

const casesDir = join(__dirname, 'cases');
const repoRoot = resolve(__dirname, '..', '..');
const standardFields = [
	'figure',
	'unit',
	'items',
	'perItemMs',
	'floor',
	'target',
	'ratio',
	'lost',
	'duplicated',
	'peakRssMb',
	'p99AckMs',
] as const;

type Status = 'ok' | 'missed' | 'failed';

interface CaseOutcome {
	name: string;
	status: Status;
	reason: string | null;
	result: BenchResult | null;
	wallSeconds: number;
	processPeakRssMb: number | null;
}

type ChildMessage =
	| { kind: 'result'; result: BenchResult; processPeakRssMb: number }
	| { kind: 'error'; message: string; processPeakRssMb: number };

interface Options {
	cases: string[];
	json: string | null;
	list: boolean;
	strict: boolean;
	timeoutMinutes: number;
}

function parseArgs(argv: string[]): Options {
	const options: Options = { cases: [], json: null, list: false, strict: false, timeoutMinutes: 45 };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const value = (): string => {
			const next = argv[++i];
			if (next === undefined || next.startsWith('--')) throw new Error(`${arg} needs a value`);
			return next;
		};
		if (arg === '--case') options.cases.push(value());
		else if (arg === '--json') options.json = resolve(value());
		else if (arg === '--list') options.list = true;
		else if (arg === '--strict') options.strict = true;
		else if (arg === '--timeout-minutes') {
			options.timeoutMinutes = Number(value());
			if (!(options.timeoutMinutes > 0)) throw new Error('--timeout-minutes must be a positive number');
		} else throw new Error(`unknown argument ${arg} (see the usage at the top of test/bench/index.ts)`);
	}
	return options;
}

function discoverCases(): string[] {
	if (!existsSync(casesDir)) return [];
	return readdirSync(casesDir)
		.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !file.endsWith('.test.ts'))
		.map((file) => basename(file, '.ts'))
		.sort();
}

function isBenchCase(value: unknown): value is BenchCase {
	const candidate = value as Partial<BenchCase> | null;
	return (
		typeof candidate === 'object' &&
		candidate !== null &&
		typeof candidate.name === 'string' &&
		typeof candidate.run === 'function'
	);
}

/** Runs inside the child: load one case, run it, send the result to the parent. */
async function runChild(name: string): Promise<void> {
	const send = (message: ChildMessage) =>
		new Promise<void>((done) => {
			if (process.send) process.send(message, () => done());
			else {
				console.log(JSON.stringify(message, null, 2));
				done();
			}
		});
	const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
	try {
		const loaded = (await import(pathToFileURL(join(casesDir, `${name}.ts`)).href)) as Record<string, unknown>;
		// tsx may wrap a CommonJS default export once more.
		const candidate = isBenchCase(loaded.default)
			? loaded.default
			: isBenchCase((loaded.default as Record<string, unknown> | undefined)?.default)
				? (loaded.default as Record<string, unknown>).default
				: undefined;
		if (!isBenchCase(candidate)) throw new Error(`cases/${name}.ts does not default-export a BenchCase`);
		if (candidate.name !== name) {
			throw new Error(`cases/${name}.ts exports a case named "${candidate.name}": the file name must be the case name`);
		}
		const result = await candidate.run();
		await send({ kind: 'result', result: { ...result, name }, processPeakRssMb: peakMb() });
		process.exit(0);
	} catch (error) {
		const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
		await send({ kind: 'error', message, processPeakRssMb: peakMb() });
		process.exit(1);
	}
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
	if (child.pid === undefined || child.exitCode !== null) return;
	try {
		// The child leads its own process group, so servers it started (n8n, the simulator) go too.
		process.kill(-child.pid, signal);
	} catch {
		child.kill(signal);
	}
}

const running = new Set<ChildProcess>();

function runCase(name: string, timeoutMinutes: number): Promise<CaseOutcome> {
	const started = Date.now();
	return new Promise((done) => {
		const child = fork(__filename, ['--child', name], {
			cwd: repoRoot,
			execArgv: ['--import', 'tsx'],
			stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
			detached: true,
		});
		running.add(child);
		let message: ChildMessage | null = null;
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			killGroup(child, 'SIGTERM');
			setTimeout(() => killGroup(child, 'SIGKILL'), 10_000).unref();
		}, timeoutMinutes * 60_000);
		child.on('message', (received: ChildMessage) => {
			message = received;
		});
		child.on('exit', (code, signal) => {
			clearTimeout(timer);
			running.delete(child);
			// Leftovers of a case that died without cleaning up.
			try {
				process.kill(-child.pid!, 'SIGKILL');
			} catch {
				// the group is already gone
			}
			const wallSeconds = (Date.now() - started) / 1000;
			const received = message as ChildMessage | null;
			const processPeakRssMb = received?.processPeakRssMb ?? null;
			if (received?.kind === 'result') {
				const { status, reason } = judge(received.result);
				done({ name, status, reason, result: received.result, wallSeconds, processPeakRssMb });
				return;
			}
			const reason = timedOut
				? `timed out after ${timeoutMinutes} min`
				: received?.kind === 'error'
					? received.message
					: `child exited with ${signal ?? `code ${code}`} before reporting a result`;
			done({ name, status: 'failed', reason, result: null, wallSeconds, processPeakRssMb });
		});
	});
}

function higherIsBetter(result: BenchResult): boolean {
	if (typeof result.higherIsBetter === 'boolean') return result.higherIsBetter;
	return /\/\s*s(ec)?$|per s(ec(ond)?)?$/i.test(result.unit);
}

/** Whether the figure reaches the target; null when the case gives no target. */
function targetMet(result: BenchResult): boolean | null {
	if (typeof result.targetMet === 'boolean') return result.targetMet;
	if (result.target === null || result.target === undefined) return null;
	if (higherIsBetter(result)) return result.figure >= result.target;
	// With a floor, a target below it can only be a ratio to the floor (e.g. 1.15).
	if (result.floor !== null && result.floor !== undefined && result.target < result.floor) {
		return result.ratio !== null && result.ratio <= result.target;
	}
	return result.figure <= result.target;
}

function judge(result: BenchResult): { status: Status; reason: string | null } {
	const problems: string[] = [];
	if (typeof result.figure !== 'number' || !Number.isFinite(result.figure)) problems.push('no numeric figure');
	if ((result.lost ?? 0) > 0) problems.push(`${result.lost} lost`);
	if ((result.duplicated ?? 0) > 0) problems.push(`${result.duplicated} duplicated`);
	if (problems.length > 0) return { status: 'failed', reason: problems.join(', ') };
	if (targetMet(result) === false) {
		const why = typeof result.targetReason === 'string' ? result.targetReason : 'target not reached';
		return { status: 'missed', reason: why };
	}
	return { status: 'ok', reason: null };
}

function formatNumber(value: unknown, digits = 1): string {
	if (typeof value !== 'number' || !Number.isFinite(value)) return '-';
	if (Number.isInteger(value) && Math.abs(value) >= 10) return value.toLocaleString('en-US');
	const abs = Math.abs(value);
	const fixed = abs >= 100 ? 0 : abs >= 10 ? digits : abs >= 1 ? Math.max(digits, 2) : 3;
	return value.toLocaleString('en-US', { maximumFractionDigits: fixed, minimumFractionDigits: 0 });
}

function floorOrTarget(result: BenchResult): string {
	const parts: string[] = [];
	if (result.floor !== null && result.floor !== undefined) parts.push(`floor ${formatNumber(result.floor)}`);
	if (result.target !== null && result.target !== undefined) {
		const asRatio =
			!higherIsBetter(result) &&
			result.floor !== null &&
			result.floor !== undefined &&
			result.target < result.floor;
		parts.push(asRatio ? `target ≤${formatNumber(result.target, 2)}×` : `target ${higherIsBetter(result) ? '≥' : '≤'}${formatNumber(result.target)}`);
	}
	return parts.length > 0 ? parts.join(', ') : '-';
}

function printTable(outcomes: CaseOutcome[]) {
	const header = ['case', 'figure', 'floor / target', 'ratio', 'lost', 'dup', 'peak RSS MB', 'p99 ack ms', 'status'];
	const rows = outcomes.map((outcome) => {
		const r = outcome.result;
		if (!r) return [outcome.name, '-', '-', '-', '-', '-', formatNumber(outcome.processPeakRssMb), '-', 'FAILED'];
		return [
			outcome.name,
			`${formatNumber(r.figure)} ${r.unit}`,
			floorOrTarget(r),
			r.ratio === null || r.ratio === undefined ? '-' : `${formatNumber(r.ratio, 2)}×`,
			formatNumber(r.lost),
			formatNumber(r.duplicated),
			formatNumber(r.peakRssMb),
			formatNumber(r.p99AckMs),
			outcome.status.toUpperCase(),
		];
	});
	const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
	const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column])).join(' │ ');
	console.log('');
	console.log(line(header));
	console.log(widths.map((width) => '─'.repeat(width)).join('─┼─'));
	for (const row of rows) console.log(line(row));

	const notes: string[] = [];
	for (const outcome of outcomes) {
		const extras = outcome.result
			? Object.entries(outcome.result).filter(
					([key]) => key !== 'name' && !(standardFields as readonly string[]).includes(key),
				)
			: [];
		if (extras.length === 0 && !outcome.reason) continue;
		notes.push(`\n${outcome.name} (${formatNumber(outcome.wallSeconds)} s wall${
			outcome.processPeakRssMb !== null ? `, case process peak RSS ${outcome.processPeakRssMb} MB` : ''
		})`);
		if (outcome.reason) notes.push(`  ${outcome.status}: ${outcome.reason.split('\n').join('\n    ')}`);
		for (const [key, value] of extras) {
			notes.push(`  ${key}: ${typeof value === 'number' ? formatNumber(value, 2) : JSON.stringify(value)}`);
		}
	}
	if (notes.length > 0) console.log(notes.join('\n'));
}

function toJson(outcomes: CaseOutcome[]) {
	return {
		cases: outcomes.map((outcome) => {
			const standard = Object.fromEntries(standardFields.map((field) => [field, outcome.result?.[field] ?? null]));
			return {
				...(outcome.result ?? {}),
				name: outcome.name,
				...standard,
				status: outcome.status,
				reason: outcome.reason,
				wallSeconds: Math.round(outcome.wallSeconds * 10) / 10,
				processPeakRssMb: outcome.processPeakRssMb,
			};
		}),
	};
}

async function main() {
	const argv = process.argv.slice(2);
	if (argv[0] === '--child') {
		await runChild(argv[1]);
		return;
	}
	const options = parseArgs(argv);
	const available = discoverCases();
	if (options.list) {
		for (const name of available) console.log(name);
		return;
	}
	const unknown = options.cases.filter((name) => !available.includes(name));
	if (unknown.length > 0) {
		throw new Error(`unknown case ${unknown.join(', ')}; available: ${available.join(', ') || '(none)'}`);
	}
	const selected = options.cases.length > 0 ? [...new Set(options.cases)] : available;
	if (selected.length === 0) throw new Error(`no benchmark cases in ${casesDir}`);

	const stop = (signal: NodeJS.Signals) => {
		for (const child of running) killGroup(child, 'SIGTERM');
		process.exit(signal === 'SIGINT' ? 130 : 143);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);

	const outcomes: CaseOutcome[] = [];
	for (const name of selected) {
		console.log(`\n▶ ${name}`);
		const outcome = await runCase(name, options.timeoutMinutes);
		console.log(`■ ${name}: ${outcome.status}${outcome.reason ? ` (${outcome.reason.split('\n')[0]})` : ''}`);
		outcomes.push(outcome);
	}

	printTable(outcomes);
	if (options.json) {
		writeFileSync(options.json, `${JSON.stringify(toJson(outcomes), null, 2)}\n`);
		console.log(`\nwrote ${options.json}`);
	}
	const failed = outcomes.some(
		(outcome) => outcome.status === 'failed' || (options.strict && outcome.status === 'missed'),
	);
	process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(2);
});
