/**
 * trigger-burst-1k: 1,000 signed Zoom events from the simulator's webhook sender at the Zoom
 * Ticketing Trigger running in real n8n (single process, SQLite), then 1,000 forged requests.
 * The simulator sends as Zoom does: 16 deliveries in flight, a retry when no 2xx comes within 3 s.
 * Figure: p99 acknowledgement time of the signed deliveries (Zoom's deadline is 3 s). Every
 * signed event must be accepted at the first attempt and reach the workflow's next node once;
 * every forged request must be refused without an execution.
 */
import { runTriggerBurst } from '../../integration/trigger/burst';
import type { BenchCase, BenchResult } from '../types';
import { runStandalone } from '../standalone';

const SIGNED = 1000;
const FORGED = 1000;
const ZOOM_ACK_DEADLINE_MS = 3000;

const triggerBurst1k: BenchCase = {
	name: 'trigger-burst-1k',
	description: '1,000 signed Zoom webhooks (simulator) then 1,000 forged ones at the trigger in real n8n',
	async run(): Promise<BenchResult> {
		const outcome = await runTriggerBurst({
			signedEvents: SIGNED,
			forgedEvents: FORGED,
			log: (line) => console.error(`[trigger-burst-1k] ${line}`),
		});

		const forgedAccepted = Object.entries(outcome.forgedStatuses)
			.filter(([status]) => status.startsWith('2'))
			.reduce((sum, [, count]) => sum + count, 0);
		const forgedExecutions = outcome.executionsAfterForged - outcome.executionsAfterSigned;
		if (forgedAccepted > 0 || forgedExecutions > 0 || outcome.sinkAfterForged !== outcome.sinkReceived) {
			throw new Error(
				`forged requests got in: ${forgedAccepted} acknowledged, ${forgedExecutions} executions (statuses ${JSON.stringify(outcome.forgedStatuses)})`,
			);
		}

		const allAccepted = outcome.acceptedFirstAttempt === SIGNED && outcome.retries === 0;
		const fastEnough = outcome.ackMsP99 < ZOOM_ACK_DEADLINE_MS;
		return {
			name: triggerBurst1k.name,
			figure: outcome.ackMsP99,
			unit: 'ms p99 ack',
			items: outcome.signedSent,
			perItemMs: (outcome.burstSeconds * 1000) / outcome.signedSent,
			floor: null,
			target: ZOOM_ACK_DEADLINE_MS,
			ratio: outcome.ackMsP99 / ZOOM_ACK_DEADLINE_MS,
			lost: SIGNED - outcome.sinkDistinctEventIds,
			duplicated: outcome.sinkReceived - outcome.sinkDistinctEventIds,
			peakRssMb: null,
			p99AckMs: outcome.ackMsP99,
			targetMet: allAccepted && fastEnough,
			targetReason: allAccepted ? `p99 ack ${outcome.ackMsP99} ms` : `${SIGNED - outcome.acceptedFirstAttempt} not acknowledged at the first attempt`,
			n8nVersion: outcome.n8nVersion,
			acceptedPerSecond: Math.round(outcome.signedSent / outcome.burstSeconds),
			ackMsP50: outcome.ackMsP50,
			ackMsMax: outcome.ackMsMax,
			acceptedFirstAttempt: outcome.acceptedFirstAttempt,
			retries: outcome.retries,
			drainSeconds: Number(outcome.drainSeconds.toFixed(1)),
			executions: outcome.executionsAfterSigned,
			forgedSent: outcome.forgedSent,
			forgedStatuses: outcome.forgedStatuses,
			forgedExecutions,
		};
	},
};

export default triggerBurst1k;

runStandalone(triggerBurst1k, module, { exitWhenDone: false });
