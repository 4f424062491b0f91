/**
 * webhook-burst-10k-single: the burst of webhook-burst-10k-queue (22,002 signed deliveries of a
 * 10,000-registrant webinar) at the same template in one `n8n start` process (regular mode,
 * Postgres as its database), for comparison with queue mode on the same machine.
 * Figure: acknowledged deliveries per second; the same targets.
 *
 * BENCH_BURST_REGISTRANTS overrides the 10,000; BENCH_N8N_VERSION picks n8n.
 */
import type { BenchCase, BenchResult } from '../types';
import { burstResult } from '../burst-result';
import { ZOOM_RETRY_DELAYS_MS, runWebhookBurst } from '../webhook-burst';
import { runStandalone } from '../standalone';

const NAME = 'webhook-burst-10k-single';

const webhookBurstSingle: BenchCase = {
	name: NAME,
	description: '10,000-registrant webinar webhook burst into a single n8n process',
	async run(): Promise<BenchResult> {
		const outcome = await runWebhookBurst({
			mode: 'single',
			registrants: Number(process.env.BENCH_BURST_REGISTRANTS ?? 10_000),
			concurrency: 64,
			retryDelaysMs: ZOOM_RETRY_DELAYS_MS,
			appDatabase: 'zoom_bench_burst_single',
			n8nDatabase: 'n8n_bench_burst_single',
			log: (line) => console.error(`[${NAME}] ${line}`),
		});
		return burstResult(NAME, outcome);
	},
};

export default webhookBurstSingle;

runStandalone(webhookBurstSingle, module, { exitWhenDone: false });
