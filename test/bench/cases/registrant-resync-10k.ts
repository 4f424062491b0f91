/**
 * registrant-resync-10k: Sync Ticket Holders run again over 10,000 holders who are all registered
 * already (seeded straight into the simulator), at Pro limits. Nothing is to be done: the run
 * must only read the registrants (34 pages of 300 approved, one page each of pending and denied)
 * and send no change. Figure: the list calls made (floor and target: those 36); wall time beside it.
 */
import { SyncBench, syncParameters, ticketHolders } from '../../integration/registrants/benchSupport';
import type { BenchCase, BenchResult } from '../types';
import { runStandalone } from '../standalone';

const HOLDERS = 10_000;
const PAGE_SIZE = 300;
const LIST_CALLS_TARGET = Math.ceil(HOLDERS / PAGE_SIZE) + 2;

const registrantResync10k: BenchCase = {
	name: 'registrant-resync-10k',
	description: 'Sync the same 10,000 ticket holders again (nothing to do): only list calls, at Pro rate limits',
	async run(): Promise<BenchResult> {
		const bench = await SyncBench.start('pro');
		try {
			const webinarId = await bench.webinar('Resync 10k');
			await bench.control('POST', 'seed', {
				registrants: [{ webinarId: Number(webinarId), count: HOLDERS, emailPrefix: 'resync', emailDomain: 'tickets.example.com', returnIds: false }],
			});
			const holders = ticketHolders(HOLDERS, 'resync');
			const { seconds, output, calls } = await bench.timed(syncParameters(webinarId), holders);
			const audit = await bench.audit(
				webinarId,
				holders.map((holder) => String(holder.email)),
			);
			const listCalls = calls.admittedPerEndpoint.webinarRegistrants ?? 0;
			const writes = Object.entries(calls.admittedPerEndpoint)
				.filter(([operation]) => !['webinar', 'webinarRegistrants', 'token/other'].includes(operation))
				.reduce((sum, [, count]) => sum + count, 0);
			const unchanged = output.filter((item) => item.action === 'alreadyRegistered').length;
			return {
				name: registrantResync10k.name,
				figure: listCalls,
				unit: 'list calls',
				items: HOLDERS,
				perItemMs: Number(((seconds * 1000) / HOLDERS).toFixed(3)),
				floor: LIST_CALLS_TARGET,
				target: LIST_CALLS_TARGET,
				ratio: Number((listCalls / LIST_CALLS_TARGET).toFixed(3)),
				lost: audit.lost + audit.wrongStatus,
				duplicated: audit.duplicated + audit.unexpected,
				peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
				p99AckMs: null,
				targetMet: writes === 0 && listCalls <= LIST_CALLS_TARGET && unchanged === HOLDERS,
				targetReason: `${listCalls} list calls (target ≤ ${LIST_CALLS_TARGET}), ${writes} writes, ${unchanged} holders already registered, in ${seconds.toFixed(2)} s`,
				wallSeconds: Number(seconds.toFixed(2)),
				rateFloorSeconds: calls.floorSeconds,
				writes,
				callsPerEndpoint: calls.callsPerEndpoint,
				rateLimited429: calls.rateLimited429,
			};
		} finally {
			await bench.close();
		}
	},
};

export default registrantResync10k;

runStandalone(registrantResync10k, module);
