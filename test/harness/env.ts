import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// n8n-core reads its settings from the environment when first imported: give every harness
// process its own user folder and filesystem binary data (so large downloads stream to disk).
const ownFolder = process.env.N8N_USER_FOLDER === undefined;
const userFolder = process.env.N8N_USER_FOLDER ?? mkdtempSync(join(tmpdir(), 'zoom-harness-'));
process.env.N8N_USER_FOLDER = userFolder;
if (ownFolder) process.on('exit', () => rmSync(userFolder, { recursive: true, force: true }));
process.env.N8N_DEFAULT_BINARY_DATA_MODE ??= 'filesystem';
process.env.N8N_BINARY_DATA_STORAGE_PATH ??= join(userFolder, 'binaryData');
process.env.N8N_ENCRYPTION_KEY ??= 'zoom-ticketing-harness';
process.env.N8N_DIAGNOSTICS_ENABLED ??= 'false';

export const HARNESS_USER_FOLDER = userFolder;

// n8n 2.x targets Node 24; on Node 20 its request path (DNS lookups for host names) calls
// Promise.withResolvers, which Node 20 lacks.
if (typeof (Promise as { withResolvers?: unknown }).withResolvers !== 'function') {
	Object.defineProperty(Promise, 'withResolvers', {
		configurable: true,
		writable: true,
		value<T>() {
			let resolve!: (value: T | PromiseLike<T>) => void;
			let reject!: (reason?: unknown) => void;
			const promise = new Promise<T>((res, rej) => {
				resolve = res;
				reject = rej;
			});
			return { promise, resolve, reject };
		},
	});
}
