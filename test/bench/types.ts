/** One row of `npm run bench`; fields that do not apply are null. */
export interface BenchResult {
	name: string;
	/** The headline number of the case, in `unit`. */
	figure: number;
	unit: string;
	items: number | null;
	perItemMs: number | null;
	/** The best the case could do (e.g. the time Zoom's rate limits force), in `unit`. */
	floor: number | null;
	/** The figure the case must reach, in `unit` (or as a ratio to the floor where `unit` says so). */
	target: number | null;
	/** figure / floor (or figure / target where there is no floor). */
	ratio: number | null;
	lost: number | null;
	duplicated: number | null;
	peakRssMb: number | null;
	p99AckMs: number | null;
	/** Case-specific extra figures (e.g. drainSeconds, calls per endpoint). */
	[extra: string]: unknown;
}

/**
 * A benchmark case: `test/bench/cases/<name>.ts` default-exports one. The runner runs each case
 * in its own child process, so `process.resourceUsage().maxRSS` there is the case's own peak.
 */
export interface BenchCase {
	name: string;
	description: string;
	run(): Promise<BenchResult>;
}
