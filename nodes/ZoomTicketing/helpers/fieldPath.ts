/** The value at a dotted path in an item's JSON (`holder.email`, `answers.0.value`); a key that itself contains dots wins. */
export function getField(json: unknown, path: string): unknown {
	if (json === null || typeof json !== 'object') return undefined;
	const record = json as Record<string, unknown>;
	if (path in record) return record[path];
	const dot = path.indexOf('.');
	if (dot === -1) return undefined;
	return getField(record[path.slice(0, dot)], path.slice(dot + 1));
}
