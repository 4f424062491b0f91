import { Clock } from './clock';
import { identityFromEnv, type Identity, type Plan } from './config';
import type { ApiRequest, HandlerTable, Sim, SimulatorOptions } from './context';
import { EventSocketHub } from './eventSocket';
import { Faults } from './faults';
import { Pager } from './pagination';
import { RateLimiter } from './ratelimit';
import { RequestLog } from './requestLog';
import { handlers } from './resources';
import { Router } from './router';
import { Runner } from './runner';
import { Store } from './state/store';
import type { Session } from './state/types';
import type { ValidationFailure } from './validation';
import { WebhookSender } from './webhooks';

/** Where a simulated event goes: Zoom's webhook, its WebSocket subscription, or both. */
export type Delivery = 'webhook' | 'socket' | 'both';

export interface Violation extends ValidationFailure {
	operationId: string;
	status: number;
	path: string;
}

/** The simulated Zoom account and everything that acts on it, independent of HTTP. */
export class Simulator implements Sim {
	readonly identity: Identity;
	readonly clock = new Clock();
	store: Store;
	pager: Pager;
	readonly webhooks: WebhookSender;
	/** Zoom's WebSocket event subscriptions (`/ws`). */
	readonly sockets: EventSocketHub;
	readonly faults = new Faults();
	readonly limiter: RateLimiter;
	readonly log = new RequestLog();
	readonly router = new Router();
	readonly handlers: HandlerTable = handlers;
	readonly runner: Runner;
	readonly violations: Violation[] = [];
	baseUrl = '';
	readonly joinDomain: string;
	plan: Plan;
	tokenTtlSeconds: number;
	reportDelaySeconds: number;
	recordingShareUrl = true;
	validateResponses: boolean;

	constructor(private readonly options: SimulatorOptions = {}) {
		this.identity = identityFromEnv(options.env ?? process.env);
		this.plan = options.plan ?? 'pro';
		this.tokenTtlSeconds = options.tokenTtlSeconds ?? 3600;
		this.reportDelaySeconds = options.reportDelaySeconds ?? 0;
		this.validateResponses = options.validateResponses ?? false;
		this.joinDomain = options.joinDomain ?? 'https://zoom.us';
		this.store = new Store(this.identity, this.clock);
		this.pager = new Pager(this.clock, this.store.ids);
		this.webhooks = new WebhookSender(this.clock, this.identity.webhookSecret);
		this.sockets = new EventSocketHub(this.clock, (token) => this.store.accessTokens.get(token));
		this.limiter = new RateLimiter(this.plan);
		this.runner = new Runner(this);
	}

	/** Back to the state right after start: seeded identity only, no faults, clock at real time. */
	reset(): void {
		this.runner.reset();
		this.webhooks.reset();
		this.sockets.reset();
		this.clock.reset();
		this.store = new Store(this.identity, this.clock);
		this.pager = new Pager(this.clock, this.store.ids);
		this.faults.clear();
		this.log.clear();
		this.violations.length = 0;
		this.plan = this.options.plan ?? 'pro';
		this.limiter.setPlan(this.plan);
		this.limiter.enabled = true;
		this.tokenTtlSeconds = this.options.tokenTtlSeconds ?? 3600;
		this.reportDelaySeconds = this.options.reportDelaySeconds ?? 0;
		this.recordingShareUrl = true;
	}

	setPlan(plan: Plan): void {
		this.plan = plan;
		this.limiter.setPlan(plan);
	}

	endLive(session: Session): void {
		this.runner.endNow(session);
	}

	emit(event: string, payload: Record<string, unknown>): void {
		this.deliver(event, this.webhooks.body(event, payload));
	}

	/** Is anyone listening on this channel: a webhook endpoint or a socket subscription. */
	listening(channel: Delivery = 'both'): boolean {
		return (channel !== 'socket' && this.webhooks.endpoints.size > 0) || (channel !== 'webhook' && this.sockets.subscriptions.size > 0);
	}

	/** Sends an event body to the webhook endpoints, the socket subscriptions or both. */
	deliver(event: string, body: string, channel: Delivery = 'both'): void {
		if (channel !== 'socket') this.webhooks.emitRaw(event, body);
		if (channel !== 'webhook') this.sockets.emitRaw(event, body);
	}

	revokeTokens(): number {
		const count = this.store.accessTokens.size;
		this.store.accessTokens.clear();
		return count;
	}

	handle(request: ApiRequest) {
		const handler = this.handlers[request.spec.operationId];
		return handler ? handler(request) : undefined;
	}
}
