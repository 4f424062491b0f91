import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { Client } from 'pg';

import { freePort, repoRoot } from '../n8n';
import { README_TARGETS, exportLine, walkthroughText } from './walkthrough';

/**
 * `npm start` as a new user runs it (the machine's Postgres through DATABASE_URL, state in a
 * temporary folder): the walkthrough it prints works as printed, a second start on the same
 * database and state comes up clean with the new simulator, a failed setup step exits non-zero
 * without `ready`, and a stop leaves no process it started behind.
 */

const DATABASE = 'zoom_start_test';

async function sql<T extends Record<string, unknown>>(query: string, database = 'test'): Promise<T[]> {
	const client = new Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database });
	await client.connect();
	try {
		return (await client.query<T>(query)).rows;
	} finally {
		await client.end();
	}
}

interface ProcessInfo {
	pid: number;
	ppid: number;
	pgrp: number;
	state: string;
	started: string;
	command: string;
}

function processTable(): ProcessInfo[] {
	const table: ProcessInfo[] = [];
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			// The command name is in parentheses and may hold spaces; the fields after it are fixed.
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
			table.push({ pid: Number(entry), state: fields[0], ppid: Number(fields[1]), pgrp: Number(fields[2]), started: fields[19], command });
		} catch {
			// gone while reading
		}
	}
	return table;
}

/** npm and every process below it (by parent pid), while they run. */
function descendants(root: number): ProcessInfo[] {
	const table = processTable();
	const found = table.filter((entry) => entry.pid === root);
	for (let index = 0; index < found.length; index++) {
		for (const entry of table) if (entry.ppid === found[index].pid) found.push(entry);
	}
	return found;
}

/** Those of the given processes still running (same pid and start time: not a reused pid; a zombie has ended). */
function survivors(processes: ProcessInfo[]): ProcessInfo[] {
	const now = new Map(processTable().filter((entry) => entry.state !== 'Z').map((entry) => [entry.pid, entry.started]));
	return processes.filter((entry) => now.get(entry.pid) === entry.started);
}

class Start {
	output = '';
	readonly child: ChildProcess;
	readonly exited: Promise<number | null>;

	constructor(env: Record<string, string>) {
		this.child = spawn('npm', ['start'], {
			cwd: repoRoot,
			// Its own process group, as a terminal gives it: Ctrl-C is SIGINT to the whole group.
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
			env: { ...process.env, ZOOM_ACCOUNT_ID: '', ZOOM_CLIENT_ID: '', ZOOM_CLIENT_SECRET: '', ...env },
		});
		this.child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
		this.child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
		this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
	}

	get running() {
		return this.child.exitCode === null && this.child.signalCode === null;
	}

	/** Resolves with the output once `pattern` appears; rejects if npm start exits first or in time. */
	async waitFor(pattern: RegExp, timeoutMs: number, from = 0): Promise<RegExpExecArray> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const match = pattern.exec(this.output.slice(from));
			if (match) return match;
			if (!this.running) throw new Error(`npm start exited (${this.child.exitCode}) before ${pattern}:\n${this.output.slice(-6000)}`);
			if (Date.now() > deadline) throw new Error(`no ${pattern} in time:\n${this.output.slice(-6000)}`);
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}

	kill() {
		if (this.child.pid && this.running) {
			try {
				process.kill(-this.child.pid, 'SIGKILL');
			} catch {
				// already gone
			}
		}
	}
}

/** The walkthrough's commands as npm start printed them, one per step line. */
function printedCommands(output: string): string[] {
	const section = output.slice(output.indexOf('Walkthrough'));
	return [...section.matchAll(/^ {3}((?:curl|npm run) .*)$/gm)].map((match) => match[1]);
}

async function shell(command: string): Promise<string> {
	return await new Promise((resolve, reject) => {
		execFile('sh', ['-c', command], { cwd: repoRoot, timeout: 120_000 }, (error, stdout, stderr) => {
			if (error) reject(new Error(`${command}\n${error.message}\n${stdout}${stderr}`));
			else resolve(stdout);
		});
	});
}

async function stopAndCheck(start: Start, signal: () => void) {
	const tree = descendants(start.child.pid as number);
	assert.ok(tree.some((entry) => / start$/.test(entry.command) && entry.command.includes('n8n')), 'n8n was running');
	const sent = Date.now();
	signal();
	await start.exited;
	for (;;) {
		const left = survivors(tree);
		if (left.length === 0) break;
		assert.ok(Date.now() - sent < 10_000, `still running 10 s after the stop:\n${left.map((entry) => `${entry.pid} ${entry.command}`).join('\n')}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return Date.now() - sent;
}

describe('npm start', { timeout: 25 * 60_000 }, () => {
	let stateDir = '';
	const starts: Start[] = [];
	const apiKey = 'start-test-key';
	let port = 0;
	const env = () => ({
		N8N_PORT: String(port),
		DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${DATABASE}`,
		TICKETING_API_KEY: apiKey,
		ZOOM_TICKETING_STATE_DIR: stateDir,
	});

	before(async () => {
		await sql(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
		await sql(`CREATE DATABASE ${DATABASE}`);
		stateDir = await mkdtemp(join(tmpdir(), 'zoom-ticketing-start-'));
		port = await freePort();
	});

	after(async () => {
		for (const start of starts) start.kill();
		if (stateDir) await rm(stateDir, { recursive: true, force: true });
	});

	it('a failing setup step says what failed and exits non-zero without ready', async () => {
		const start = new Start({ ...env(), DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/zoom_start_no_such_database' });
		starts.push(start);
		const code = await start.exited;
		assert.notEqual(code, 0);
		assert.match(start.output, /npm start failed while connecting to Postgres at 127\.0\.0\.1:5432\/zoom_start_no_such_database: .*does not exist/);
		assert.doesNotMatch(start.output, /^ready/m);
	});

	it('first start: the printed walkthrough works as printed; Ctrl-C stops every process it started', async () => {
		const start = new Start(env());
		starts.push(start);
		const started = Date.now();
		await start.waitFor(/^Ctrl-C stops everything\.$/m, 15 * 60_000);
		console.log(`first start: ready after ${((Date.now() - started) / 1000).toFixed(0)} s`);
		assert.match(start.output, new RegExp(`^ready: n8n at http://localhost:${port}$`, 'm'));

		const commands = printedCommands(start.output);
		assert.equal(commands.length, 8, start.output);
		const sim = /^ {3}export N8N=\S+ KEY=\S+ SIM=(\S+) PLATFORM=(\S+)$/m.exec(start.output);
		assert.ok(sim, 'the export line');
		const printed = walkthroughText({ n8n: `http://localhost:${port}`, apiKey, simulator: sim[1], platform: sim[2] });
		assert.ok(start.output.includes(printed.join('\n')), 'the walkthrough with the real ports');

		const [publish, buyAda, buyGrace, refund, buyAlan, reconcile, run, auth] = commands;
		const published = JSON.parse(await shell(publish)) as { n8n: { status: number; body: { zoom_id: string } } };
		assert.equal(published.n8n.status, 200, JSON.stringify(published));
		const zoomId = published.n8n.body.zoom_id;
		await start.waitFor(/stand-in: PUT \/events\/evt-walkthrough\/online-access/, 30_000);
		for (const [command, expected] of [
			[buyAda, 'registered'],
			[buyGrace, 'registered'],
			[refund, 'cancelled'],
		]) {
			const answer = JSON.parse(await shell(command)) as { n8n: { status: number; body: { status: string } } };
			assert.equal(answer.n8n.body.status, expected, `${command}\n${JSON.stringify(answer)}`);
		}
		await start.waitFor(/mail catcher: email to ada@example\.com: "Your Zoom link/, 30_000);
		const lost = JSON.parse(await shell(buyAlan)) as { n8n: string };
		assert.match(lost.n8n, /not notified/);
		assert.match(await shell(reconcile), /"status":"reconciled"/);
		await start.waitFor(/stand-in: GET \/events\/evt-walkthrough\/tickets/, 30_000);
		await start.waitFor(/mail catcher: email to alan@example\.com: "Your Zoom link/, 60_000);

		const mark = start.output.length;
		const ran = await shell(run);
		assert.match(ran, new RegExp(`running meeting ${zoomId} `));
		assert.match(ran, /ada@example\.com \(registrant\): 45 minutes/);
		assert.match(ran, /alan@example\.com \(registrant\): 45 minutes/);
		assert.doesNotMatch(ran, /grace@example\.com/, 'the refunded ticket holder is no longer registered');
		await start.waitFor(/attendance row \(evt-walkthrough\): ada@example\.com joined/, 60_000, mark);
		await start.waitFor(/stand-in: POST \/crm\/attendance \[Authorization: \*\*\*\] \{"source":"zoom","ticketing_event_id":"evt-walkthrough"/, 90_000, mark);
		await start.waitFor(/attendance row \(evt-walkthrough\): ada@example\.com total 45 minutes, attended/, 60_000, mark);
		await start.waitFor(/email to ada@example\.com: "Certificate of participation/, 60_000, mark);
		await start.waitFor(/email to alan@example\.com: "Recording: /, 60_000, mark);
		assert.doesNotMatch(start.output, /pwd=(?!\*\*\*)/, 'join passcodes are masked in what the stand-ins print');
		assert.match(await shell(auth), /"connected":true/);

		const ms = await stopAndCheck(start, () => process.kill(-(start.child.pid as number), 'SIGINT'));
		console.log(`Ctrl-C: every process gone after ${ms} ms`);
	});

	it('second start on the same database and state: the new simulator, no stale rows; SIGTERM with a stuck n8n still stops everything', async () => {
		const before = await sql<{ n: string }>('SELECT count(*) AS n FROM zoom_meetings', DATABASE);
		assert.ok(Number(before[0].n) >= 2, 'the first start left its rows');
		const start = new Start(env());
		starts.push(start);
		const started = Date.now();
		await start.waitFor(/^Ctrl-C stops everything\.$/m, 10 * 60_000);
		console.log(`second start: ready after ${((Date.now() - started) / 1000).toFixed(0)} s`);
		assert.match(start.output, /removed \d+ meetings/);
		assert.match(start.output, /sample event evt-demo → Zoom meeting \d+/);

		// The Settings the templates carry this time point at this start's simulator.
		const [, , , , , , , auth] = printedCommands(start.output);
		assert.match(await shell(auth), /"connected":true/);
		const [publish, buyAda] = printedCommands(start.output);
		const published = JSON.parse(await shell(publish)) as { n8n: { status: number; body: { status: string } } };
		assert.equal(published.n8n.status, 200, JSON.stringify(published));
		assert.equal(published.n8n.body.status, 'created');
		const bought = JSON.parse(await shell(buyAda)) as { n8n: { body: { status: string } } };
		assert.equal(bought.n8n.body.status, 'registered', JSON.stringify(bought));

		const n8n = descendants(start.child.pid as number).find((entry) => / start$/.test(entry.command) && entry.command.includes('n8n'));
		assert.ok(n8n);
		// A child that does not react to SIGTERM: stopped, it only goes with SIGKILL.
		process.kill(n8n.pid, 'SIGSTOP');
		const ms = await stopAndCheck(start, () => process.kill(start.child.pid as number, 'SIGTERM'));
		console.log(`SIGTERM to npm with n8n stopped: every process gone after ${ms} ms`);
	});

	it('the README walkthrough is the printed one, with the export line\'s variables', () => {
		const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
		const section = readme.slice(readme.indexOf('## Try it locally'), readme.indexOf('\n## ', readme.indexOf('## Try it locally') + 1));
		assert.ok(section.includes(exportLine({ n8n: 'http://localhost:5678', apiKey: '…', simulator: '…', platform: '…' }).split(' ')[0]));
		for (const line of walkthroughText(README_TARGETS).filter((entry) => /^ {3}(curl|npm run)/.test(entry))) {
			assert.ok(section.includes(line.trim()), `README lacks: ${line.trim()}`);
		}
	});
});
