import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';

import { WebSocketServer, type WebSocket } from 'ws';

import type { Clock } from './clock';
import type { AccessToken } from './state/store';

/**
 * Zoom's WebSocket event subscriptions (`wss://ws.zoom.us/ws?subscriptionId=…&access_token=…`).
 * Documented by Zoom: the token in the query string, the `build_connection` answer, the
 * application heartbeat and its `live` answer, events as `module: "message"` frames whose
 * `content` is the webhook body as a string, no re-delivery of events that happened while no
 * connection was open. Chosen defensively where Zoom documents nothing (see README.md): one
 * consumer per subscription (a new connection closes the old one with "Connected in another
 * place"), an open connection is closed once its token expires or is revoked, refusal wordings.
 */

export interface SocketSubscription {
	id: string;
	/** Events sent to this subscription; empty means all. */
	events: string[];
	createdAt: string;
}

export interface SocketDelivery {
	seq: number;
	subscriptionId: string;
	event: string;
	body: string;
	/** `sent` on an open connection, `missed` when none was open (or it was stalled). */
	state: 'sent' | 'missed';
	at: number;
}

interface Consumer {
	ws: WebSocket;
	subscriptionId: string;
	token: string;
	connectedAt: number;
	/** Stalled: the server sends nothing and reads nothing until then (Infinity: until replaced). */
	stalledUntil: number;
}

export interface SocketStats {
	connections: number;
	refused: number;
	replaced: number;
	drops: number;
	stalls: number;
	tokenClosures: number;
	heartbeats: number;
	flaps: number;
	sent: number;
	missed: number;
	consumers: Array<{ subscriptionId: string; connectedAt: string; stalled: boolean }>;
}

type TokenLookup = (token: string) => AccessToken | undefined;

function frame(module: string, success: boolean, content: string, header: Record<string, unknown> = {}): string {
	return JSON.stringify({ module, success, content, header });
}

export class EventSocketHub {
	readonly subscriptions = new Map<string, SocketSubscription>();
	readonly deliveries: SocketDelivery[] = [];
	private readonly consumers = new Map<string, Consumer>();
	private readonly refuseUntil = new Map<string, number>();
	/** Connections still to be confirmed and closed right away, by subscription ('*': any). */
	private readonly flaps = new Map<string, number>();
	/** Connections still to be refused with "Invalid Token" whatever their token. */
	private tokenRefusals = 0;
	private readonly server = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
	private seq = 0;
	private watchdog?: NodeJS.Timeout;
	private counts = { connections: 0, refused: 0, replaced: 0, drops: 0, stalls: 0, tokenClosures: 0, heartbeats: 0, flaps: 0 };
	/** While true nothing is sent or recorded (bulk seeding of registrants). */
	muted = false;
	/** ws://127.0.0.1:<port>/ws, set when the HTTP server listens. */
	socketUrl = '';

	constructor(
		private readonly clock: Clock,
		private readonly tokens: TokenLookup,
	) {}

	/** Serves `GET /ws` upgrades on the simulator's HTTP server. */
	attach(server: Server): void {
		server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			if (url.pathname !== '/ws') {
				socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
				return;
			}
			const subscriptionId = url.searchParams.get('subscriptionId') ?? '';
			const until = this.refuseUntil.get(subscriptionId) ?? this.refuseUntil.get('*') ?? 0;
			if (Date.now() < until) {
				// An outage: the TCP connection is cut before any answer.
				this.counts.refused++;
				socket.destroy();
				return;
			}
			this.server.handleUpgrade(req, socket, head, (ws) => this.accept(ws, subscriptionId, url.searchParams.get('access_token') ?? ''));
		});
		this.watchdog = setInterval(() => this.closeExpired(), 250);
		this.watchdog.unref();
	}

	private tokenProblem(token: string): string | undefined {
		if (token === '') return 'token is empty';
		const record = this.tokens(token);
		if (!record) return 'Invalid Token';
		if (record.expiresAt <= this.clock.now()) return 'Token is invalid';
		return undefined;
	}

	private accept(ws: WebSocket, subscriptionId: string, token: string): void {
		const refuse = (reason: string) => {
			this.counts.refused++;
			ws.send(frame('build_connection', false, reason));
			ws.close(1008, reason.slice(0, 100));
		};
		if (this.tokenRefusals > 0) {
			this.tokenRefusals--;
			return refuse('Invalid Token');
		}
		const tokenProblem = this.tokenProblem(token);
		if (tokenProblem) return refuse(tokenProblem);
		if (!this.subscriptions.has(subscriptionId)) return refuse(`Invalid subscriptionId: the subscription does not exist`);

		const previous = this.consumers.get(subscriptionId);
		if (previous) {
			this.counts.replaced++;
			this.consumers.delete(subscriptionId);
			if (previous.ws.readyState === previous.ws.OPEN) {
				previous.ws.send(frame('build_connection', false, 'Connected in another place'));
				previous.ws.close(1000, 'Connected in another place');
			}
		}
		const consumer: Consumer = { ws, subscriptionId, token, connectedAt: Date.now(), stalledUntil: 0 };
		this.consumers.set(subscriptionId, consumer);
		this.counts.connections++;
		ws.on('message', (data, isBinary) => this.onMessage(consumer, isBinary ? '' : data.toString()));
		ws.on('close', () => {
			if (this.consumers.get(subscriptionId) === consumer) this.consumers.delete(subscriptionId);
		});
		ws.on('error', () => ws.terminate());
		ws.send(frame('build_connection', true, 'success'));
		const flapKey = this.flaps.has(subscriptionId) ? subscriptionId : '*';
		const flaps = this.flaps.get(flapKey) ?? 0;
		if (flaps > 0) {
			this.flaps.set(flapKey, flaps - 1);
			this.counts.flaps++;
			this.consumers.delete(subscriptionId);
			ws.close(1011, 'server error');
		}
	}

	/** The next `count` connections are refused with "Invalid Token", as Zoom does for a revoked token. */
	refuseTokens(count: number): void {
		this.tokenRefusals = count;
	}

	/** The next `count` connections are confirmed and then closed at once (a flapping server). */
	flap(subscriptionId: string | undefined, count: number): void {
		this.flaps.set(subscriptionId ?? '*', count);
	}

	private stalled(consumer: Consumer): boolean {
		return Date.now() < consumer.stalledUntil;
	}

	private onMessage(consumer: Consumer, text: string): void {
		if (this.stalled(consumer)) return;
		let message: { module?: unknown };
		try {
			message = JSON.parse(text);
		} catch {
			return;
		}
		if (message?.module !== 'heartbeat') return;
		const problem = this.tokenProblem(consumer.token);
		if (problem) {
			this.closeForToken(consumer, problem);
			return;
		}
		this.counts.heartbeats++;
		consumer.ws.send(frame('heartbeat', true, 'live'));
	}

	private closeForToken(consumer: Consumer, problem: string): void {
		this.counts.tokenClosures++;
		this.consumers.delete(consumer.subscriptionId);
		consumer.ws.send(frame('heartbeat', false, problem));
		consumer.ws.close(1008, problem);
	}

	/** A token that expires (or is revoked) while its connection is open ends the connection. */
	private closeExpired(): void {
		for (const consumer of [...this.consumers.values()]) {
			if (this.stalled(consumer)) continue;
			const problem = this.tokenProblem(consumer.token);
			if (problem) this.closeForToken(consumer, problem);
		}
	}

	create(options: { id?: string; events?: string[] } = {}): SocketSubscription & { url: string } {
		const id = options.id ?? randomBytes(16).toString('base64url');
		if (!/^[A-Za-z0-9_-]{6,128}$/.test(id)) throw new Error('id must be 6 to 128 letters, digits, _ or -');
		const subscription: SocketSubscription = { id, events: options.events ?? [], createdAt: new Date(this.clock.now()).toISOString() };
		this.subscriptions.set(id, subscription);
		return { ...subscription, url: this.urlOf(id) };
	}

	urlOf(id: string): string {
		return `${this.socketUrl}?subscriptionId=${encodeURIComponent(id)}`;
	}

	remove(id?: string): number {
		const ids = id ? [id] : [...this.subscriptions.keys()];
		let removed = 0;
		for (const each of ids) {
			if (!this.subscriptions.delete(each)) continue;
			removed++;
			const consumer = this.consumers.get(each);
			if (consumer) {
				this.consumers.delete(each);
				consumer.ws.terminate();
			}
		}
		return removed;
	}

	/** Sends an already serialised webhook body to every subscription that takes the event. */
	emitRaw(event: string, body: string): { sent: number; missed: number } {
		let sent = 0;
		let missed = 0;
		if (this.muted) return { sent, missed };
		for (const subscription of this.subscriptions.values()) {
			if (subscription.events.length > 0 && !subscription.events.includes(event)) continue;
			const consumer = this.consumers.get(subscription.id);
			const open = consumer !== undefined && consumer.ws.readyState === consumer.ws.OPEN && !this.stalled(consumer);
			this.deliveries.push({ seq: ++this.seq, subscriptionId: subscription.id, event, body, state: open ? 'sent' : 'missed', at: Date.now() });
			if (open) {
				consumer.ws.send(frame('message', true, body));
				sent++;
			} else missed++;
		}
		return { sent, missed };
	}

	private targets(subscriptionId?: string): Consumer[] {
		return subscriptionId ? [this.consumers.get(subscriptionId)].filter((c): c is Consumer => c !== undefined) : [...this.consumers.values()];
	}

	/** Cuts open connections without a close frame; new connections are cut too for `refuseMs`. */
	drop(subscriptionId?: string, refuseMs = 0): number {
		const targets = this.targets(subscriptionId);
		if (refuseMs > 0) this.refuseUntil.set(subscriptionId ?? '*', Date.now() + refuseMs);
		for (const consumer of targets) {
			this.counts.drops++;
			this.consumers.delete(consumer.subscriptionId);
			consumer.ws.terminate();
		}
		return targets.length;
	}

	/** Keeps connections open but silent (no heartbeat answers, events missed) for `ms`, or until replaced. */
	stall(subscriptionId?: string, ms?: number): number {
		const targets = this.targets(subscriptionId);
		for (const consumer of targets) {
			this.counts.stalls++;
			consumer.stalledUntil = ms === undefined ? Infinity : Date.now() + ms;
		}
		return targets.length;
	}

	/** Expires the tokens of open connections now; the connections then close as for any expiry. */
	expireTokens(subscriptionId?: string): number {
		const targets = this.targets(subscriptionId);
		for (const consumer of targets) {
			const record = this.tokens(consumer.token);
			if (record) record.expiresAt = this.clock.now();
		}
		this.closeExpired();
		return targets.length;
	}

	stats(): SocketStats {
		let sent = 0;
		let missed = 0;
		for (const delivery of this.deliveries) {
			if (delivery.state === 'sent') sent++;
			else missed++;
		}
		return {
			...this.counts,
			sent,
			missed,
			consumers: [...this.consumers.values()].map((c) => ({
				subscriptionId: c.subscriptionId,
				connectedAt: new Date(c.connectedAt).toISOString(),
				stalled: this.stalled(c),
			})),
		};
	}

	reset(): void {
		for (const consumer of this.consumers.values()) consumer.ws.terminate();
		this.consumers.clear();
		this.subscriptions.clear();
		this.deliveries.length = 0;
		this.refuseUntil.clear();
		this.flaps.clear();
		this.tokenRefusals = 0;
		this.seq = 0;
		this.counts = { connections: 0, refused: 0, replaced: 0, drops: 0, stalls: 0, tokenClosures: 0, heartbeats: 0, flaps: 0 };
	}

	close(): void {
		if (this.watchdog) clearInterval(this.watchdog);
		for (const ws of this.server.clients) ws.terminate();
		this.consumers.clear();
		this.server.close();
	}
}
