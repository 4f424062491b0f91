/**
 * registrant-sync-10k: Sync Ticket Holders with 10,000 new ticket holders into a webinar, in the
 * n8n engine against the simulator (own process) at Pro limits. Batch registration is Heavy
 * (Pro: 10 requests in any rolling second) and carries 30 registrants, so 334 batch calls set the
 * floor. Lost and duplicated registrants come from the simulator's own state.
 */
import { SyncBench, syncParameters, ticketHolders } from '../../integration/registrants/benchSupport';
import type { BenchCase, BenchResult } from '../types';
import { runStandalone } from '../standalone';

const HOLDERS = 10_000;
const TARGET_RATIO = 1.15;

const registrantSync10k: BenchCase = {
	name: 'registrant-sync-10k',
	description: 'Sync 10,000 ticket holders into a webinar (batch registration) at Pro rate limits',
	async run(): Promise<BenchResult> {
		const bench = await SyncBench.start('pro');
		try {
			const webinarId = await bench.webinar('Sync 10k');
			const holders = ticketHolders(HOLDERS, 'sync');
			const { seconds, output, calls } = await bench.timed(syncParameters(webinarId), holders);
			const summary = output[output.length - 1];
			const audit = await bench.audit(
				webinarId,
				holders.map((holder) => String(holder.email)),
			);
			const ratio = seconds / calls.floorSeconds;
			const added = output.filter((item) => item.action === 'added').length;
			return {
				name: registrantSync10k.name,
				figure: Number(seconds.toFixed(2)),
				unit: 's wall',
				items: HOLDERS,
				perItemMs: Number(((seconds * 1000) / HOLDERS).toFixed(3)),
				floor: calls.floorSeconds,
				target: TARGET_RATIO,
				ratio: Number(ratio.toFixed(3)),
				lost: audit.lost + audit.wrongStatus,
				duplicated: audit.duplicated + audit.unexpected,
				peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
				p99AckMs: null,
				targetMet: ratio <= TARGET_RATIO && audit.lost === 0 && audit.duplicated === 0 && added === HOLDERS,
				targetReason: `${seconds.toFixed(2)} s for ${HOLDERS} holders; floor ${calls.floorSeconds} s from Zoom's Pro limits on ${JSON.stringify(calls.admittedPerCategory)}`,
				callsPerEndpoint: calls.callsPerEndpoint,
				admittedPerCategory: calls.admittedPerCategory,
				rateLimited429: calls.rateLimited429,
				addedItems: added,
				summaryComplete: summary.complete === true,
			};
		} finally {
			await bench.close();
		}
	},
};

export default registrantSync10k;

runStandalone(registrantSync10k, module);
