import type { BenchCase } from './types';

export interface StandaloneOptions {
	/**
	 * Exit as soon as the result is printed (default). Set false for cases whose clean-up may still
	 * be settling after `run()` resolves: the process then ends when nothing is left to do.
	 */
	exitWhenDone?: boolean;
}

/**
 * Lets a case run on its own (`npx tsx test/bench/cases/<name>.ts`): when `caseModule` is the
 * entry point, runs the case and prints its result JSON; a failure is printed and exits 1.
 * Does nothing when the runner imports the case.
 */
export function runStandalone(benchCase: BenchCase, caseModule: NodeModule, options: StandaloneOptions = {}): void {
	if (require.main !== caseModule) return;
	const exitWhenDone = options.exitWhenDone ?? true;
	benchCase.run().then(
		(result) => {
			console.log(JSON.stringify(result, null, 2));
			if (exitWhenDone) process.exit(0);
		},
		(error: Error) => {
			console.error(error);
			process.exit(1);
		},
	);
}
