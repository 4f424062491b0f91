/**
 * webhook-burst-10k-queue: a 10,000-registrant webinar's webhooks (start, every join, every tenth
 * registrant leaving and rejoining, every leave, end: 22,002 signed deliveries) sent by the
 * simulator as fast as it can sign and send them, at the Zoom-events template in n8n queue mode
 * (main + webhook processor + 2 workers, Redis, Postgres). Worker 1 is killed (SIGKILL) once 40%
 * of the joins and leaves are in zoom_attendance. Figure: acknowledged deliveries per second.
 * Targets: ≥ 200/s, p99 acknowledgement < 3 s, every join and leave in zoom_attendance once.
 *
 * BENCH_BURST_REGISTRANTS overrides the 10,000 (e.g. for a quick look); BENCH_N8N_VERSION picks n8n.
 */
import type { BenchCase, BenchResult } from '../types';
import { burstResult } from '../burst-result';
import { ZOOM_RETRY_DELAYS_MS, runWebhookBurst } from '../webhook-burst';
import { runStandalone } from '../standalone';

const NAME = 'webhook-burst-10k-queue';

const webhookBurstQueue: BenchCase = {
	name: NAME,
	description: '10,000-registrant webinar webhook burst into n8n queue mode, a worker killed mid-burst',
	async run(): Promise<BenchResult> {
		const outcome = await runWebhookBurst({
			mode: 'queue',
			registrants: Number(process.env.BENCH_BURST_REGISTRANTS ?? 10_000),
			concurrency: 64,
			retryDelaysMs: ZOOM_RETRY_DELAYS_MS,
			killWorkerAt: 0.4,
			workers: 2,
			// Acknowledging within Zoom's 3 s comes first; the workers drain the backlog with the
			// CPU left over (the README's advice for big events).
			workerNice: 10,
			appDatabase: 'zoom_bench_burst_queue',
			n8nDatabase: 'n8n_bench_burst_queue',
			log: (line) => console.error(`[${NAME}] ${line}`),
		});
		return burstResult(NAME, outcome);
	},
};

export default webhookBurstQueue;

runStandalone(webhookBurstQueue, module, { exitWhenDone: false });
