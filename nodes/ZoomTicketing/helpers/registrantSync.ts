/**
 * The ticket holder ↔ Zoom registrant reconciliation, free of any n8n or HTTP concern.
 *
 * One Zoom registration exists per email address, so holders are grouped by normalized email:
 * an email is wanted when at least one of its tickets is valid.
 */

export const TICKET_STATUSES = ['valid', 'refunded', 'cancelled'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export type RegistrantStatus = 'approved' | 'pending' | 'denied';

export interface CustomAnswer {
	title: string;
	value: string;
}

export interface TicketHolder {
	itemIndex: number;
	ticketId: string;
	email: string;
	firstName: string;
	lastName?: string;
	status: TicketStatus;
	customQuestions?: CustomAnswer[];
}

export interface CurrentRegistrant {
	id: string;
	email: string;
	status: RegistrantStatus;
	joinUrl?: string;
}

export type PlanAction = 'add' | 'approve' | 'remove' | 'none';

export interface PlanEntry {
	/** Normalised (trimmed, lower-case) email. */
	email: string;
	/** Input holders with this email, in input order; empty for a registrant absent from the input. */
	holders: TicketHolder[];
	wanted: boolean;
	action: PlanAction;
	registrant?: CurrentRegistrant;
	/** The holder whose details are sent to Zoom (the first valid ticket of this email). */
	primary?: TicketHolder;
}

export interface SyncPlan {
	entries: PlanEntry[];
	add: PlanEntry[];
	approve: PlanEntry[];
	remove: PlanEntry[];
	/** Registrants in Zoom whose email no input holder has; removed only when asked to. */
	absent: PlanEntry[];
}

export interface PlanOptions {
	/** Also remove approved or pending registrants whose email is in no input item. */
	removeAbsent: boolean;
	/** Emails that must never be removed as absent (e.g. input rows that failed validation). */
	protectedEmails?: Iterable<string>;
}

export function normalizeEmail(email: string): string {
	return email.trim().toLowerCase();
}

const STATUS_RANK: Record<RegistrantStatus, number> = { approved: 0, pending: 1, denied: 2 };

function indexRegistrants(current: CurrentRegistrant[]): Map<string, CurrentRegistrant> {
	const byEmail = new Map<string, CurrentRegistrant>();
	for (const registrant of current) {
		const email = normalizeEmail(registrant.email);
		const known = byEmail.get(email);
		if (!known || STATUS_RANK[registrant.status] < STATUS_RANK[known.status]) byEmail.set(email, registrant);
	}
	return byEmail;
}

function isActive(registrant: CurrentRegistrant | undefined): boolean {
	return registrant !== undefined && registrant.status !== 'denied';
}

export function buildSyncPlan(holders: TicketHolder[], current: CurrentRegistrant[], options: PlanOptions): SyncPlan {
	const registrants = indexRegistrants(current);
	const groups = new Map<string, TicketHolder[]>();
	for (const holder of holders) {
		const email = normalizeEmail(holder.email);
		const group = groups.get(email);
		if (group) group.push(holder);
		else groups.set(email, [holder]);
	}

	const plan: SyncPlan = { entries: [], add: [], approve: [], remove: [], absent: [] };
	for (const [email, group] of groups) {
		const registrant = registrants.get(email);
		const primary = group.find((holder) => holder.status === 'valid');
		const wanted = primary !== undefined;
		let action: PlanAction = 'none';
		if (wanted && !registrant) action = 'add';
		else if (wanted && registrant?.status === 'denied') action = 'approve';
		else if (!wanted && isActive(registrant)) action = 'remove';

		const entry: PlanEntry = { email, holders: group, wanted, action, registrant, primary };
		plan.entries.push(entry);
		if (action === 'add') plan.add.push(entry);
		if (action === 'approve') plan.approve.push(entry);
		if (action === 'remove') plan.remove.push(entry);
	}

	const protectedEmails = new Set([...(options.protectedEmails ?? [])].map(normalizeEmail));
	for (const [email, registrant] of registrants) {
		if (groups.has(email) || protectedEmails.has(email) || !isActive(registrant)) continue;
		const entry: PlanEntry = {
			email,
			holders: [],
			wanted: false,
			action: options.removeAbsent ? 'remove' : 'none',
			registrant,
		};
		plan.absent.push(entry);
		if (options.removeAbsent) plan.remove.push(entry);
	}
	return plan;
}

/** What happened to one plan entry when the plan was applied. */
export type EntryResult =
	| { kind: 'done'; registrantId?: string; joinUrl?: string }
	| { kind: 'failed'; reason: string }
	| { kind: 'notDone'; reason: string };

export type ItemAction =
	| 'added'
	| 'alreadyRegistered'
	| 'reinstated'
	| 'sharedRegistrant'
	| 'cancelled'
	| 'deleted'
	| 'alreadyCancelled'
	| 'notRegistered'
	| 'keptForOtherTicket'
	| 'failed'
	| 'notDone';

export interface ItemOutcome {
	ticketId: string;
	email: string;
	ticketStatus: TicketStatus;
	action: ItemAction;
	registrantId?: string;
	joinUrl?: string;
	reason?: string;
	/** Other tickets of this input that share the email (and therefore the one registration). */
	sharedWithTickets?: string[];
}

export type RemovalMode = 'cancel' | 'delete';

/** The outcome for one input holder, given its entry and what applying that entry did. */
export function outcomeFor(entry: PlanEntry, holder: TicketHolder, result: EntryResult | undefined, mode: RemovalMode): ItemOutcome {
	const outcome: ItemOutcome = {
		ticketId: holder.ticketId,
		email: entry.email,
		ticketStatus: holder.status,
		action: 'notRegistered',
	};
	const others = entry.holders.filter((other) => other !== holder).map((other) => other.ticketId);
	if (others.length > 0) outcome.sharedWithTickets = others;

	if (entry.action !== 'none' && result && result.kind !== 'done') {
		outcome.action = result.kind;
		outcome.reason = result.reason;
		if (entry.registrant) outcome.registrantId = entry.registrant.id;
		return outcome;
	}

	const registrantId = (result?.kind === 'done' ? result.registrantId : undefined) ?? entry.registrant?.id;
	const joinUrl = (result?.kind === 'done' ? result.joinUrl : undefined) ?? entry.registrant?.joinUrl;

	if (entry.wanted) {
		if (registrantId) outcome.registrantId = registrantId;
		if (joinUrl) outcome.joinUrl = joinUrl;
		if (holder.status !== 'valid') outcome.action = 'keptForOtherTicket';
		else if (holder !== entry.primary) outcome.action = 'sharedRegistrant';
		else if (entry.action === 'add') outcome.action = 'added';
		else if (entry.action === 'approve') outcome.action = 'reinstated';
		else outcome.action = 'alreadyRegistered';
		return outcome;
	}

	if (registrantId) outcome.registrantId = registrantId;
	if (entry.action === 'remove') outcome.action = mode === 'delete' ? 'deleted' : 'cancelled';
	else if (entry.registrant) outcome.action = 'alreadyCancelled';
	else outcome.action = 'notRegistered';
	return outcome;
}

export type SyncCounts = Record<ItemAction, number> & { removedAbsent: number; absentKept: number };

export function emptyCounts(): SyncCounts {
	return {
		added: 0,
		alreadyRegistered: 0,
		reinstated: 0,
		sharedRegistrant: 0,
		cancelled: 0,
		deleted: 0,
		alreadyCancelled: 0,
		notRegistered: 0,
		keptForOtherTicket: 0,
		failed: 0,
		notDone: 0,
		removedAbsent: 0,
		absentKept: 0,
	};
}
