import type { ZoomEventStream } from './stream';

interface ProductionStream {
	credentialId: string;
	stream: ZoomEventStream;
}

/**
 * The production streams open in this n8n process, by socket URL (host and subscription). Zoom
 * serves one connection per subscription, so a second workflow on the same subscription is
 * refused, and a manual run in the editor listens to the production stream of the same
 * subscription (with the same credential) instead of opening a second connection that would cut
 * it off.
 */
const productionStreams = new Map<string, ProductionStream>();

/** Claims the subscription for `stream`; undefined when another stream already holds it. */
export function registerProductionStream(url: string, credentialId: string, stream: ZoomEventStream): (() => void) | undefined {
	if (productionStreams.has(url)) return undefined;
	const entry = { credentialId, stream };
	productionStreams.set(url, entry);
	return () => {
		if (productionStreams.get(url) === entry) productionStreams.delete(url);
	};
}

export function productionStream(url: string): ProductionStream | undefined {
	return productionStreams.get(url);
}
