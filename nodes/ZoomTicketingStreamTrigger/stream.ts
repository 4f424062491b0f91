import type { IDataObject, Logger } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { normalizeZoomEvent } from '../ZoomTicketingTrigger/normalize';
import { HEARTBEAT_FRAME, readFrame } from './frames';
import { gapMarker } from './gap';
import type { StreamEndpoint } from './subscription';
import { socketUrlWithToken } from './subscription';
import { CredentialRefusedError, type StreamToken } from './token';

/** The part of the WHATWG WebSocket (Node's global `WebSocket`) the stream uses. */
export interface SocketLike {
	readonly readyState: number;
	binaryType: string;
	send(data: string): void;
	close(code?: number, reason?: string): void;
	onopen: (() => void) | null;
	onmessage: ((event: { data: unknown }) => void) | null;
	onclose: ((event: { code: number; reason: string }) => void) | null;
	onerror: ((event: unknown) => void) | null;
}

export interface StreamSettings {
	endpoint: StreamEndpoint;
	maxBatchSize: number;
	maxWaitMs: number;
	heartbeatMs: number;
	/** A connection that sends nothing for this long is taken for dead. */
	silenceMs: number;
	/** How long Zoom may take to confirm a new connection. */
	connectTimeoutMs: number;
	/** Longest delay between re-connect attempts. */
	maxBackoffMs: number;
	/** Manual run in the editor: emit one batch, no markers. */
	manual: boolean;
}

export interface StreamHooks {
	openSocket(url: string): SocketLike;
	fetchToken(): Promise<StreamToken>;
	emitItems(items: IDataObject[]): void;
	/** Something that will not heal by itself: n8n deactivates the trigger and runs the error workflow. */
	fail(error: Error): void;
	logger: Logger;
	now(): number;
}

/** Refused in a way that re-connecting will not fix (unknown subscription, credentials refused). */
export class StreamFatalError extends Error {}

interface Connection {
	socket: SocketLike;
	openedAt: number;
	lastFrameAt: number;
	confirmed: boolean;
	confirmedAt: number;
	nextHeartbeatAt: number;
	/** The token was fetched for this connection (a refusal then is not about staleness). */
	freshToken: boolean;
}

const OPEN = 1;
const INITIAL_BACKOFF_MS = 1000;
// After another consumer took the subscription over: give a short test run time to finish.
const REPLACED_BACKOFF_MS = 10_000;
// Takeovers this often mean two consumers share the subscription and would cut each other off forever.
export const MAX_TAKEOVERS = 5;
export const TAKEOVER_WINDOW_MS = 10 * 60_000;

function jittered(baseMs: number, attempt: number, maxMs: number): number {
	const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 20));
	return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

function frameText(data: unknown): string | undefined {
	if (typeof data === 'string') return data;
	if (data instanceof ArrayBuffer) return new TextDecoder().decode(data);
	if (data instanceof Uint8Array) return new TextDecoder().decode(data);
	return undefined;
}

/**
 * One subscription's socket, kept open: heartbeats, a watchdog for silence, re-connects with
 * jittered exponential back-off, token renewal by opening the next connection before the old one
 * is let go, and events gathered into batches. Time is driven by one `sleep` loop (n8n's verified
 * nodes may not use timers), which checks every deadline on each tick.
 */
export class ZoomEventStream {
	private closed = false;
	private current?: Connection;
	/** The connection being replaced during a token renewal, kept until the new one is confirmed. */
	private retiring?: Connection;
	private token?: StreamToken;
	private connecting = false;
	private reconnectAt?: number;
	private renewAfter = 0;
	private attempt = 0;
	private tokenRefusals = 0;
	private takeovers: number[] = [];
	private everConfirmed = false;
	private gap?: { from: number; reason: string };
	private batch: IDataObject[] = [];
	private batchDeadline = 0;
	private manualDone = false;
	private readonly tickMs: number;
	private readonly activatedAt: number;
	private firstOutcome?: { resolve: () => void; reject: (error: Error) => void };
	private readonly listeners = new Set<(items: IDataObject[]) => void>();

	constructor(
		private readonly settings: StreamSettings,
		private readonly hooks: StreamHooks,
		firstToken?: StreamToken,
	) {
		this.token = firstToken;
		this.activatedAt = hooks.now();
		this.tickMs = Math.max(10, Math.min(100, Math.floor(Math.min(settings.maxWaitMs, settings.heartbeatMs) / 4)));
	}

	/**
	 * Opens the first connection and starts the clock. Resolves once Zoom confirms it, or when it
	 * failed in a way worth retrying (the stream keeps trying); rejects when Zoom refuses for good.
	 */
	async start(): Promise<void> {
		const outcome = new Promise<void>((resolve, reject) => {
			this.firstOutcome = { resolve, reject };
		});
		void this.loop();
		void this.connect(false);
		return await outcome;
	}

	async close(): Promise<void> {
		if (this.closed) return;
		this.flush();
		this.closed = true;
		this.listeners.clear();
		this.settleFirst();
		for (const connection of [this.current, this.retiring]) if (connection) this.shut(connection, 1000, 'n8n trigger closed');
		this.current = undefined;
		this.retiring = undefined;
	}

	private settleFirst(): void {
		const outcome = this.firstOutcome;
		this.firstOutcome = undefined;
		outcome?.resolve();
	}

	private fatal(error: Error): void {
		if (this.closed) return;
		this.hooks.logger.error(`Zoom event stream stopped: ${error.message}`);
		const outcome = this.firstOutcome;
		this.firstOutcome = undefined;
		void this.close();
		if (outcome) outcome.reject(error);
		else this.hooks.fail(error);
	}

	private async loop(): Promise<void> {
		while (!this.closed) {
			await sleep(this.tickMs);
			if (this.closed) break;
			this.tick(this.hooks.now());
		}
	}

	private tick(now: number): void {
		if (this.batch.length > 0 && now >= this.batchDeadline) this.flush();
		const connection = this.current;
		if (connection) {
			if (!connection.confirmed) {
				if (now - connection.openedAt >= this.settings.connectTimeoutMs) {
					this.lost(connection, `Zoom did not confirm the connection within ${this.settings.connectTimeoutMs / 1000} s`);
				}
			} else if (now - connection.lastFrameAt >= this.settings.silenceMs) {
				this.lost(connection, `no frame from Zoom for ${Math.round((now - connection.lastFrameAt) / 1000)} s`);
			} else {
				// A server that confirms and then drops must not reset the back-off: only a connection that held.
				if (this.attempt > 0 && now - connection.confirmedAt >= this.settings.maxBackoffMs) this.attempt = 0;
				if (now >= connection.nextHeartbeatAt) {
					connection.nextHeartbeatAt = now + this.settings.heartbeatMs;
					this.send(connection, HEARTBEAT_FRAME);
				}
				// No token: a refused one was dropped, and only a new connection brings the next.
				if ((!this.token || now >= this.token.renewAt) && now >= this.renewAfter && !this.connecting && !this.retiring) {
					void this.connect(true);
				}
			}
		} else if (this.reconnectAt !== undefined && now >= this.reconnectAt && !this.connecting) {
			this.reconnectAt = undefined;
			void this.connect(false);
		}
	}

	private send(connection: Connection, text: string): void {
		try {
			if (connection.socket.readyState === OPEN) connection.socket.send(text);
		} catch (error) {
			this.hooks.logger.debug(`Zoom event stream: sending failed (${(error as Error).message})`);
		}
	}

	/** Opens a connection; `renewal` keeps the current one open until the new one is confirmed. */
	private async connect(renewal: boolean): Promise<void> {
		this.connecting = true;
		let freshToken = false;
		try {
			if (renewal || !this.token || this.hooks.now() >= this.token.renewAt) {
				this.token = await this.hooks.fetchToken();
				freshToken = true;
			}
		} catch (error) {
			this.connecting = false;
			if (error instanceof CredentialRefusedError) {
				this.fatal(new StreamFatalError(`${error.message}: check the credential's Client ID, Client Secret and Account ID`));
				return;
			}
			this.hooks.logger.warn(`Zoom event stream: no token (${(error as Error).message})`);
			if (renewal) this.renewAfter = this.hooks.now() + jittered(INITIAL_BACKOFF_MS, this.attempt++, this.settings.maxBackoffMs);
			else {
				this.startGap(undefined, 'no access token from Zoom');
				this.scheduleReconnect(INITIAL_BACKOFF_MS);
			}
			this.settleFirst();
			return;
		}
		this.connecting = false;
		if (this.closed) return;
		const now = this.hooks.now();
		let socket: SocketLike;
		try {
			socket = this.hooks.openSocket(socketUrlWithToken(this.settings.endpoint, this.token.accessToken));
		} catch (error) {
			// The client's message may quote the URL, and with it the token: name only the error.
			this.fatal(new StreamFatalError(`the socket could not be opened (${(error as Error).name}): check the Subscription field`));
			return;
		}
		const connection: Connection = { socket, openedAt: now, lastFrameAt: now, confirmed: false, confirmedAt: 0, nextHeartbeatAt: Infinity, freshToken };
		if (renewal && this.current) this.retiring = this.current;
		this.current = connection;
		socket.binaryType = 'arraybuffer';
		socket.onmessage = (event) => {
			const text = frameText(event.data);
			if (text !== undefined) this.onFrame(connection, text);
		};
		socket.onclose = (event) => this.onClose(connection, event.code, event.reason);
		// Some WebSocket clients (Node 20's) report a refused handshake with an error and no close.
		socket.onerror = () => this.lost(connection, 'the connection failed');
	}

	private onFrame(connection: Connection, text: string): void {
		if (this.closed) return;
		const now = this.hooks.now();
		connection.lastFrameAt = now;
		const frame = readFrame(text);
		switch (frame.kind) {
			case 'connected':
				this.onConfirmed(connection, now);
				return;
			case 'refused':
				this.onRefused(connection, frame.reason, frame.cause);
				return;
			case 'event':
				if (connection === this.current || connection === this.retiring) this.add(normalizeZoomEvent(frame.body), now);
				return;
			case 'tokenInvalid':
				this.token = undefined;
				this.lost(connection, `Zoom no longer accepts the token (${frame.reason})`);
				return;
			case 'replaced':
				if (connection === this.retiring) {
					this.retiring = undefined;
					this.shut(connection, 1000, 'replaced by the renewed connection');
					return;
				}
				if (connection !== this.current) return;
				if (this.settings.manual) {
					// A test run must not take the subscription back from whoever needs it.
					this.fatal(
						new StreamFatalError(
							`another connection holds the subscription ${this.settings.endpoint.subscriptionId} ("Connected in another place"): this test run stopped so as not to take it back`,
						),
					);
					return;
				}
				this.takeovers = [...this.takeovers.filter((at) => now - at < TAKEOVER_WINDOW_MS), now];
				if (this.takeovers.length >= MAX_TAKEOVERS) {
					this.fatal(
						new StreamFatalError(
							`another consumer took the subscription ${this.settings.endpoint.subscriptionId} over ${this.takeovers.length} times within ${TAKEOVER_WINDOW_MS / 60_000} minutes ("Connected in another place"): Zoom serves one connection per subscription, so give each workflow or n8n installation its own Event Subscription`,
						),
					);
					return;
				}
				this.hooks.logger.warn(
					'Zoom event stream: another consumer connected to the same subscription ("Connected in another place"); a subscription serves one connection at a time',
				);
				this.lost(connection, frame.reason, REPLACED_BACKOFF_MS);
				return;
			case 'unreadable':
				this.hooks.logger.warn(`Zoom event stream: skipped ${frame.reason}`);
				return;
			case 'heartbeat':
			case 'other':
				return;
		}
	}

	private onConfirmed(connection: Connection, now: number): void {
		if (connection !== this.current) return;
		connection.confirmed = true;
		connection.confirmedAt = now;
		connection.nextHeartbeatAt = now + this.settings.heartbeatMs;
		this.tokenRefusals = 0;
		this.renewAfter = 0;
		const previous = this.retiring;
		this.retiring = undefined;
		if (previous) this.shut(previous, 1000, 'replaced by the renewed connection');
		if (this.gap && !this.settings.manual) {
			const { from, reason } = this.gap;
			this.hooks.logger.info(`Zoom event stream re-connected after ${Math.round((now - from) / 1000)} s (${reason})`);
			this.emit([gapMarker(this.settings.endpoint.subscriptionId, from, now, reason)]);
		}
		this.gap = undefined;
		this.everConfirmed = true;
		this.settleFirst();
	}

	private onRefused(connection: Connection, reason: string, cause: 'token' | 'subscription' | 'other'): void {
		if (connection !== this.current) {
			this.shut(connection, 1000, 'refused');
			return;
		}
		if (cause === 'subscription') {
			this.fatal(
				new StreamFatalError(
					`Zoom refused the subscription ${this.settings.endpoint.subscriptionId} (${reason}): check the Subscription field against your Zoom app's Event Subscription (method WebSocket) and that it belongs to this credential's app`,
				),
			);
			return;
		}
		if (cause === 'token') {
			this.token = undefined;
			if (connection.freshToken && ++this.tokenRefusals >= 2) {
				this.fatal(
					new StreamFatalError(
						`Zoom refuses the app's new access tokens for this subscription (${reason}): the subscription must belong to the app in the credential`,
					),
				);
				return;
			}
		}
		this.lost(connection, `Zoom refused the connection (${reason})`, cause === 'token' ? 0 : INITIAL_BACKOFF_MS);
	}

	private onClose(connection: Connection, code: number, reason: string): void {
		if (connection === this.retiring) {
			this.retiring = undefined;
			return;
		}
		if (connection !== this.current || this.closed) return;
		this.lost(connection, `the connection closed (code ${code}${reason ? `, ${reason}` : ''})`);
	}

	/** A connection ended without our asking: remember the gap and try again after a back-off. */
	private lost(connection: Connection, reason: string, baseMs = INITIAL_BACKOFF_MS): void {
		if (connection === this.retiring) {
			this.retiring = undefined;
			this.shut(connection, 1000, 'dropped');
			return;
		}
		if (connection !== this.current) return;
		this.current = undefined;
		this.shut(connection, 4000, 'reconnecting');
		const fallback = this.retiring;
		if (fallback && fallback.socket.readyState === OPEN) {
			// The renewal failed but the old connection still works: keep it and renew later.
			this.retiring = undefined;
			this.current = fallback;
			this.renewAfter = this.hooks.now() + jittered(INITIAL_BACKOFF_MS, this.attempt++, this.settings.maxBackoffMs);
			this.hooks.logger.warn(`Zoom event stream: renewing the connection failed (${reason}); keeping the current one`);
			return;
		}
		this.startGap(connection, reason);
		this.hooks.logger.warn(`Zoom event stream disconnected: ${reason}`);
		this.scheduleReconnect(baseMs);
		// A refused token is retried at once with a new one; the first outcome waits for that.
		if (baseMs !== 0) this.settleFirst();
	}

	/**
	 * A gap is reported with the reason it began; failed attempts within it add nothing. Before the
	 * first confirmation events are already being missed, so that gap starts at activation.
	 */
	private startGap(connection: Connection | undefined, reason: string): void {
		if (this.gap) return;
		if (connection?.confirmed) this.gap = { from: connection.lastFrameAt, reason };
		else if (!this.everConfirmed) this.gap = { from: this.activatedAt, reason };
	}

	private scheduleReconnect(baseMs: number): void {
		const delay = baseMs === 0 && this.attempt === 0 ? 0 : jittered(Math.max(baseMs, INITIAL_BACKOFF_MS), this.attempt, this.settings.maxBackoffMs);
		this.attempt++;
		this.reconnectAt = this.hooks.now() + delay;
	}

	private shut(connection: Connection, code: number, reason: string): void {
		const socket = connection.socket;
		socket.onmessage = null;
		socket.onclose = null;
		socket.onerror = null;
		try {
			socket.close(code, reason);
		} catch (error) {
			this.hooks.logger.debug(`Zoom event stream: closing failed (${(error as Error).message})`);
		}
	}

	private add(item: IDataObject, now: number): void {
		if (this.manualDone) return;
		if (this.batch.length === 0) this.batchDeadline = now + this.settings.maxWaitMs;
		this.batch.push(item);
		if (this.batch.length >= this.settings.maxBatchSize) this.flush();
	}

	private flush(): void {
		if (this.batch.length === 0 || this.closed) return;
		const items = this.batch;
		this.batch = [];
		this.emit(items);
	}

	private emit(items: IDataObject[]): void {
		if (this.manualDone) return;
		if (this.settings.manual) this.manualDone = true;
		this.hooks.emitItems(items);
		for (const listener of this.listeners) listener(items);
	}

	/** Hands a copy of every later batch to `listener` (a manual run); returns the way to stop. */
	listen(listener: (items: IDataObject[]) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}
}
