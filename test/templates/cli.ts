import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { N8N_VERSIONS } from '../n8n/install';
import {
	builtInDescriptions,
	checkCredentials,
	checkGraph,
	checkIds,
	checkNormalForm,
	checkParameters,
	checkSchema,
	checkSecrets,
	loadAll,
	packageDescriptions,
} from './check';
import { formatTemplate, normalForm } from './normalForm';
import { readTemplate, readTemplateText, schemaSql, SCHEMA_NODE, SETUP_TEMPLATE, templateFiles, workflowsFolder } from './templates';

/**
 * `npm run templates:check` checks workflows/*.json; `npm run templates:format` (--write) first
 * rewrites them in normal form, e.g. after an export from the n8n editor, and writes
 * workflows/sql/*.sql into the setup template.
 */
async function main() {
	if (process.argv.includes('--write')) {
		for (const file of templateFiles()) {
			const raw = readTemplate(file);
			const { dropped } = normalForm(raw);
			if (file === SETUP_TEMPLATE) {
				const apply = raw.nodes.find((node) => node.name === SCHEMA_NODE);
				if (apply && apply.parameters.query !== schemaSql()) {
					apply.parameters.query = schemaSql();
					dropped.push(`${SCHEMA_NODE} query replaced by workflows/sql/*.sql`);
				}
			}
			const text = formatTemplate(raw);
			if (text === readTemplateText(file)) continue;
			writeFileSync(join(workflowsFolder, file), text);
			console.log(`formatted ${file}${dropped.length > 0 ? `: dropped or replaced ${dropped.join(', ')}` : ''}`);
		}
	}
	const templates = loadAll();
	const problems = [
		...checkNormalForm(templates),
		...checkIds(templates),
		...checkCredentials(templates),
		...checkSecrets(templates),
		...checkGraph(templates),
		...checkSchema(templates),
	];
	problems.push(...checkParameters(templates, packageDescriptions(), 'ours', 'this package (dist)'));
	for (const version of N8N_VERSIONS) {
		const builtIn = await builtInDescriptions(version);
		if (builtIn) problems.push(...checkParameters(templates, builtIn, 'builtIn', `n8n ${version}`));
		else console.log(`skipped the parameters of n8n ${version}'s built-in nodes: n8n ${version} is not installed (npx tsx test/n8n/install.ts ${version})`);
	}
	for (const problem of problems) console.error(problem);
	if (problems.length > 0) {
		console.error(`\n${problems.length} problem(s) in workflows/*.json`);
		process.exit(1);
	}
	console.log(`${templates.length} templates: in normal form, and everything the check asks of them holds`);
}

void main();
