/** A resource-locator parameter value in its "By ID" mode. */
export function byId(value: string | number): { __rl: true; mode: 'id'; value: string } {
	return { __rl: true, mode: 'id', value: String(value) };
}

/** `date` as Zoom writes date-times: ISO 8601 in UTC, whole seconds. */
export function zoomDateTime(date: Date): string {
	return date.toISOString().replace(/\.\d+Z$/, 'Z');
}
