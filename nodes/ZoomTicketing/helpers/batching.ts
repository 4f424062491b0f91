export function chunk<T>(values: readonly T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < values.length; start += size) chunks.push(values.slice(start, start + size));
	return chunks;
}

/**
 * Runs `task` over `values` with at most `limit` in flight, keeping results in input order.
 * Once `shouldStop` returns true no further task starts; the results of those never started are
 * `undefined`.
 */
export async function mapWithConcurrency<T, R>(
	values: readonly T[],
	limit: number,
	task: (value: T, index: number) => Promise<R>,
	shouldStop: () => boolean = () => false,
): Promise<Array<R | undefined>> {
	const results: Array<R | undefined> = new Array(values.length).fill(undefined);
	let next = 0;
	const worker = async () => {
		while (next < values.length && !shouldStop()) {
			const index = next++;
			results[index] = await task(values[index], index);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, values.length) }, worker));
	return results;
}
