/**
 * A clone is the whole project: nothing outside the repository is read at run or test time.
 * The tracked files are copied into an empty temporary folder (no `shared/` beside it or above
 * it), and the simulator and a representative engine test run from there.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';

const root = resolve(__dirname, '../..');
const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
// Built from parts so that this file does not name them itself.
const outsidePaths = [['..', 'shared'].join('/'), ['shared', 'zoom-api'].join('/')];

describe('nothing outside the repository', () => {
	it('no tracked file names a path to the shared folder beside the repository', () => {
		const offenders: string[] = [];
		for (const file of tracked) {
			if (file === 'CHANGELOG.md') continue;
			const text = readFileSync(join(root, file), 'latin1');
			for (const path of outsidePaths) {
				const at = text.indexOf(path);
				if (at >= 0) offenders.push(`${file}:${text.slice(0, at).split('\n').length} names ${path}`);
			}
		}
		assert.deepEqual(offenders, []);
	});

	it("Zoom's OpenAPI documents in the repository have the size and sha256 their SOURCE.md gives", () => {
		const folder = join(root, 'test/zoom-simulator/openapi');
		const rows = [...readFileSync(join(folder, 'SOURCE.md'), 'utf8').matchAll(/^\| `([^`]+\.json)` \|.*\| ([\d,]+) \| `([0-9a-f]{64})` \|$/gm)];
		assert.deepEqual(rows.map(([, file]) => file).sort(), ['endpoints/accounts/Users.json', 'endpoints/workplace/Meetings.json', 'webhooks/workplace/Meetings.json']);
		for (const [, file, size, sha256] of rows) {
			const bytes = readFileSync(join(folder, file));
			assert.equal(bytes.length, Number(size.replace(/,/g, '')), `${file} size`);
			assert.equal(createHash('sha256').update(bytes).digest('hex'), sha256, `${file} sha256`);
			assert.ok(tracked.includes(`test/zoom-simulator/openapi/${file}`), `${file} is committed`);
		}
	});
});

describe('a copy of the tracked files in an empty folder', () => {
	let parent: string;
	let clone: string;

	before(() => {
		parent = mkdtempSync(join(tmpdir(), 'zoom-clone-'));
		clone = join(parent, 'n8n-nodes-zoom-ticketing');
		for (const file of tracked) {
			mkdirSync(dirname(join(clone, file)), { recursive: true });
			copyFileSync(join(root, file), join(clone, file));
		}
		// The dependencies are not part of a clone: `npm ci` would install them; link the ones installed here.
		symlinkSync(realpathSync(join(root, 'node_modules')), join(clone, 'node_modules'), 'dir');
	});
	after(() => rmSync(parent, { recursive: true, force: true }));

	it('has no shared folder in any folder above it', () => {
		for (let folder = clone; ; folder = dirname(folder)) {
			assert.equal(existsSync(join(folder, 'shared')), false, `${join(folder, 'shared')} exists: the copy would not prove anything`);
			if (dirname(folder) === folder) break;
		}
		assert.ok(statSync(join(clone, 'test/zoom-simulator/openapi/endpoints/workplace/Meetings.json')).isFile());
	});

	it('runs the simulator, which routes, validates and answers from the OpenAPI documents in the copy', async () => {
		const child = spawn(process.execPath, ['--import', 'tsx', 'test/zoom-simulator/cli.ts', '--port', '0'], {
			cwd: clone,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		try {
			let output = '';
			const baseUrl = await new Promise<string>((resolveUrl, reject) => {
				child.stdout.setEncoding('utf8');
				child.stderr.setEncoding('utf8');
				const collect = (chunk: string) => {
					output += chunk;
					const match = /zoom-simulator listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
					if (match) resolveUrl(match[1]);
				};
				child.stdout.on('data', collect);
				child.stderr.on('data', collect);
				child.once('exit', (code) => reject(new Error(`the simulator exited with ${code}: ${output}`)));
			});

			const tokenAnswer = await fetch(`${baseUrl}/oauth/token?grant_type=account_credentials&account_id=sim-account`, {
				method: 'POST',
				headers: { authorization: `Basic ${Buffer.from('sim-client:sim-secret').toString('base64')}` },
			});
			assert.equal(tokenAnswer.status, 200);
			const { access_token: token } = (await tokenAnswer.json()) as { access_token: string };
			const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

			// Users.json: the user lookup credentials are tested with.
			const me = await fetch(`${baseUrl}/v2/users/me`, { headers });
			assert.equal(me.status, 200);
			// Meetings.json: a body the document refuses, then one it accepts.
			const refused = await fetch(`${baseUrl}/v2/users/me/meetings`, { method: 'POST', headers, body: JSON.stringify({ topic: 'Copy', type: 'soon' }) });
			assert.equal(refused.status, 400);
			assert.match(await refused.text(), /type/);
			const created = await fetch(`${baseUrl}/v2/users/me/meetings`, { method: 'POST', headers, body: JSON.stringify({ topic: 'Copy', type: 2, start_time: '2026-12-07T18:00:00Z', duration: 30 }) });
			assert.equal(created.status, 201);
		} finally {
			child.kill('SIGTERM');
			if (child.exitCode === null) await once(child, 'exit');
		}
	});

	it('passes a representative engine test: the meeting resource against the simulator, every request checked against Meetings.json', async () => {
		// The copy has no dist/: the engine loads the nodes from the copy's TypeScript sources.
		const env: NodeJS.ProcessEnv = { ...process.env, ZOOM_HARNESS_LOAD: 'source' };
		// Set by the test runner around this file; the nested runner must report as a top-level one.
		delete env.NODE_TEST_CONTEXT;
		const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-force-exit', '--test-reporter=spec', 'test/integration/meeting/meeting.test.ts'], {
			cwd: clone,
			stdio: ['ignore', 'pipe', 'pipe'],
			env,
		});
		let output = '';
		child.stdout.setEncoding('utf8');
		child.stderr.setEncoding('utf8');
		child.stdout.on('data', (chunk: string) => (output += chunk));
		child.stderr.on('data', (chunk: string) => (output += chunk));
		const [code] = (await once(child, 'exit')) as [number | null];
		assert.equal(code, 0, output);
		assert.match(output, /ℹ fail 0/);
		assert.match(output, /ℹ pass [1-9]/);
	});
});
