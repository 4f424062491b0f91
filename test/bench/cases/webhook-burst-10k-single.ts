/**
 * webhook-burst-10k-single: the burst of webhook-burst-10k-queue (22,002 signed deliveries of a
 * 10,000-registrant webinar) at the same template in one `n8n start` process (regular mode,
 * Postgres as its database), for comparison with queue mode on the same machine.
 * Figure: deliveries acknowledged at their first attempt per second; the same targets.
 *
 * BENCH_BURST_REGISTRANTS overrides the 10,000; BENCH_N8N_VERSION picks n8n.
 */
import { burstCase } from '../burst-result';
import { runStandalone } from '../standalone';

const webhookBurstSingle = burstCase(
	'webhook-burst-10k-single',
	'10,000-registrant webinar webhook burst into a single n8n process',
	{ mode: 'single', appDatabase: 'zoom_bench_burst_single', n8nDatabase: 'n8n_bench_burst_single' },
);

export default webhookBurstSingle;

runStandalone(webhookBurstSingle, module, { exitWhenDone: false });
