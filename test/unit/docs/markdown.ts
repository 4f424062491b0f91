// Reads the parts of a Markdown file that the docs test checks: headings (as GitHub anchors),
// links, inline code and fenced code, each with its line number.

export interface Located {
	text: string;
	line: number;
}

export interface FencedBlock extends Located {
	lang: string;
}

export interface MarkdownParts {
	anchors: Set<string>;
	links: Located[];
	inlineCode: Located[];
	fences: FencedBlock[];
}

/** The anchor GitHub gives a heading (github-slugger's rule: lower case, punctuation dropped, spaces to dashes). */
export function githubSlug(heading: string): string {
	return heading
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.toLowerCase()
		.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
		.replace(/ /g, '-');
}

function lineAt(text: string, index: number): number {
	let line = 1;
	for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
	return line;
}

export function parseMarkdown(source: string): MarkdownParts {
	const anchors = new Set<string>();
	const seen = new Map<string, number>();
	const fences: FencedBlock[] = [];
	// Prose with fenced blocks blanked out (same line count), so offsets still give line numbers.
	const proseLines: string[] = [];
	const lines = source.split('\n');
	let fence: { marker: string; lang: string; start: number; body: string[] } | undefined;

	lines.forEach((line, index) => {
		const opening = /^ {0,3}(`{3,}|~{3,})\s*([\w+-]*)/.exec(line);
		if (fence) {
			const closing = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
			if (closing && closing[1][0] === fence.marker[0] && closing[1].length >= fence.marker.length) {
				fences.push({ lang: fence.lang, text: fence.body.join('\n'), line: fence.start });
				fence = undefined;
			} else {
				fence.body.push(line);
			}
			proseLines.push('');
			return;
		}
		if (opening) {
			fence = { marker: opening[1], lang: opening[2].toLowerCase(), start: index + 2, body: [] };
			proseLines.push('');
			return;
		}
		proseLines.push(line);
		const heading = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
		if (heading) {
			const base = githubSlug(heading[1]);
			const count = seen.get(base) ?? 0;
			seen.set(base, count + 1);
			anchors.add(count === 0 ? base : `${base}-${count}`);
		}
	});

	const prose = proseLines.join('\n');
	const inlineCode: Located[] = [];
	const withoutCode = prose.replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, (match, _ticks: string, body: string, offset: number) => {
		inlineCode.push({ text: body.replace(/\s*\n\s*/g, ' ').trim(), line: lineAt(prose, offset) });
		return match.replace(/[^\n]/g, ' ');
	});

	const links: Located[] = [];
	for (const match of withoutCode.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
		links.push({ text: match[1], line: lineAt(withoutCode, match.index) });
	}
	return { anchors, links, inlineCode, fences };
}

/** Commands a reader would type: `npm run x` gives `run x`, `npm test` gives `test`; `npm run <script>` is a placeholder. */
export function npmCommands(code: string): string[] {
	const found: string[] = [];
	for (const match of code.matchAll(/(?:^|[\s;&|(`])npm\s+((?:-[\w-]+\s+)*)([a-z][\w-]*)(?:\s+((?:--?[\w-]+\s+)*)(<[^>]*>|[\w:.-]+))?/g)) {
		const [, , command, , script] = match;
		if (command !== 'run' && command !== 'run-script') found.push(command);
		else if (!script?.startsWith('<')) found.push(`run ${script ?? ''}`.trim());
	}
	return found;
}

const EXTENSION = /\.(ts|mts|mjs|cjs|js|json|md|sql|png|svg|yml|yaml|sh)$/;

/**
 * Words of a code snippet that name a file or folder of this repository: they start with one of
 * its top-level folders, or have a slash and a source file's extension. URLs, absolute paths,
 * home paths and placeholders (`<port>`) are not repository paths.
 */
export function repoPathCandidates(code: string, topLevelDirs: ReadonlySet<string>): string[] {
	const found: string[] = [];
	for (const raw of code.split(/[\s=,;()'"[\]]+/)) {
		const word = raw.replace(/(\.\.\.|…|[.:])+$/, '');
		if (!word.includes('/') || word.includes('://')) continue;
		if (/^[/~<$@{]/.test(word)) continue;
		if (topLevelDirs.has(word.split('/')[0]) || EXTENSION.test(word)) found.push(word);
	}
	return found;
}

/** A repository path with `*`, `**` or `<placeholder>` parts as a regular expression over file paths. */
export function pathPattern(path: string): RegExp | undefined {
	if (!/[*<]/.test(path)) return undefined;
	let pattern = '';
	for (let i = 0; i < path.length; i++) {
		const char = path[i];
		if (path.startsWith('**/', i)) {
			pattern += '(?:.*/)?';
			i += 2;
		} else if (char === '*') {
			pattern += '[^/]*';
		} else if (char === '<') {
			const end = path.indexOf('>', i);
			pattern += '[^/]+';
			i = end === -1 ? path.length : end;
		} else {
			pattern += char.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
		}
	}
	return new RegExp(`^${pattern}${path.endsWith('/') ? '' : '$'}`);
}
