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

import { byId, chain, engineWithSimulatorCredential, itemsNode, zoomDateTime, zoomNode } from '../../harness';
import { spawnSimulator } from '../../integration/report/externalSimulator';
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

interface LoggedRequest {
	operationId?: string;
	status: number;
	durationMs: number;
}

const attendance10k: BenchCase = {
	name: 'attendance-10k',
	description: 'Attendance Summary of a 10,000-attendee webinar (20,000 rows, 67 pages) at Pro rate limits',
	async run(): Promise<BenchResult> {
		const sim = await spawnSimulator('pro');
		try {
			await sim.control('PUT', 'config', { reportDelaySeconds: 0 });
			const seeded = await sim.control<{ webinars: Array<{ id: number }> }>('POST', 'seed', {
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
			await sim.control('POST', 'seed', { registrants: [{ webinarId, count: ATTENDEES, returnIds: false }] });
			const run = await sim.control<{ participants: Truth[] }>('POST', 'runs', {
				webinarId,
				durationMinutes: 90,
				allRegistrants: { join: 0, leave: 90, rejoinEvery: 1, rejoinGapMinutes: 3 },
				recording: false,
				wait: true,
			});
			const truth = new Map(run.participants.map((person) => [person.registrantId, person.totalSeconds]));
			const rows = run.participants.length * 2;

			const { harness, credential } = await engineWithSimulatorCredential(sim.baseUrl, 'bench-s2s');
			const workflow = chain(
				itemsNode([{}]),
				zoomNode(
					'Attendance',
					{
						resource: 'report',
						operation: 'attendanceSummary',
						eventType: 'webinar',
						webinarId: byId(webinarId),
						occurrence: 'latest',
						attendedWhen: 'minutes',
						minimumMinutes: 45,
						includeAbsent: false,
					},
					{ serverToServer: credential },
				),
			);

			const warmUp = await harness.run(
				chain(
					itemsNode([{}]),
					zoomNode(
						'Instances',
						{ resource: 'report', operation: 'pastInstances', eventType: 'webinar', webinarId: byId(webinarId) },
						{ serverToServer: credential },
					),
				),
			);
			if (warmUp.json('Instances').length !== 1) throw new Error('the warm-up run did not find the webinar instance');

			await sim.control('DELETE', 'requests');
			const started = performance.now();
			const result = await harness.run(workflow);
			const seconds = (performance.now() - started) / 1000;
			const people = result.json('Attendance');

			const requests = (await sim.control<{ requests: LoggedRequest[] }>('GET', 'requests')).requests;
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
			await sim.close();
		}
	},
};

export default attendance10k;

runStandalone(attendance10k, module);
