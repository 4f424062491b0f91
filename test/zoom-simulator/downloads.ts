import { createHash, createHmac } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

import { sendJson } from './http';
import type { Simulator } from './simulator';
import type { RecordingFile } from './state/types';

const BLOCK = 64 * 1024;
const LINK_TTL_MS = 10 * 60 * 1000;

/**
 * The content of a recording file: a deterministic pattern derived from the file id, produced
 * block by block so that a file of any size streams without being held in memory.
 */
function block(fileId: string, index: number): Buffer {
	return Buffer.allocUnsafe(BLOCK).fill(new Uint8Array(createHash('sha256').update(`${fileId}:${index}`).digest()));
}

export function fileStream(file: RecordingFile, start = 0, end = file.file_size - 1): Readable {
	let position = start;
	return new Readable({
		highWaterMark: BLOCK,
		read() {
			if (position > end) {
				this.push(null);
				return;
			}
			const index = Math.floor(position / BLOCK);
			const from = position - index * BLOCK;
			const to = Math.min(BLOCK, end - index * BLOCK + 1);
			this.push(block(file.id, index).subarray(from, to));
			position = index * BLOCK + to;
		},
	});
}

/** SHA-256 of a file's full content, computed by streaming it. */
export async function fileSha256(file: RecordingFile): Promise<string> {
	const hash = createHash('sha256');
	for await (const chunk of fileStream(file)) hash.update(chunk as Uint8Array);
	return hash.digest('hex');
}

function signLink(sim: Simulator, fileId: string, expires: number): string {
	return createHmac('sha256', sim.identity.clientSecret).update(`${fileId}:${expires}`).digest('hex').slice(0, 40);
}

/**
 * Zoom accepts an access token (Bearer header or `access_token` query) or the webhook's
 * `download_token`, which its documentation says to send as a Bearer header; the
 * `download_token` query parameter is accepted as well.
 */
function authorised(sim: Simulator, req: IncomingMessage, url: URL, recordingUuid: string): boolean {
	const now = sim.clock.now();
	const header = req.headers.authorization;
	const bearer = header?.toLowerCase().startsWith('bearer ') ? header.slice(7).trim() : undefined;
	const candidates = [bearer, url.searchParams.get('access_token'), url.searchParams.get('download_token')];
	for (const candidate of candidates) {
		if (!candidate) continue;
		const access = sim.store.accessTokens.get(candidate);
		if (access && access.expiresAt > now) return true;
		const grant = sim.store.downloadTokens.get(candidate);
		if (grant && grant.recordingUuid === recordingUuid && grant.expiresAt > now) return true;
	}
	return false;
}

/**
 * `/rec/download/{fileId}` (authorised by access token or `download_token`) answers with a
 * redirect to a short-lived signed link, as Zoom's CDN does; `/rec/file/{fileId}` streams the
 * bytes and honours a single `Range`.
 */
export async function serveDownload(sim: Simulator, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
	const [, , kind, fileId] = url.pathname.split('/');
	const entry = fileId ? sim.store.recordingFiles.get(fileId) : undefined;
	const logDownload = (status: number) =>
		sim.log.add({ time: new Date().toISOString(), method: req.method ?? 'GET', path: url.pathname, query: {}, status, durationMs: 0 });
	if (!entry || entry.file.deleted_time !== undefined || entry.recording.trashed_at !== undefined) {
		logDownload(404);
		sendJson(res, 404, { code: 3301, message: 'There is no recording for this meeting.' });
		return;
	}
	const { file, recording } = entry;
	if (kind === 'download' || kind === 'play') {
		if (!authorised(sim, req, url, recording.uuid)) {
			logDownload(401);
			sendJson(res, 401, { code: 124, message: 'Invalid access token.' });
			return;
		}
		const expires = sim.clock.now() + LINK_TTL_MS;
		logDownload(302);
		res.writeHead(302, { Location: `${sim.baseUrl}/rec/file/${file.id}?expires=${expires}&sig=${signLink(sim, file.id, expires)}` });
		res.end();
		return;
	}
	if (kind !== 'file') {
		sendJson(res, 404, { code: 404, message: 'Not Found' });
		return;
	}
	const expires = Number(url.searchParams.get('expires'));
	if (!(expires > sim.clock.now()) || url.searchParams.get('sig') !== signLink(sim, file.id, expires)) {
		logDownload(403);
		sendJson(res, 403, { code: 403, message: 'The download link has expired or its signature is invalid.' });
		return;
	}
	const type = file.file_extension === 'MP4' ? 'video/mp4' : file.file_extension === 'M4A' ? 'audio/mp4' : 'application/octet-stream';
	const name = `${recording.topic.replace(/[^A-Za-z0-9 _-]/g, '')}-${file.recording_type}.${file.file_extension.toLowerCase()}`;
	const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
	let start = 0;
	let end = file.file_size - 1;
	let status = 200;
	const headers: Record<string, string | number> = {
		'Content-Type': type,
		'Content-Disposition': `attachment; filename="${name}"`,
		'Accept-Ranges': 'bytes',
	};
	if (range) {
		start = Number(range[1]);
		end = range[2] ? Math.min(Number(range[2]), end) : end;
		if (start > end) {
			res.writeHead(416, { 'Content-Range': `bytes */${file.file_size}` });
			res.end();
			return;
		}
		status = 206;
		headers['Content-Range'] = `bytes ${start}-${end}/${file.file_size}`;
	}
	headers['Content-Length'] = end - start + 1;
	logDownload(status);
	res.writeHead(status, headers);
	if (req.method === 'HEAD') {
		res.end();
		return;
	}
	const stream = fileStream(file, start, end);
	stream.pipe(res);
	res.on('close', () => stream.destroy());
}
