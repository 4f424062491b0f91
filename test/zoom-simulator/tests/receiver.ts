import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
	event: string;
	raw: string;
	body: any;
	timestamp: string;
	signatureValid: boolean;
}

export interface Receiver {
	url: string;
	received: Received[];
	/** Decides the HTTP status for each event delivery (default 200). */
	respond: (delivery: Received, attempt: number) => number | Promise<number>;
	close(): Promise<void>;
}

function readRaw(req: IncomingMessage): Promise<string> {
	return new Promise((resolve) => {
		let text = '';
		req.setEncoding('utf8');
		req.on('data', (chunk: string) => (text += chunk));
		req.on('end', () => resolve(text));
	});
}

/**
 * A webhook endpoint written from Zoom's documentation: it answers the URL validation challenge
 * and checks `x-zm-signature` against HMAC-SHA256 of `v0:{timestamp}:{raw body}`.
 */
export async function startReceiver(secret: string, options: { breakHandshake?: boolean } = {}): Promise<Receiver> {
	const attempts = new Map<string, number>();
	const receiver: Receiver = {
		url: '',
		received: [],
		respond: () => 200,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
	const server: Server = createServer(async (req, res) => {
		const raw = await readRaw(req);
		const timestamp = String(req.headers['x-zm-request-timestamp'] ?? '');
		const expected = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${raw}`).digest('hex')}`;
		const given = String(req.headers['x-zm-signature'] ?? '');
		const signatureValid = given.length === expected.length && timingSafeEqual(new TextEncoder().encode(given), new TextEncoder().encode(expected));
		const body = JSON.parse(raw);
		if (body.event === 'endpoint.url_validation') {
			const plainToken = body.payload.plainToken as string;
			const encryptedToken = createHmac('sha256', options.breakHandshake ? 'wrong' : secret).update(plainToken).digest('hex');
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify({ plainToken, encryptedToken }));
			return;
		}
		const delivery: Received = { event: body.event, raw, body, timestamp, signatureValid };
		receiver.received.push(delivery);
		const attempt = (attempts.get(raw) ?? 0) + 1;
		attempts.set(raw, attempt);
		const status = await receiver.respond(delivery, attempt);
		res.writeHead(status);
		res.end();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/zoom/events`;
	return receiver;
}
