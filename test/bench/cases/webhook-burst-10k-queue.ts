/**
 * webhook-burst-10k-queue: a 10,000-registrant webinar's webhooks (start, every join, every tenth
 * registrant leaving and rejoining, every leave, end: 22,002 signed deliveries) sent by the
 * simulator as fast as it can sign and send them, at the Zoom-events template in n8n queue mode
 * (main + webhook processor + 2 workers, Redis, Postgres). Worker 1 is killed (SIGKILL) once 40%
 * of the joins and leaves are in zoom_attendance. Figure: deliveries acknowledged at their first
 * attempt, per second of the first wave (Zoom retries minutes later).
 * Targets: ≥ 200/s, p99 acknowledgement < 3 s, every join and leave in zoom_attendance once.
 *
 * BENCH_BURST_REGISTRANTS overrides the 10,000 (e.g. for a quick look); BENCH_N8N_VERSION picks n8n.
 */
import { burstCase } from '../burst-result';
import { runStandalone } from '../standalone';

const webhookBurstQueue = burstCase(
	'webhook-burst-10k-queue',
	'10,000-registrant webinar webhook burst into n8n queue mode, a worker killed mid-burst',
	{
		mode: 'queue',
		killWorkerAt: 0.4,
		workers: 2,
		// Acknowledging within Zoom's 3 s comes first; the workers drain the backlog with the
		// CPU left over (the README's advice for big events).
		workerNice: 10,
		appDatabase: 'zoom_bench_burst_queue',
		n8nDatabase: 'n8n_bench_burst_queue',
	},
);

export default webhookBurstQueue;

runStandalone(webhookBurstQueue, module, { exitWhenDone: false });
