import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { templates } from './templates';

/** Writes workflows/*.json from the template sources; `--check` fails if a file is out of date. */
const check = process.argv.includes('--check');
const stale: string[] = [];
for (const [file, build] of Object.entries(templates)) {
	const path = join(__dirname, '..', file);
	const json = `${JSON.stringify(build(), null, '\t')}\n`;
	if (check) {
		let current = '';
		try {
			current = readFileSync(path, 'utf8');
		} catch {
			// missing counts as stale
		}
		if (current !== json) stale.push(file);
	} else {
		writeFileSync(path, json);
	}
}
if (stale.length > 0) {
	console.error(`out of date (run npx tsx workflows/src/build.ts): ${stale.join(', ')}`);
	process.exit(1);
}
