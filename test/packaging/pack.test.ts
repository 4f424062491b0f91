/**
 * What `npm publish` would upload: the built package n8n loads and the documents a maintainer
 * ships with it, nothing else. Runs on the build test/run.mjs makes before the tests.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { before, describe, it } from 'node:test';

const root = resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
	main: string;
	license: string;
	author: { name: string };
	n8n: { nodes: string[]; credentials: string[] };
};

interface PackResult {
	files: Array<{ path: string; size: number }>;
	entryCount: number;
	size: number;
}

function sourcesUnder(folder: string): string[] {
	const found: string[] = [];
	for (const entry of readdirSync(join(root, folder))) {
		const path = join(folder, entry);
		if (statSync(join(root, path)).isDirectory()) found.push(...sourcesUnder(path));
		else found.push(path);
	}
	return found;
}

describe('npm pack', () => {
	let packed: Set<string>;

	before(() => {
		assert.ok(existsSync(join(root, manifest.n8n.nodes[0])), 'no build: run npm run build first (node test/run.mjs does)');
		const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
		const [result] = JSON.parse(output) as PackResult[];
		packed = new Set(result.files.map((file) => file.path));
	});

	it('holds only the build, package.json, README, LICENSE, CHANGELOG and the main file', () => {
		const outsideDist = [...packed].filter((path) => !path.startsWith('dist/')).sort();
		assert.deepEqual(outsideDist, ['CHANGELOG.md', 'LICENSE', 'README.md', manifest.main, 'package.json'].sort());
		const unexpected = [...packed].filter((path) => path.startsWith('dist/') && !/\.(js|json|svg|png)$/.test(path));
		assert.deepEqual(unexpected, [], 'no source maps, declarations or sources in the package');
		assert.deepEqual([...packed].filter((path) => path.startsWith('dist/test/') || path.includes('/test/')), []);
	});

	it('holds every node and credential package.json names, each with its icons', () => {
		for (const path of [...manifest.n8n.nodes, ...manifest.n8n.credentials]) {
			assert.ok(packed.has(path), `${path} is in the package`);
			const compiled = readFileSync(join(root, path), 'utf8');
			for (const [, icon] of compiled.matchAll(/'file:([^']+)'/g)) {
				assert.ok(packed.has(join(dirname(path), icon)), `${path} shows ${icon}, which is in the package`);
			}
		}
	});

	it('holds the compiled form of every source file of nodes/ and credentials/, their codex and icon files, and nothing else', () => {
		const missing: string[] = [];
		for (const source of [...sourcesUnder('nodes'), ...sourcesUnder('credentials')]) {
			const expected = join('dist', source.endsWith('.ts') ? source.replace(/\.ts$/, '.js') : source);
			if (!packed.has(expected)) missing.push(`${relative(root, join(root, source))} → ${expected}`);
		}
		assert.deepEqual(missing, []);
		const sources = new Set([...sourcesUnder('nodes'), ...sourcesUnder('credentials')].map((source) => source.replace(/\.ts$/, '.js')));
		const stale = [...packed].filter((path) => path.startsWith('dist/') && !sources.has(path.slice('dist/'.length)));
		assert.deepEqual(stale, [], 'compiled files without a source (a build that did not start from an empty dist/)');
	});

	it('says MIT in package.json, as LICENSE does, and ships no runtime dependencies', () => {
		assert.equal(manifest.license, 'MIT');
		const license = readFileSync(join(root, 'LICENSE'), 'utf8');
		assert.match(license, /^MIT License\n/);
		assert.match(license, new RegExp(`Copyright \\(c\\) 2026 ${manifest.author.name}`));
		const full = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
		assert.equal(full.dependencies, undefined);
	});
});
