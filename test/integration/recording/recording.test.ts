import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';

import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import type { IDataObject } from 'n8n-workflow';

import { zoomNode } from '../../harness';
import { searchRecordings } from '../../../nodes/ZoomTicketing/methods/recordingSearch';
import { byId, futureStart, ReportFixture } from '../report/support';

interface RunRecord {
	uuid: string;
	recording: { uuid: string; fileIds: string[]; downloadToken: string };
}

interface RecordingJson extends IDataObject {
	uuid: string;
	share_url: string;
	password: string;
	recording_files: Array<{ id: string; file_type: string; file_size: number; download_url: string }>;
}

async function sha256OfBinary(binaryId: string): Promise<{ sha256: string; bytes: number }> {
	const hash = createHash('sha256');
	let bytes = 0;
	const stream = await Container.get(BinaryDataService).getAsStream(binaryId);
	for await (const chunk of stream) {
		hash.update(chunk as Uint8Array);
		bytes += (chunk as Buffer).length;
	}
	return { sha256: hash.digest('hex'), bytes };
}

/** A pass-through to the simulator that notes what each request carried (its URL and headers). */
async function recordingProxy(target: string): Promise<{ url: string; seen: Array<{ url: string; headers: IncomingHttpHeaders }>; close(): Promise<void> }> {
	const seen: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
	const server = createServer((req, res) => {
		seen.push({ url: req.url ?? '', headers: req.headers });
		const upstream = httpRequest(`${target}${req.url ?? ''}`, { method: req.method, headers: { ...req.headers, host: new URL(target).host } }, (answer) => {
			res.writeHead(answer.statusCode ?? 502, answer.headers);
			answer.pipe(res);
		});
		req.pipe(upstream);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		seen,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

describe('Recording resource in the n8n engine against the simulator', () => {
	let fixture: ReportFixture;
	let meetingId: number;
	let run: RunRecord;

	before(async () => {
		fixture = await ReportFixture.start();
		const seeded = await fixture.control<{ meetings: Array<{ id: number }> }>('POST', 'seed', {
			meetings: [{ topic: 'Recorded workshop', type: 2, start_time: futureStart(), duration: 45, settings: { auto_recording: 'cloud' } }],
		});
		meetingId = seeded.meetings[0].id;
		run = await fixture.control<RunRecord>('POST', 'runs', {
			meetingId,
			durationMinutes: 45,
			participants: [{ email: 'ann@example.com', name: 'Ann', sessions: [{ join: 0, leave: 45 }] }],
			recording: {
				files: [
					{ file_type: 'MP4', recording_type: 'shared_screen_with_speaker_view', file_size: 3 * 1024 * 1024 + 17 },
					{ file_type: 'MP4', recording_type: 'gallery_view', file_size: 1024 * 1024 },
					{ file_type: 'M4A', recording_type: 'audio_only', file_size: 200_000 },
				],
			},
			wait: true,
		});
	});

	after(async () => {
		await fixture.close();
	});

	it('lists the recording of every occurrence of the meeting', async () => {
		const result = await fixture.runNode({ resource: 'recording', operation: 'getMany', source: 'event', eventType: 'meeting', meetingId: byId(meetingId), returnAll: true });
		const recordings = result.json('Zoom') as RecordingJson[];
		assert.equal(recordings.length, 1);
		assert.equal(recordings[0].uuid, run.recording.uuid);
		assert.equal(recordings[0].recording_files.length, 3);
	});

	it('offers the recording in the "From list" search, by topic', async () => {
		const context = fixture.harness.loadOptionsContext(
			zoomNode('Zoom', { resource: 'recording', operation: 'get' }, { serverToServer: fixture.credential }),
		);
		const found = await searchRecordings.call(context, 'workshop');
		assert.deepEqual(
			found.results.map((entry) => entry.value),
			[run.recording.uuid],
		);
		assert.match(String(found.results[0].name), /^Recorded workshop \(\d{4}-\d{2}-\d{2} \d{2}:\d{2}\)$/);
		assert.deepEqual((await searchRecordings.call(context, 'no such topic')).results, []);
	});

	it("lists a user's recordings over three months, one window per month", async () => {
		const since = await fixture.lastRequestSeq();
		const today = new Date();
		const from = new Date(today.getTime() - 80 * 86_400_000).toISOString().slice(0, 10);
		const result = await fixture.runNode({
			resource: 'recording',
			operation: 'getMany',
			source: 'user',
			userId: 'me',
			from,
			to: today.toISOString().slice(0, 10),
			returnAll: true,
		});
		assert.deepEqual(
			result.json('Zoom').map((recording) => recording.uuid),
			[run.recording.uuid],
		);
		const calls = (await fixture.requests(since)).filter((request) => request.operationId === 'recordingsList');
		assert.equal(calls.length, 3);
		assert.ok(calls.every((call) => call.status === 200));
	});

	it('downloads every MP4 file as a stream into binary data, byte for byte', async () => {
		const result = await fixture.runNode({
			resource: 'recording',
			operation: 'download',
			downloadFrom: 'recording',
			recording: byId(run.recording.uuid),
			select: 'fileType',
			fileType: 'MP4',
			binaryPropertyName: 'video',
		});
		const items = result.items('Zoom');
		assert.equal(items.length, 2);
		for (const item of items) {
			const binary = item.binary?.video;
			assert.ok(binary?.id, 'the file went to the binary data store, not into the item');
			assert.equal(binary.mimeType, 'video/mp4');
			const expected = await fixture.control<{ size: number; sha256: string }>('GET', `recordings/files/${item.json.id as string}/sha256`);
			const actual = await sha256OfBinary(binary.id);
			assert.equal(actual.bytes, expected.size);
			assert.equal(actual.sha256, expected.sha256);
			assert.deepEqual(item.pairedItem, { item: 0 });
		}
	});

	it('downloads one file by ID', async () => {
		const audioId = run.recording.fileIds[2];
		const result = await fixture.runNode({
			resource: 'recording',
			operation: 'download',
			downloadFrom: 'recording',
			recording: byId(run.recording.uuid),
			select: 'fileId',
			fileId: audioId,
			binaryPropertyName: 'data',
		});
		const [item] = result.items('Zoom');
		assert.equal(item.json.id, audioId);
		assert.equal(item.binary?.data.mimeType, 'audio/mp4');
		const expected = await fixture.control<{ sha256: string }>('GET', `recordings/files/${audioId}/sha256`);
		assert.equal((await sha256OfBinary(item.binary?.data.id as string)).sha256, expected.sha256);
	});

	it("downloads with a webhook's download URL and download_token, without the API", async () => {
		const fileId = run.recording.fileIds[1];
		const proxy = await recordingProxy(fixture.sim.baseUrl);
		try {
			const result = await fixture.runNode({
				resource: 'recording',
				operation: 'download',
				downloadFrom: 'url',
				downloadUrl: `${proxy.url}/rec/download/${fileId}`,
				downloadToken: run.recording.downloadToken,
				binaryPropertyName: 'data',
			});
			const [item] = result.items('Zoom');
			const expected = await fixture.control<{ sha256: string }>('GET', `recordings/files/${fileId}/sha256`);
			assert.equal((await sha256OfBinary(item.binary?.data.id as string)).sha256, expected.sha256);
			assert.deepEqual(
				proxy.seen.map((request) => ({ url: request.url, authorization: request.headers.authorization })),
				[{ url: `/rec/download/${fileId}`, authorization: `Bearer ${run.recording.downloadToken}` }],
				"the webhook's token is sent as a bearer token (as Zoom documents), not in the URL",
			);
		} finally {
			await proxy.close();
		}
	});

	it('gives the share link with its passcode, ready to email', async () => {
		const result = await fixture.runNode({ resource: 'recording', operation: 'getShareLink', recording: byId(run.recording.uuid) });
		const [link] = result.json('Zoom');
		assert.match(String(link.shareUrl), /\/rec\/share\//);
		const stored = fixture.sim.simulator.store.recordings.get(run.recording.uuid);
		assert.equal(link.passcode, stored?.settings.password);
		assert.equal(link.shared, 'publicly');
		assert.match(String(link.shareUrlWithPasscode), /\?pwd=/);
		assert.equal(link.shareUrlSource, 'share_url');
	});

	it("shares the main video's play URL when Zoom's answer has no share_url", async () => {
		fixture.sim.simulator.recordingShareUrl = false;
		try {
			const result = await fixture.runNode({ resource: 'recording', operation: 'getShareLink', recording: byId(run.recording.uuid) });
			const [link] = result.json('Zoom');
			const stored = fixture.sim.simulator.store.recordings.get(run.recording.uuid);
			const video = stored?.files.find((file) => file.recording_type === link.shareUrlRecordingType);
			assert.equal(link.shareUrlSource, 'play_url');
			assert.equal(video?.file_type, 'MP4');
			assert.match(String(link.shareUrl), new RegExp(`/rec/play/${video?.id}$`));
			assert.match(String(link.shareUrlWithPasscode), /\?pwd=/);
		} finally {
			fixture.sim.simulator.recordingShareUrl = true;
		}
	});

	it('updates the settings and reads them back', async () => {
		const updated = await fixture.runNode({
			resource: 'recording',
			operation: 'updateSettings',
			recording: byId(run.recording.uuid),
			updateFields: { share_recording: 'internally', viewer_download: false, password: 'Pa55-word' },
		});
		assert.deepEqual(updated.json('Zoom'), [{ success: true, updated: ['password', 'share_recording', 'viewer_download'] }]);
		const settings = await fixture.runNode({ resource: 'recording', operation: 'getSettings', recording: byId(run.recording.uuid) });
		const [read] = settings.json('Zoom');
		assert.equal(read.share_recording, 'internally');
		assert.equal(read.viewer_download, false);
		assert.equal(read.password, 'Pa55-word');
	});

	it('refuses a passcode Zoom would refuse, before sending anything', async () => {
		const since = await fixture.lastRequestSeq();
		const result = await fixture.runNode({
			resource: 'recording',
			operation: 'updateSettings',
			recording: byId(run.recording.uuid),
			updateFields: { password: 'short' },
		});
		const error = result.nodeError('Zoom');
		assert.match(String(error?.message), /Passcode/);
		assert.match(String(error?.message), /item 0/);
		assert.deepEqual(await fixture.requests(since), []);
	});

	it('trashes one file, recovers it, then trashes and recovers the whole recording', async () => {
		const fileId = run.recording.fileIds[2];
		const recording = byId(run.recording.uuid);
		const trashed = await fixture.runNode({ resource: 'recording', operation: 'delete', recording, scope: 'file', fileId, deleteAction: 'trash' });
		assert.deepEqual(trashed.json('Zoom'), [{ deleted: true, action: 'trash', fileId }]);
		let got = await fixture.runNode({ resource: 'recording', operation: 'get', recording });
		assert.equal((got.json('Zoom')[0] as RecordingJson).recording_files.length, 2);

		await fixture.runNode({ resource: 'recording', operation: 'recover', recording, scope: 'file', fileId });
		got = await fixture.runNode({ resource: 'recording', operation: 'get', recording });
		assert.equal((got.json('Zoom')[0] as RecordingJson).recording_files.length, 3);

		await fixture.runNode({ resource: 'recording', operation: 'delete', recording, scope: 'recording', deleteAction: 'trash' });
		got = await fixture.runNode({ resource: 'recording', operation: 'get', recording });
		assert.match(String(got.nodeError('Zoom')?.message), /3301|no recording/i);

		const recovered = await fixture.runNode({ resource: 'recording', operation: 'recover', recording, scope: 'recording' });
		assert.deepEqual(recovered.json('Zoom'), [{ recovered: true }]);
		got = await fixture.runNode({ resource: 'recording', operation: 'get', recording });
		assert.equal((got.json('Zoom')[0] as RecordingJson).uuid, run.recording.uuid);
	});

	it('deletes the recording permanently', async () => {
		const recording = byId(run.recording.uuid);
		const deleted = await fixture.runNode({ resource: 'recording', operation: 'delete', recording, scope: 'recording', deleteAction: 'delete' });
		assert.deepEqual(deleted.json('Zoom'), [{ deleted: true, action: 'delete' }]);
		const recovered = await fixture.runNode({ resource: 'recording', operation: 'recover', recording, scope: 'recording' });
		assert.ok(recovered.nodeError('Zoom'), 'a permanently deleted recording cannot be recovered');
		assert.deepEqual(await fixture.violations(), []);
	});

	it("sent only requests that match Zoom's OpenAPI description", async () => {
		assert.deepEqual(await fixture.openApiMismatches(), []);
	});
});
