import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, resolve } from 'node:path';
import { describe, it } from 'node:test';

import type { INodeProperties } from 'n8n-workflow';

import { loadNodeTypes, PACKAGE_NAME } from '../../harness/nodes';
import { githubSlug, npmCommands, parseMarkdown, pathPattern, repoPathCandidates, type MarkdownParts } from './markdown';

const ROOT = resolve(__dirname, '../../..');

// Made by a command (build, install, npm start), never committed: named in the docs, checked nowhere.
const MADE_AT_RUN_TIME = ['.cache/', 'dist/', 'node_modules/', 'coverage/', '.e2e/'];

// Files other branches of issue 12 are adding right now (development docs, licence, changelog).
// A link to one of them is checked as soon as it exists; until then it is only reported. Remove an
// entry once its file is on main.
// npm's own commands that the docs may name besides the package's scripts.
const NPM_COMMANDS = new Set(['ci', 'install', 'i', 'init', 'pack', 'publish', 'view', 'exec', 'ls', 'uninstall', 'link']);
// Built-ins that run a script of package.json of the same name.
const NPM_SCRIPT_SHORTHANDS = new Set(['test', 'start', 'stop', 'restart']);

const SKIPPED_DIRS = new Set(['node_modules', '.git', 'dist', '.cache', 'coverage', '.e2e']);

function walk(dir: string): string[] {
	const files: string[] = [];
	for (const entry of readdirSync(join(ROOT, dir))) {
		if (SKIPPED_DIRS.has(entry)) continue;
		const path = dir ? `${dir}/${entry}` : entry;
		if (statSync(join(ROOT, path)).isDirectory()) files.push(...walk(path));
		else files.push(path);
	}
	return files;
}

const DOC_FILES = [
	'README.md',
	...readdirSync(join(ROOT, 'docs'))
		.filter((name) => name.endsWith('.md'))
		.sort()
		.map((name) => `docs/${name}`),
];
const PARSED = new Map<string, MarkdownParts>(DOC_FILES.map((file) => [file, parseMarkdown(readFileSync(join(ROOT, file), 'utf8'))]));
const REPO_FILES = walk('');
const TOP_LEVEL_DIRS = new Set([
	...readdirSync(ROOT).filter((entry) => !SKIPPED_DIRS.has(entry) && statSync(join(ROOT, entry)).isDirectory()),
	...MADE_AT_RUN_TIME.map((path) => path.replace(/\/$/, '')),
]);
const SCRIPTS = Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);

function anchorsOf(file: string): Set<string> {
	const parsed = PARSED.get(file) ?? parseMarkdown(readFileSync(join(ROOT, file), 'utf8'));
	return parsed.anchors;
}

/** What is wrong with one link of `file`, or undefined when it resolves. */
function brokenLink(file: string, target: string): string | undefined {
	if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined;
	const hash = target.indexOf('#');
	const pathPart = decodeURI(hash === -1 ? target : target.slice(0, hash));
	const anchor = hash === -1 ? undefined : decodeURIComponent(target.slice(hash + 1));
	const resolved = pathPart === '' ? file : normalize(join(dirname(file), pathPart)).replace(/\\/g, '/').replace(/\/$/, '');
	if (resolved.startsWith('..')) return `leaves the repository (${resolved})`;
	if (!existsSync(join(ROOT, resolved))) return `${resolved} does not exist`;
	if (anchor === undefined) return undefined;
	if (!resolved.endsWith('.md')) return `#${anchor} on a file that is not Markdown`;
	return anchorsOf(resolved).has(anchor) ? undefined : `${resolved} has no heading #${anchor}`;
}

function codeSnippets(parts: MarkdownParts): { text: string; line: number }[] {
	return [...parts.inlineCode, ...parts.fences.filter((fence) => !['json', 'jsonc'].includes(fence.lang))];
}

function missingPath(path: string): boolean {
	if (MADE_AT_RUN_TIME.some((prefix) => path === prefix.replace(/\/$/, '') || path.startsWith(prefix))) return false;
	const pattern = pathPattern(path);
	if (pattern) return !REPO_FILES.some((file) => pattern.test(file));
	const absolute = join(ROOT, path);
	if (!existsSync(absolute)) return true;
	return path.endsWith('/') && !statSync(absolute).isDirectory();
}

describe('Markdown reading used by the docs checks', () => {
	it('gives headings the anchors GitHub gives them, numbering repeats', () => {
		assert.equal(githubSlug('Try it locally: `npm start`'), 'try-it-locally-npm-start');
		assert.equal(githubSlug('Failed items (On Error: Continue)'), 'failed-items-on-error-continue');
		assert.equal(githubSlug('`eventId`: idempotent processing'), 'eventid-idempotent-processing');
		assert.equal(githubSlug('Webhook burst (a big webinar starting)'), 'webhook-burst-a-big-webinar-starting');
		assert.equal(githubSlug('Ticketing events → Zoom'), 'ticketing-events--zoom');
		const parts = parseMarkdown('# Setup\n\n## Setup\n\n```sh\n# not a heading\n```\n');
		assert.deepEqual([...parts.anchors], ['setup', 'setup-1']);
	});

	it('finds links outside code only, with their lines', () => {
		const parts = parseMarkdown('See [a](docs/a.md#x) and `[b](nowhere.md)`.\n\n```md\n[c](fenced.md)\n```\n![pic](img/p.png "title")\n');
		assert.deepEqual(parts.links, [
			{ text: 'docs/a.md#x', line: 1 },
			{ text: 'img/p.png', line: 6 },
		]);
		assert.deepEqual(parts.inlineCode, [{ text: '[b](nowhere.md)', line: 1 }]);
		assert.equal(parts.fences[0].text, '[c](fenced.md)');
	});

	it('reads npm commands and their scripts', () => {
		assert.deepEqual(npmCommands('npm start    # n8n with this package'), ['start']);
		assert.deepEqual(npmCommands('npm run build && npm run bench -- --case x'), ['run build', 'run bench']);
		assert.deepEqual(npmCommands('npm run --silent lint'), ['run lint']);
		assert.deepEqual(npmCommands('npm run <script> or npm run'), ['run']);
		assert.deepEqual(npmCommands('N8N_E2E_VERSION=1.123.81 npm test -- test/e2e/journey.test.ts'), ['test']);
		assert.deepEqual(npmCommands('npm init -y >/dev/null && npm install n8n-nodes-zoom-ticketing'), ['init', 'install']);
	});

	it('tells repository paths from URLs, routes and placeholders', () => {
		const dirs = new Set(['test', 'workflows', '.ci', '.cache']);
		assert.deepEqual(
			repoPathCandidates(
				'npx tsx test/n8n/screenshots.ts --input=workflows/ .ci/run https://zoom.us/j/1 /webhook/zoom/events ' +
					'~/.n8n/nodes zoom/events <your n8n>/webhook POST ticketing/event-published .cache/n8n/ foo/bar.ts test/e2e/...',
				dirs,
			),
			['test/n8n/screenshots.ts', 'workflows/', '.ci/run', '.cache/n8n/', 'foo/bar.ts', 'test/e2e/'],
		);
		assert.ok(pathPattern('nodes/ZoomTicketing/actions/<resource>/<operation>.operation.ts')?.test('nodes/ZoomTicketing/actions/meeting/create.operation.ts'));
		assert.ok(pathPattern('test/**/*.test.ts')?.test('test/unit/docs/links.test.ts'));
		assert.ok(!pathPattern('workflows/src/*.ts')?.test('workflows/sql/001.sql'));
	});
});

describe('README.md and docs/*.md stay true', () => {
	it('has the pages it is about', () => {
		assert.ok(DOC_FILES.length > 1, 'docs/ has no pages');
		for (const file of DOC_FILES) assert.ok(PARSED.get(file)!.links.length > 0, `${file} has no links`);
	});

	it('every relative link and #anchor resolves to a file and heading of the repository', () => {
		const broken: string[] = [];
		for (const [file, parts] of PARSED) {
			for (const link of parts.links) {
				const problem = brokenLink(file, link.text);
				if (problem) broken.push(`${file}:${link.line} (${link.text}): ${problem}`);
			}
		}
		assert.deepEqual(broken, []);
	});

	it('the README links to every page of docs/, and every page links back to the README', () => {
		const linked = (file: string, target: string) =>
			PARSED.get(file)!.links.some((link) => normalize(join(dirname(file), link.text.split('#')[0])).replace(/\\/g, '/') === target);
		const pages = DOC_FILES.filter((file) => file !== 'README.md');
		assert.deepEqual(
			pages.filter((page) => !linked('README.md', page)),
			[],
			'pages the README does not link to (add them to its Documentation table)',
		);
		assert.deepEqual(
			pages.filter((page) => !linked(page, 'README.md')),
			[],
			'pages without a link back to ../README.md',
		);
	});

	it('every npm command named is a script of package.json or one of npm\'s own commands', () => {
		const wrong: string[] = [];
		for (const [file, parts] of PARSED) {
			for (const snippet of codeSnippets(parts)) {
				for (const command of npmCommands(snippet.text)) {
					const script = command.startsWith('run ') ? command.slice(4) : NPM_SCRIPT_SHORTHANDS.has(command) ? command : undefined;
					if (script !== undefined ? !SCRIPTS.includes(script) : !NPM_COMMANDS.has(command)) {
						wrong.push(`${file}:${snippet.line}: npm ${command}`);
					}
				}
			}
		}
		assert.deepEqual(wrong, [], `package.json scripts: ${SCRIPTS.join(', ')}`);
	});

	it('every repository path in code exists (things made at run time aside)', () => {
		const missing: string[] = [];
		let checked = 0;
		for (const [file, parts] of PARSED) {
			for (const snippet of codeSnippets(parts)) {
				for (const path of repoPathCandidates(snippet.text, TOP_LEVEL_DIRS)) {
					checked++;
					if (missingPath(path)) missing.push(`${file}:${snippet.line}: ${path}`);
				}
			}
		}
		assert.ok(checked > 20, `only ${checked} paths found: the path reader stopped finding them`);
		assert.deepEqual(missing, []);
	});

	it("the README's operations table names exactly the node's resources and operations", async () => {
		const table = readmeOperationsTable();
		const node = await nodeOperations();
		const differences: string[] = [];
		for (const resource of new Set([...table.keys(), ...node.keys()])) {
			const inReadme = table.get(resource);
			const inNode = node.get(resource);
			if (!inReadme || !inNode) {
				differences.push(`${resource}: ${inReadme ? 'not a resource of the node' : 'missing from the README'}`);
				continue;
			}
			for (const name of inNode) if (!inReadme.has(name)) differences.push(`${resource}: the README lacks ${name}`);
			for (const name of inReadme) if (!inNode.has(name)) differences.push(`${resource}: the node has no ${name}`);
		}
		assert.ok(node.size > 0, 'no resources read from the node');
		assert.deepEqual(differences, []);
	});
});

/** Resource → operations of the README's table under "## Operations" (links and notes in brackets dropped). */
function readmeOperationsTable(): Map<string, Set<string>> {
	const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
	const section = /^## Operations\n([\s\S]*?)(?=^## )/m.exec(readme);
	assert.ok(section, 'README.md has no "## Operations" section');
	const plain = (cell: string) =>
		cell
			.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
			.replace(/\s*\([^)]*\)/g, '')
			.trim();
	const rows = new Map<string, Set<string>>();
	for (const line of section[1].split('\n')) {
		const cells = /^\|([^|]+)\|([^|]+)\|\s*$/.exec(line);
		if (!cells || /^\s*-+\s*$/.test(cells[1]) || plain(cells[1]) === 'Resource') continue;
		rows.set(plain(cells[1]), new Set(plain(cells[2]).split(/\s*,\s*/)));
	}
	return rows;
}

/** Resource → operation display names of the Zoom Ticketing node's default version, as n8n loads it. */
async function nodeOperations(): Promise<Map<string, Set<string>>> {
	const nodeTypes = await loadNodeTypes('source');
	const properties: INodeProperties[] = nodeTypes.getByNameAndVersion(`${PACKAGE_NAME}.zoomTicketing`).description.properties;
	const options = (property: INodeProperties) => (property.options ?? []) as Array<{ name: string; value: string }>;
	const resource = properties.find((property) => property.name === 'resource');
	assert.ok(resource, 'the node has no Resource parameter');
	const result = new Map<string, Set<string>>();
	for (const { name, value } of options(resource)) {
		const names = new Set<string>();
		for (const property of properties) {
			const shownFor = property.displayOptions?.show?.resource as string[] | undefined;
			if (property.name === 'operation' && shownFor?.includes(value)) for (const option of options(property)) names.add(option.name);
		}
		result.set(name, names);
	}
	return result;
}
