import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

import { Client } from 'pg';

import { freePort, repoRoot } from '../n8n';

/**
 * `npm start` as a new user runs it (with the machine's Postgres through DATABASE_URL and its
 * state in a temporary folder): it prints the ready line, the sample ticket it prints goes
 * through, and Ctrl-C (SIGINT to the process group) stops everything.
 */

const DATABASE = 'zoom_start_test';

async function admin(query: string) {
	const client = new Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' });
	await client.connect();
	try {
		await client.query(query);
	} finally {
		await client.end();
	}
}

describe('npm start', { timeout: 20 * 60_000 }, () => {
	let child: ChildProcess | undefined;
	let stateDir = '';

	after(async () => {
		if (child?.pid && child.exitCode === null && child.signalCode === null) {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				// already gone
			}
		}
		if (stateDir) await rm(stateDir, { recursive: true, force: true });
	});

	it('prints the ready line, serves the sample ticket, and stops everything on Ctrl-C', async () => {
		await admin(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
		await admin(`CREATE DATABASE ${DATABASE}`);
		stateDir = await mkdtemp(join(tmpdir(), 'zoom-ticketing-start-'));
		const port = await freePort();
		const apiKey = 'start-test-key';
		child = spawn('npm', ['start'], {
			cwd: repoRoot,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
			env: {
				...process.env,
				N8N_PORT: String(port),
				DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${DATABASE}`,
				TICKETING_API_KEY: apiKey,
				ZOOM_TICKETING_STATE_DIR: stateDir,
				ZOOM_ACCOUNT_ID: '',
				ZOOM_CLIENT_ID: '',
				ZOOM_CLIENT_SECRET: '',
			},
		});
		let output = '';
		child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
		const exited = new Promise<number | null>((resolve) => child?.on('exit', (code) => resolve(code)));

		const ready = await new Promise<string>((resolve, reject) => {
			const timer = setInterval(() => {
				const curl = /^curl .*$/m.exec(output);
				if (output.includes('ready: n8n at') && curl) {
					clearInterval(timer);
					resolve(curl[0]);
				}
				if (child?.exitCode !== null || child.signalCode !== null) {
					clearInterval(timer);
					reject(new Error(`npm start exited:\n${output}`));
				}
			}, 250);
		});
		assert.match(output, new RegExp(`^ready: n8n at http://localhost:${port}$`, 'm'));

		const url = /(http:\/\/localhost:\d+\/webhook\/ticketing\/ticket-purchased)/.exec(ready)?.[1];
		const body = /-d '(.*)'$/.exec(ready)?.[1];
		assert.ok(url && body, ready);
		assert.ok(ready.includes(`X-Api-Key: ${apiKey}`));
		const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Api-Key': apiKey }, body });
		const answer = (await response.json()) as { status: string };
		assert.equal(response.status, 200, JSON.stringify(answer));
		assert.equal(answer.status, 'registered');

		process.kill(-(child.pid as number), 'SIGINT');
		await exited;
		const stillServing = await fetch(`http://localhost:${port}/healthz`).then(
			() => true,
			() => false,
		);
		assert.equal(stillServing, false, 'n8n stopped');
	});
});
