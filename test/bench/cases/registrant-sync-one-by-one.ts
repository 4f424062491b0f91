/**
 * registrant-sync-one-by-one: the comparison the issue asks for. 1,000 ticket holders registered
 * with one Add per holder (what other Zoom integrations do), then the same number with Sync
 * Ticket Holders on a fresh webinar, in the same run, at Pro limits. Single adds are Light
 * (Pro: 30 per rolling second), batch adds Heavy (10 per second, 30 registrants each). The
 * figure is the time per holder one by one; the target is Sync being at least 8× faster per holder.
 */
import { addParameters, SyncBench, syncParameters, ticketHolders } from '../../integration/registrants/benchSupport';
import type { BenchCase, BenchResult } from '../types';
import { runStandalone } from '../standalone';

const HOLDERS = 1000;
const TARGET_SPEEDUP = 8;

const registrantSyncOneByOne: BenchCase = {
	name: 'registrant-sync-one-by-one',
	description: '1,000 holders with one Add each vs Sync Ticket Holders (batch), time per holder, at Pro rate limits',
	async run(): Promise<BenchResult> {
		const bench = await SyncBench.start('pro');
		try {
			const singleWebinar = await bench.webinar('One by one');
			const singleHolders = ticketHolders(HOLDERS, 'single');
			const single = await bench.timed(addParameters(singleWebinar), singleHolders);
			const singleAudit = await bench.audit(
				singleWebinar,
				singleHolders.map((holder) => String(holder.email)),
			);

			const syncWebinar = await bench.webinar('Synced');
			const syncHolders = ticketHolders(HOLDERS, 'synced');
			const sync = await bench.timed(syncParameters(syncWebinar), syncHolders);
			const syncAudit = await bench.audit(
				syncWebinar,
				syncHolders.map((holder) => String(holder.email)),
			);

			const perHolderSingleMs = (single.seconds * 1000) / HOLDERS;
			const perHolderSyncMs = (sync.seconds * 1000) / HOLDERS;
			const speedup = perHolderSingleMs / perHolderSyncMs;
			const lost = singleAudit.lost + singleAudit.wrongStatus + syncAudit.lost + syncAudit.wrongStatus;
			const duplicated = singleAudit.duplicated + singleAudit.unexpected + syncAudit.duplicated + syncAudit.unexpected;
			return {
				name: registrantSyncOneByOne.name,
				figure: Number(perHolderSingleMs.toFixed(2)),
				unit: 'ms per holder (one Add each)',
				items: HOLDERS,
				perItemMs: Number(perHolderSingleMs.toFixed(3)),
				floor: single.calls.floorSeconds,
				target: TARGET_SPEEDUP,
				ratio: Number((single.seconds / single.calls.floorSeconds).toFixed(3)),
				lost,
				duplicated,
				peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
				p99AckMs: null,
				targetMet: speedup >= TARGET_SPEEDUP && lost === 0 && duplicated === 0,
				targetReason: `Sync is ${speedup.toFixed(1)}× faster per holder (${perHolderSyncMs.toFixed(2)} ms vs ${perHolderSingleMs.toFixed(2)} ms one by one); target ≥ ${TARGET_SPEEDUP}×`,
				speedupPerHolder: Number(speedup.toFixed(2)),
				oneByOneSeconds: Number(single.seconds.toFixed(2)),
				oneByOneFloorSeconds: single.calls.floorSeconds,
				oneByOneCalls: single.calls.callsPerEndpoint,
				oneByOneRateLimited429: single.calls.rateLimited429,
				syncSeconds: Number(sync.seconds.toFixed(2)),
				syncPerHolderMs: Number(perHolderSyncMs.toFixed(3)),
				syncFloorSeconds: sync.calls.floorSeconds,
				syncCalls: sync.calls.callsPerEndpoint,
			};
		} finally {
			await bench.close();
		}
	},
};

export default registrantSyncOneByOne;

runStandalone(registrantSyncOneByOne, module);
