import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import puppeteer from 'puppeteer-core';

import {
	freePort,
	importCredentials,
	importWorkflows,
	installN8n,
	linkPackage,
	repoRoot,
	startN8n,
	type N8nInstanceConfig,
} from './index';
import { loadTemplates, templateCredentials } from './templates';

/**
 * Regenerates workflows/screenshots/*.png: every template opened in the real n8n editor (the
 * pinned version, this package loaded) in headless Chromium (Debian's `chromium`, or the
 * executable in CHROMIUM_PATH).  Run: npx tsx test/n8n/screenshots.ts
 */

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const outputDir = join(repoRoot, 'workflows', 'screenshots');

async function main() {
	const runtime = await installN8n();
	const userFolder = await mkdtemp(join(tmpdir(), 'n8n-screenshots-'));
	const config: N8nInstanceConfig = { runtime, userFolder, port: await freePort(), encryptionKey: 'screenshots-only' };
	const workflows = loadTemplates();
	await linkPackage(runtime, userFolder);
	// Placeholder credentials so that the editor shows every node as configured.
	await importCredentials(
		config,
		templateCredentials({
			zoom: { accountId: 'account', clientId: 'client', clientSecret: 'secret', webhookSecret: 'secret', environment: 'zoom' },
			postgres: { host: 'db.example.com', port: 5432, database: 'ticketing', user: 'n8n', password: 'secret' },
			smtp: { host: 'smtp.example.com', port: 587 },
			apiKey: 'key',
		}),
	);
	await importWorkflows(config, workflows);
	const n8n = await startN8n(config);
	const browser = await puppeteer.launch({
		executablePath: chromium,
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
		defaultViewport: { width: 1680, height: 940, deviceScaleFactor: 1 },
	});
	try {
		const owner = await fetch(`${n8n.baseUrl}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ email: 'owner@example.com', firstName: 'Template', lastName: 'Owner', password: 'Screenshots-0nly' }),
		});
		const cookie = /n8n-auth=([^;]+)/.exec(owner.headers.get('set-cookie') ?? '')?.[1];
		if (!owner.ok || !cookie) throw new Error(`owner setup failed: ${owner.status} ${await owner.text()}`);
		const page = await browser.newPage();
		await page.setCookie({ name: 'n8n-auth', value: cookie, domain: 'localhost', path: '/' });
		await mkdir(outputDir, { recursive: true });
		for (const [index, workflow] of workflows.entries()) {
			await page.goto(`${n8n.baseUrl}/workflow/${workflow.id}`, { waitUntil: 'networkidle2', timeout: 120_000 });
			await page.waitForSelector('.vue-flow__node', { timeout: 120_000 });
			// Let the canvas finish fitting the workflow into view.
			await new Promise((resolve) => setTimeout(resolve, 2500));
			const file = join(outputDir, `${String(index + 1).padStart(2, '0')}-${workflow.id}.png`);
			await page.screenshot({ path: file as `${string}.png` });
			console.log(`${workflow.name} → ${file}`);
		}
	} finally {
		await browser.close();
		await n8n.stop();
		await rm(userFolder, { recursive: true, force: true });
	}
}

main().catch((error: Error) => {
	console.error(error.stack ?? error.message);
	process.exit(1);
});
