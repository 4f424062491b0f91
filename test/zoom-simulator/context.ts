import type { Clock } from './clock';
import type { Identity, Plan } from './config';
import type { SpecOperation } from './openapi';
import type { Pager } from './pagination';
import type { AccessToken, Store } from './state/store';
import type { Session, User } from './state/types';
import type { WebhookSender } from './webhooks';

export interface SimulatorOptions {
	port?: number;
	plan?: Plan;
	tokenTtlSeconds?: number;
	/** Seconds, in simulated time, between a meeting's end and its participant report. */
	reportDelaySeconds?: number;
	/** Validate every response against Zoom's schema and record mismatches (`GET /_sim/violations`). */
	validateResponses?: boolean;
	env?: NodeJS.ProcessEnv;
	/** Domain used in join and registration URLs. */
	joinDomain?: string;
}

/** What request handlers see of the running simulator. */
export interface Sim {
	readonly identity: Identity;
	readonly clock: Clock;
	readonly store: Store;
	readonly pager: Pager;
	readonly webhooks: WebhookSender;
	readonly baseUrl: string;
	readonly joinDomain: string;
	plan: Plan;
	tokenTtlSeconds: number;
	reportDelaySeconds: number;
	/**
	 * Whether a recording's GET answer carries `share_url`: Zoom's current OpenAPI no longer
	 * declares it, so a test can turn it off and see what the node does without it.
	 */
	recordingShareUrl: boolean;
	/** Ends a running meeting or webinar as its host would. */
	endLive(session: Session): void;
	/** Queues a webhook event for the registered endpoints (no-op when none is registered). */
	emit(event: string, payload: Record<string, unknown>): void;
}

export interface ApiRequest {
	sim: Sim;
	spec: SpecOperation;
	user: User;
	token: AccessToken;
	params: Record<string, string>;
	query: Record<string, unknown>;
	body: any;
}

export interface ApiResult {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
}

export type Handler = (request: ApiRequest) => ApiResult;
export type HandlerTable = Record<string, Handler>;
