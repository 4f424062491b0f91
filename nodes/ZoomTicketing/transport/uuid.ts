/**
 * Zoom's rule for meeting and webinar UUIDs in paths: a UUID that begins with `/` or contains
 * `//` must be URL-encoded twice, any other once.
 */
export function encodeZoomUuid(uuid: string): string {
	const once = encodeURIComponent(uuid);
	return uuid.startsWith('/') || uuid.includes('//') ? encodeURIComponent(once) : once;
}
