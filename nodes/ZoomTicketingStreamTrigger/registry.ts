import type { ZoomEventStream } from './stream';

/**
 * The production streams open in this n8n process, by socket URL (host and subscription). Zoom
 * serves one connection per subscription, so a manual run in the editor listens to the production
 * stream of the same subscription instead of opening a second connection that would cut it off.
 */
const productionStreams = new Map<string, ZoomEventStream>();

export function registerProductionStream(url: string, stream: ZoomEventStream): () => void {
	productionStreams.set(url, stream);
	return () => {
		if (productionStreams.get(url) === stream) productionStreams.delete(url);
	};
}

export function productionStream(url: string): ZoomEventStream | undefined {
	return productionStreams.get(url);
}
