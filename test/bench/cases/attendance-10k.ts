/**
 * attendance-10k: the Attendance Summary of a 10,000-attendee webinar in the n8n engine against
 * the simulator at Pro limits. Every attendee leaves and rejoins once: 20,000 participant rows,
 * 67 report pages of 300. The report endpoint is Heavy (Pro: 10 requests in any rolling second),
 * and its pages can only be read one after another (each needs the previous next_page_token), so
 * the floor is the time the limit forces on that many sequential requests. Every person's minutes
 * are checked against the simulator's ground truth. A warm-up run (Get Past Instances, a Light
 * request) first gets the credential its access token and warms the engine, as in an n8n that has
 * run before; it uses none of the Heavy allowance.
 */
import { performance } from 'node:perf_hooks';

import { byId, zoomDateTime, ZoomFixture } from '../../harness';
import type { BenchCase, BenchResult } from '../types';
import { runStandalone } from '../standalone';

const ATTENDEES = 10_000;
const HEAVY_PER_SECOND = 10;
const TARGET_RATIO = 1.15;
const TARGET_RSS_MB = 300;

interface Truth {
	registrantId: string;
	totalSeconds: number;
}

const attendance10k: BenchCase = {
	name: 'attendance-10k',
	description: 'Attendance Summary of a 10,000-attendee webinar (20,000 rows, 67 pages) at Pro rate limits',
	async run(): Promise<BenchResult> {
		const zoom = new ZoomFixture(await ZoomFixture.spawn({ credentialId: 'bench-s2s', plan: 'pro' }));
		try {
			await zoom.control('PUT', 'config', { reportDelaySeconds: 0 });
			const seeded = await zoom.control<{ webinars: Array<{ id: number }> }>('POST', 'seed', {
				webinars: [
					{
						topic: 'Launch keynote',
						type: 5,
						start_time: zoomDateTime(new Date(Date.now() + 3_600_000)),
						duration: 90,
						settings: { approval_type: 0 },
					},
				],
			});
			const webinarId = seeded.webinars[0].id;
			await zoom.control('POST', 'seed', { registrants: [{ webinarId, count: ATTENDEES, returnIds: false }] });
			const run = await zoom.control<{ participants: Truth[] }>('POST', 'runs', {
				webinarId,
				durationMinutes: 90,
				allRegistrants: { join: 0, leave: 90, rejoinEvery: 1, rejoinGapMinutes: 3 },
				recording: false,
				wait: true,
			});
			const truth = new Map(run.participants.map((person) => [person.registrantId, person.totalSeconds]));
			const rows = run.participants.length * 2;

			const warmUp = await zoom.runNode({ resource: 'report', operation: 'pastInstances', eventType: 'webinar', webinarId: byId(webinarId) });
			if (warmUp.json('Zoom').length !== 1) throw new Error('the warm-up run did not find the webinar instance');

			await zoom.control('DELETE', 'requests');
			const started = performance.now();
			const result = await zoom.runNode({
				resource: 'report',
				operation: 'attendanceSummary',
				eventType: 'webinar',
				webinarId: byId(webinarId),
				occurrence: 'latest',
				attendedWhen: 'minutes',
				minimumMinutes: 45,
				includeAbsent: false,
			});
			const seconds = (performance.now() - started) / 1000;
			const people = result.json('Zoom');

			const requests = await zoom.requests();
			const pageRequests = requests.filter((request) => request.operationId === 'reportWebinarParticipants' && request.status === 200);
			const pages = pageRequests.length;
			const simulatorMsPerPage = pageRequests.reduce((total, request) => total + request.durationMs, 0) / Math.max(1, pages);
			const rateLimited = requests.filter((request) => request.status === 429).length;
			const floor = (Math.ceil(pages / HEAVY_PER_SECOND) - 1) * 1;

			let wrong = 0;
			for (const person of people) {
				if (truth.get(person.registrantId as string) !== person.totalSeconds) wrong++;
			}
			const missing = Math.max(0, truth.size - people.length);
			const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
			const ratio = seconds / floor;
			return {
				name: attendance10k.name,
				figure: Number(seconds.toFixed(2)),
				unit: 's wall',
				items: people.length,
				perItemMs: Number(((seconds * 1000) / people.length).toFixed(3)),
				floor,
				target: TARGET_RATIO,
				ratio: Number(ratio.toFixed(3)),
				lost: missing + wrong,
				duplicated: Math.max(0, people.length - truth.size),
				peakRssMb,
				p99AckMs: null,
				targetMet: ratio <= TARGET_RATIO && peakRssMb <= TARGET_RSS_MB,
				targetReason: `${seconds.toFixed(2)} s for ${pages} Heavy pages (floor ${floor} s at ${HEAVY_PER_SECOND}/s), peak RSS ${peakRssMb} MB (target ${TARGET_RSS_MB})`,
				rows,
				pages,
				rateLimited429: rateLimited,
				requests: requests.length,
				mismatchedPeople: wrong,
				simulatorMsPerPage: Number(simulatorMsPerPage.toFixed(1)),
				clientMsPerPage: Number(((seconds * 1000) / Math.max(1, pages)).toFixed(1)),
			};
		} finally {
			await zoom.close();
		}
	},
};

export default attendance10k;

runStandalone(attendance10k, module);
