/**
 * recording-download-2gb: Recording → Download of one 2 GiB MP4 from the simulator into n8n's
 * filesystem binary-data mode, in the n8n engine. The file must stream to disk: peak RSS of the
 * process running n8n stays far below the file size. Bytes and SHA-256 are checked against the
 * simulator's own checksum.
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';

import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';

import { byId, zoomDateTime, ZoomFixture } from '../../harness';
import type { BenchCase, BenchResult } from '../types';
import { runStandalone } from '../standalone';

const FILE_BYTES = 2 * 1024 ** 3;
const TARGET_RSS_MB = 250;

const recordingDownload2gb: BenchCase = {
	name: 'recording-download-2gb',
	description: 'Download of a 2 GiB recording file from the simulator into filesystem binary data',
	async run(): Promise<BenchResult> {
		if (process.env.N8N_DEFAULT_BINARY_DATA_MODE !== 'filesystem') {
			throw new Error('the harness must run n8n with N8N_DEFAULT_BINARY_DATA_MODE=filesystem');
		}
		const zoom = new ZoomFixture(await ZoomFixture.spawn({ credentialId: 'bench-s2s', plan: 'pro' }));
		try {
			const seeded = await zoom.control<{ meetings: Array<{ id: number }> }>('POST', 'seed', {
				meetings: [
					{
						topic: 'Full-day conference',
						type: 2,
						start_time: zoomDateTime(new Date(Date.now() + 3_600_000)),
						duration: 480,
						settings: { auto_recording: 'cloud' },
					},
				],
			});
			const meetingId = seeded.meetings[0].id;
			const run = await zoom.control<{ recording: { uuid: string; fileIds: string[] } }>('POST', 'runs', {
				meetingId,
				durationMinutes: 480,
				participants: [{ email: 'speaker@example.org', sessions: [{ join: 0, leave: 480 }] }],
				recording: { files: [{ file_type: 'MP4', recording_type: 'shared_screen_with_speaker_view', file_size: FILE_BYTES }] },
				wait: true,
			});
			const fileId = run.recording.fileIds[0];

			const rssBefore = Math.round(process.memoryUsage().rss / 1024 / 1024);
			const started = performance.now();
			const result = await zoom.runNode({
				resource: 'recording',
				operation: 'download',
				downloadFrom: 'recording',
				recording: byId(run.recording.uuid),
				select: 'fileId',
				fileId,
				binaryPropertyName: 'data',
			});
			const seconds = (performance.now() - started) / 1000;
			const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
			const [item] = result.items('Zoom');
			const binary = item.binary?.data;
			if (!binary?.id) throw new Error('the file did not reach the binary data store');

			const hash = createHash('sha256');
			let bytes = 0;
			const binaryData = Container.get(BinaryDataService);
			for await (const chunk of await binaryData.getAsStream(binary.id)) {
				hash.update(chunk as Uint8Array);
				bytes += (chunk as Buffer).length;
			}
			const expected = await zoom.control<{ size: number; sha256: string }>('GET', `recordings/files/${fileId}/sha256`);
			const intact = bytes === expected.size && hash.digest('hex') === expected.sha256;
			if (!intact) throw new Error(`the stored file differs from the simulator's: ${bytes} bytes`);
			await binaryData.deleteManyByBinaryDataId([binary.id]);

			const mbPerSecond = FILE_BYTES / 1024 ** 2 / seconds;
			return {
				name: recordingDownload2gb.name,
				figure: peakRssMb,
				unit: 'MB peak RSS',
				items: 1,
				perItemMs: Math.round(seconds * 1000),
				floor: null,
				target: TARGET_RSS_MB,
				ratio: Number((peakRssMb / TARGET_RSS_MB).toFixed(3)),
				lost: 0,
				duplicated: 0,
				peakRssMb,
				p99AckMs: null,
				targetMet: peakRssMb <= TARGET_RSS_MB,
				targetReason: `2 GiB in ${seconds.toFixed(1)} s (${mbPerSecond.toFixed(0)} MiB/s), peak RSS ${peakRssMb} MB (target ${TARGET_RSS_MB})`,
				bytes,
				sha256Match: intact,
				downloadSeconds: Number(seconds.toFixed(1)),
				mibPerSecond: Number(mbPerSecond.toFixed(0)),
				rssBeforeDownloadMb: rssBefore,
			};
		} finally {
			await zoom.close();
		}
	},
};

export default recordingDownload2gb;

runStandalone(recordingDownload2gb, module);
