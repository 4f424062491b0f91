import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';

const root = resolve(__dirname, '../../..');
const nodesDir = join(root, 'nodes');

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((entry) => {
		const path = join(dir, entry);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return path.endsWith('.ts') ? [path] : [];
	});
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+'(\.{1,2}\/[^']+)'/g;

function resolveImport(from: string, specifier: string): string {
	const base = resolve(dirname(from), specifier);
	for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) if (existsSync(candidate)) return candidate;
	throw new Error(`${relative(root, from)} imports ${specifier}, which is not a file`);
}

function importGraph(): Map<string, string[]> {
	const graph = new Map<string, string[]>();
	for (const file of sourceFiles(nodesDir)) {
		const text = readFileSync(file, 'utf8');
		graph.set(file, [...text.matchAll(IMPORT)].map((match) => resolveImport(file, match[1])));
	}
	return graph;
}

/** Every cycle found by a depth-first walk, each as the chain of files that closes it. */
function cycles(graph: Map<string, string[]>): string[][] {
	const found: string[][] = [];
	const state = new Map<string, 'open' | 'done'>();
	const stack: string[] = [];
	const visit = (file: string) => {
		state.set(file, 'open');
		stack.push(file);
		for (const next of graph.get(file) ?? []) {
			if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
			else if (!state.has(next)) visit(next);
		}
		stack.pop();
		state.set(file, 'done');
	};
	for (const file of graph.keys()) if (!state.has(file)) visit(file);
	return found;
}

describe('imports in nodes/', () => {
	it('form no cycle (type-only imports included)', () => {
		const graph = importGraph();
		const edges = [...graph.values()].reduce((sum, targets) => sum + targets.length, 0);
		assert.ok(graph.size > 50 && edges > 100, `the walk read the tree (${graph.size} files, ${edges} imports)`);
		const chains = cycles(graph).map((chain) => chain.map((file) => relative(nodesDir, file)).join(' -> '));
		assert.deepEqual(chains, []);
	});

	it('would report a cycle', () => {
		const graph = new Map([
			['a', ['b']],
			['b', ['c']],
			['c', ['a']],
		]);
		assert.deepEqual(cycles(graph), [['a', 'b', 'c', 'a']]);
	});
});
