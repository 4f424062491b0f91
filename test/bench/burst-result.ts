import type { BenchCase, BenchResult } from './types';
import {
	ZOOM_ACK_DEADLINE_MS,
	ZOOM_RETRY_DELAYS_MS,
	runWebhookBurst,
	type BurstOptions,
	type BurstOutcome,
} from './webhook-burst';

/** Accepted (acknowledged 2xx) deliveries per second the burst must sustain. */
export const BURST_TARGET_PER_SECOND = 200;

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The benchmark row of a webhook burst: figure = acknowledged deliveries per second. */
export function burstResult(name: string, outcome: BurstOutcome): BenchResult {
	const misses: string[] = [];
	if (outcome.acceptedPerSecond < BURST_TARGET_PER_SECOND) {
		misses.push(`${round(outcome.acceptedPerSecond)} events/s < ${BURST_TARGET_PER_SECOND}`);
	}
	if (outcome.ackMsP99 >= ZOOM_ACK_DEADLINE_MS) misses.push(`p99 ack ${outcome.ackMsP99} ms ≥ ${ZOOM_ACK_DEADLINE_MS}`);
	if (outcome.failed > 0) misses.push(`${outcome.failed} deliveries never acknowledged`);
	return {
		name,
		figure: round(outcome.acceptedPerSecond),
		unit: 'events/s',
		items: outcome.events,
		perItemMs: round((outcome.burstSeconds * 1000) / outcome.events, 2),
		floor: null,
		target: BURST_TARGET_PER_SECOND,
		ratio: round(outcome.acceptedPerSecond / BURST_TARGET_PER_SECOND, 3),
		lost: outcome.lost,
		duplicated: outcome.duplicated,
		peakRssMb: outcome.peakRssMb,
		p99AckMs: outcome.ackMsP99,
		targetMet: misses.length === 0,
		targetReason: misses.length === 0 ? null : misses.join('; '),
		n8nVersion: outcome.n8nVersion,
		mode: outcome.mode,
		registrants: outcome.registrants,
		expectedRows: outcome.expectedRows,
		rows: outcome.rows,
		unexpectedRows: outcome.unexpected,
		delivered: outcome.delivered,
		failedDeliveries: outcome.failed,
		retries: outcome.retries,
		acceptedFirstAttempt: outcome.acceptedFirstAttempt,
		firstWaveSeconds: round(outcome.firstWaveSeconds),
		burstSeconds: round(outcome.burstSeconds),
		ackMsP50: outcome.ackMsP50,
		ackMsMax: outcome.ackMsMax,
		drainSeconds: round(outcome.drainSeconds),
		drainRatePerSecond: round(outcome.drainRatePerSecond),
		workerKilledAtDelivered: outcome.workerKilledAtDelivered,
		workerKilledAtRows: outcome.workerKilledAtRows,
		drainEnd: outcome.drainEnd,
		workerKillSignal: outcome.workerKillSignal,
		startupSeconds: round(outcome.startupSeconds),
		loadAvgBefore: outcome.loadAvgBefore,
		loadAvgAfter: outcome.loadAvgAfter,
	};
}

/**
 * A webhook-burst benchmark case: a webinar of 10,000 registrants (BENCH_BURST_REGISTRANTS
 * overrides it), 64 deliveries in flight and Zoom's retry schedule, with the options that set the
 * case apart (mode, databases, a worker to kill).
 */
export function burstCase(
	name: string,
	description: string,
	options: Omit<BurstOptions, 'registrants' | 'log'>,
): BenchCase {
	return {
		name,
		description,
		async run(): Promise<BenchResult> {
			const outcome = await runWebhookBurst({
				registrants: Number(process.env.BENCH_BURST_REGISTRANTS ?? 10_000),
				concurrency: 64,
				retryDelaysMs: ZOOM_RETRY_DELAYS_MS,
				...options,
				log: (line) => console.error(`[${name}] ${line}`),
			});
			return burstResult(name, outcome);
		},
	};
}
