import type { ReceivedEmail, SinkRequest, SinkRoute, Ticket } from '../e2e/sinks';

const SECRET_KEY = /secret|password|passcode|token|api[-_]?key|authorization|^pwd$/i;
const SECRET_QUERY = /([?&](?:pwd|token|access_token|download_token|signature|sig)=)[^&\s"']+/gi;

/** A copy of a value with every secret-looking field and URL parameter replaced by ***. */
export function maskSecrets(value: unknown): unknown {
	if (typeof value === 'string') return value.replace(SECRET_QUERY, '$1***');
	if (Array.isArray(value)) return value.map(maskSecrets);
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([key, entry]) => [key, SECRET_KEY.test(key) && entry ? '***' : maskSecrets(entry)]),
		);
	}
	return value;
}

export function shorten(text: string, max = 400): string {
	const oneLine = text.replace(/\s+/g, ' ').trim();
	return oneLine.length > max ? `${oneLine.slice(0, max)}… (${oneLine.length} characters)` : oneLine;
}

export function describeRequest(request: SinkRequest): string {
	const auth = request.authorization ? ' [Authorization: ***]' : '';
	const body = request.body === undefined ? '' : ` ${shorten(JSON.stringify(maskSecrets(request.body)))}`;
	return `${request.method} ${request.path}${auth}${body}`;
}

export function describeEmail(email: ReceivedEmail): string {
	return `to ${email.to}: "${email.subject}" ${shorten(String(maskSecrets(email.text)), 300)}`;
}

interface TicketOrder {
	id?: string;
	email?: string;
	first_name?: string;
	last_name?: string;
	attendance_mode?: Ticket['attendance_mode'];
	/** false: the platform records the ticket but its webhook to n8n is "lost" (for the reconcile). */
	webhook?: boolean;
}

interface EventOrder {
	id?: string;
	title?: string;
	start_time?: string;
	duration?: number;
	timezone?: string;
	capacity?: number;
	attendance_threshold_minutes?: number;
}

export interface DemoPlatformOptions {
	/** The n8n webhook URL of a ticketing event (event-published, ticket-purchased, ticket-refunded). */
	webhookUrl: (event: string) => string;
	apiKey: string;
	/** The list the stand-in serves to the reconcile. */
	tickets: () => Ticket[];
	/** The stand-in's own base URL (event pages live under it). */
	baseUrl: () => string;
}

export interface WebhookAnswer {
	status: number;
	body: unknown;
}

/**
 * The ticketing platform's own side for the walkthrough: events are published and tickets sold and
 * refunded here, tickets kept in the list the nightly reconcile reads, and each change announced to
 * n8n by webhook as a platform would.
 *   POST /events {id, title, start_time?, duration?, timezone?, capacity?, attendance_threshold_minutes?}
 *   POST /events/<eventId>/tickets {email, first_name?, last_name?, id?, attendance_mode?, webhook?}
 *   POST /tickets/<ticketId>/refund {webhook?}
 */
export function demoPlatform(options: DemoPlatformOptions) {
	let sold = 0;
	const notify = async (event: string, payload: unknown): Promise<WebhookAnswer> => {
		try {
			const response = await fetch(options.webhookUrl(event), {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', 'X-Api-Key': options.apiKey },
				body: JSON.stringify(payload),
			});
			const text = await response.text();
			let body: unknown = text;
			try {
				body = JSON.parse(text);
			} catch {
				// n8n answered with plain text
			}
			return { status: response.status, body };
		} catch (error) {
			return { status: 502, body: { error: `n8n did not answer: ${(error as Error).message}` } };
		}
	};

	/** Sends n8n the event-published webhook, with defaults for what the order leaves out. */
	const publish = async (order: EventOrder) => {
		const id = String(order.id);
		const inAWeek = new Date(Date.now() + 7 * 24 * 3600_000).toISOString().slice(0, 13) + ':00:00Z';
		const event = {
			id,
			title: order.title ?? id,
			start_time: order.start_time ?? inAWeek,
			duration: order.duration ?? 60,
			timezone: order.timezone ?? 'UTC',
			capacity: order.capacity ?? 50,
			attendance_threshold_minutes: order.attendance_threshold_minutes ?? 30,
			online_access_url: `${options.baseUrl()}/events/${encodeURIComponent(id)}/online-access`,
		};
		return { event, n8n: await notify('event-published', { event }) };
	};

	const route: SinkRoute = async (request) => {
		if (request.method !== 'POST') return undefined;
		if (request.path === '/events') {
			const order = (request.body ?? {}) as EventOrder;
			if (typeof order.id !== 'string' || !order.id) return { status: 400, body: { error: 'id is required: the event\'s id on the platform' } };
			return { status: 201, body: await publish(order) };
		}
		const order = (request.body ?? {}) as TicketOrder;
		const purchase = /^\/events\/([^/]+)\/tickets$/.exec(request.path);
		if (purchase) {
			if (typeof order.email !== 'string' || !order.email.includes('@')) {
				return { status: 400, body: { error: 'email is required: the ticket holder\'s email address' } };
			}
			sold += 1;
			const ticket: Ticket = {
				id: order.id ?? `tkt-${Date.now()}-${sold}`,
				event_id: decodeURIComponent(purchase[1]),
				status: 'valid',
				attendance_mode: order.attendance_mode ?? 'virtual',
				holder: { email: order.email, first_name: order.first_name ?? '', last_name: order.last_name ?? '' },
			};
			const existing = options.tickets().findIndex((entry) => entry.id === ticket.id);
			if (existing >= 0) options.tickets().splice(existing, 1, ticket);
			else options.tickets().push(ticket);
			if (order.webhook === false) return { status: 201, body: { ticket, n8n: 'not notified (webhook: false)' } };
			return { status: 201, body: { ticket, n8n: await notify('ticket-purchased', { ticket }) } };
		}
		const refund = /^\/tickets\/([^/]+)\/refund$/.exec(request.path);
		if (refund) {
			const ticket = options.tickets().find((entry) => entry.id === decodeURIComponent(refund[1]));
			if (!ticket) return { status: 404, body: { error: `no ticket ${decodeURIComponent(refund[1])} was sold here` } };
			ticket.status = 'refunded';
			if (order.webhook === false) return { status: 200, body: { ticket, n8n: 'not notified (webhook: false)' } };
			return { status: 200, body: { ticket, n8n: await notify('ticket-refunded', { ticket }) } };
		}
		return undefined;
	};
	return { route, publish };
}
