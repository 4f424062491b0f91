import { createHmac, randomUUID } from 'node:crypto';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

import type { Clock } from './clock';

export interface WebhookEndpoint {
	id: string;
	url: string;
	secret: string;
	/** Events delivered to this endpoint; empty means all. */
	events: string[];
	validatedAt: string;
}

export interface WebhookOptions {
	/** How long an endpoint has to answer with 2xx (Zoom: 3 s). */
	ackTimeoutMs: number;
	/** Delays before each retry. Zoom retries after 5, 30 and 90 minutes; scaled down by default. */
	retryDelaysMs: number[];
	/** Deliveries in flight at once, across all endpoints. */
	concurrency: number;
}

export interface DeliveryAttempt {
	at: string;
	status?: number;
	error?: string;
	ms: number;
}

export interface Delivery {
	seq: number;
	endpointId: string;
	event: string;
	body: string;
	attempts: DeliveryAttempt[];
	state: 'pending' | 'delivered' | 'failed';
	/** Milliseconds from the first attempt's start to its 2xx. */
	ackMs?: number;
}

export const DEFAULT_WEBHOOK_OPTIONS: WebhookOptions = { ackTimeoutMs: 3000, retryDelaysMs: [300, 1800, 5400], concurrency: 16 };

const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 256 });
const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 256 });

/** Zoom's webhook signature: `v0=` + hex HMAC-SHA256(secret, `v0:{timestamp}:{body}`). */
export function signature(secret: string, timestamp: string, body: string): string {
	return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

interface PostResult {
	status: number;
	text: string;
}

function post(url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<PostResult> {
	return new Promise((resolve, reject) => {
		const target = new URL(url);
		const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
		const req = send(
			target,
			{
				method: 'POST',
				headers: { ...headers, 'content-length': Buffer.byteLength(body) },
				agent: target.protocol === 'https:' ? httpsAgent : httpAgent,
				timeout: timeoutMs,
			},
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (chunk: string) => (text += chunk));
				res.on('end', () => {
					clearTimeout(timer);
					resolve({ status: res.statusCode ?? 0, text });
				});
				res.on('error', reject);
			},
		);
		const timer = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
		req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
		req.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		req.end(body);
	});
}

/**
 * Zoom's webhook sender: validates an endpoint with the `endpoint.url_validation` handshake
 * before accepting it, signs each delivery, and retries deliveries not acknowledged with a 2xx
 * within the deadline. The body of a retry is byte-identical to the first attempt; only the
 * timestamp and signature headers are new.
 */
export class WebhookSender {
	readonly endpoints = new Map<string, WebhookEndpoint>();
	readonly deliveries: Delivery[] = [];
	options: WebhookOptions = { ...DEFAULT_WEBHOOK_OPTIONS, retryDelaysMs: [...DEFAULT_WEBHOOK_OPTIONS.retryDelaysMs] };
	private readonly queue: Delivery[] = [];
	private inFlight = 0;
	private timers = new Set<NodeJS.Timeout>();
	private waiters: Array<() => void> = [];
	private seq = 0;

	constructor(
		private readonly clock: Clock,
		private secret: string,
	) {}

	setSecret(secret: string): void {
		this.secret = secret;
	}

	private headers(secret: string, body: string): Record<string, string> {
		const timestamp = String(Math.floor(this.clock.now() / 1000));
		return {
			'content-type': 'application/json; charset=utf-8',
			'user-agent': 'Zoom Marketplace/1.0a',
			'x-zm-request-timestamp': timestamp,
			'x-zm-signature': signature(secret, timestamp, body),
			'x-zm-trackingid': `v=2.0;clid=us01;rid=${randomUUID()}`,
		};
	}

	/** Performs the URL validation handshake and registers the endpoint only if it passes. */
	async register(url: string, options: { secret?: string; events?: string[] } = {}): Promise<WebhookEndpoint> {
		const secret = options.secret ?? this.secret;
		const plainToken = randomUUID().replace(/-/g, '');
		const body = JSON.stringify({
			payload: { plainToken },
			event_ts: this.clock.now(),
			event: 'endpoint.url_validation',
		});
		let answer: PostResult;
		try {
			answer = await post(url, this.headers(secret, body), body, this.options.ackTimeoutMs);
		} catch (error) {
			throw new Error(`URL validation failed: ${(error as Error).message}`);
		}
		if (answer.status !== 200) throw new Error(`URL validation failed: the endpoint answered HTTP ${answer.status}`);
		let parsed: { plainToken?: unknown; encryptedToken?: unknown };
		try {
			parsed = JSON.parse(answer.text);
		} catch {
			throw new Error('URL validation failed: the answer is not JSON');
		}
		const expected = createHmac('sha256', secret).update(plainToken).digest('hex');
		if (parsed.plainToken !== plainToken || parsed.encryptedToken !== expected) {
			throw new Error('URL validation failed: plainToken or encryptedToken does not match');
		}
		const endpoint: WebhookEndpoint = {
			id: randomUUID(),
			url,
			secret,
			events: options.events ?? [],
			validatedAt: new Date(this.clock.now()).toISOString(),
		};
		this.endpoints.set(endpoint.id, endpoint);
		return endpoint;
	}

	/** The exact body Zoom would send for an event. */
	body(event: string, payload: Record<string, unknown>, eventTs = this.clock.now()): string {
		return JSON.stringify({ event, payload, event_ts: eventTs });
	}

	/** Queues an event for every endpoint subscribed to it; returns the number of deliveries queued. */
	emit(event: string, payload: Record<string, unknown>, eventTs?: number): number {
		if (this.endpoints.size === 0) return 0;
		return this.emitRaw(event, this.body(event, payload, eventTs));
	}

	/** Queues an already serialised body (used where Zoom adds top-level keys, e.g. `download_token`). */
	emitRaw(event: string, body: string): number {
		if (this.endpoints.size === 0) return 0;
		let queued = 0;
		for (const endpoint of this.endpoints.values()) {
			if (endpoint.events.length > 0 && !endpoint.events.includes(event)) continue;
			const delivery: Delivery = { seq: ++this.seq, endpointId: endpoint.id, event, body, attempts: [], state: 'pending' };
			this.deliveries.push(delivery);
			this.queue.push(delivery);
			queued++;
		}
		this.pump();
		return queued;
	}

	private pump(): void {
		while (this.inFlight < this.options.concurrency && this.queue.length > 0) {
			const delivery = this.queue.shift()!;
			this.inFlight++;
			void this.attempt(delivery).finally(() => {
				this.inFlight--;
				this.pump();
				this.notifyIfIdle();
			});
		}
	}

	private async attempt(delivery: Delivery): Promise<void> {
		const endpoint = this.endpoints.get(delivery.endpointId);
		if (!endpoint) {
			delivery.state = 'failed';
			return;
		}
		const started = Date.now();
		const record: DeliveryAttempt = { at: new Date(this.clock.now()).toISOString(), ms: 0 };
		delivery.attempts.push(record);
		try {
			const answer = await post(endpoint.url, this.headers(endpoint.secret, delivery.body), delivery.body, this.options.ackTimeoutMs);
			record.status = answer.status;
		} catch (error) {
			record.error = (error as Error).message;
		}
		record.ms = Date.now() - started;
		if (record.status !== undefined && record.status >= 200 && record.status < 300) {
			delivery.state = 'delivered';
			delivery.ackMs = record.ms;
			return;
		}
		const retry = delivery.attempts.length - 1;
		if (retry >= this.options.retryDelaysMs.length) {
			delivery.state = 'failed';
			return;
		}
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			this.queue.push(delivery);
			this.pump();
		}, this.options.retryDelaysMs[retry]);
		this.timers.add(timer);
	}

	get pending(): number {
		return this.queue.length + this.inFlight + this.timers.size;
	}

	private notifyIfIdle(): void {
		if (this.pending > 0) return;
		const waiters = this.waiters;
		this.waiters = [];
		for (const resolve of waiters) resolve();
	}

	/** Resolves when every queued delivery has been acknowledged or has used up its retries. */
	idle(): Promise<void> {
		if (this.pending === 0) return Promise.resolve();
		return new Promise((resolve) => this.waiters.push(resolve));
	}

	stats(): Record<string, unknown> {
		let delivered = 0;
		let failed = 0;
		let attempts = 0;
		const acks: number[] = [];
		for (const d of this.deliveries) {
			attempts += d.attempts.length;
			if (d.state === 'delivered') {
				delivered++;
				acks.push(d.ackMs ?? 0);
			} else if (d.state === 'failed') failed++;
		}
		acks.sort((a, b) => a - b);
		const pick = (q: number) => (acks.length ? acks[Math.min(acks.length - 1, Math.floor(q * acks.length))] : null);
		return {
			deliveries: this.deliveries.length,
			delivered,
			failed,
			pending: this.pending,
			attempts,
			retries: attempts - this.deliveries.filter((d) => d.attempts.length > 0).length,
			ackMsP50: pick(0.5),
			ackMsP99: pick(0.99),
		};
	}

	reset(): void {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		this.queue.length = 0;
		this.deliveries.length = 0;
		this.endpoints.clear();
		this.notifyIfIdle();
	}
}
