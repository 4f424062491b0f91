import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import fc from 'fast-check';

import {
	buildSyncPlan,
	emptyCounts,
	normalizeEmail,
	outcomeFor,
	type CurrentRegistrant,
	type EntryResult,
	type RemovalMode,
	type SyncPlan,
	type TicketHolder,
	type TicketStatus,
} from '../../../nodes/ZoomTicketing/helpers/registrantSync';

function holder(itemIndex: number, email: string, status: TicketStatus = 'valid'): TicketHolder {
	return { itemIndex, ticketId: `T${itemIndex}`, email, firstName: `First${itemIndex}`, status };
}

/** A minimal model of Zoom's registrant store: email → registrant. */
type ZoomState = Map<string, CurrentRegistrant>;

function stateOf(registrants: CurrentRegistrant[]): ZoomState {
	return new Map(registrants.map((registrant) => [normalizeEmail(registrant.email), { ...registrant }]));
}

let nextId = 0;
function apply(state: ZoomState, plan: SyncPlan, mode: RemovalMode): ZoomState {
	const next = new Map([...state].map(([email, registrant]) => [email, { ...registrant }]));
	for (const entry of plan.add) {
		assert.equal(next.has(entry.email), false, `add of ${entry.email} would duplicate a registrant`);
		next.set(entry.email, { id: `r${nextId++}`, email: entry.email, status: 'approved' });
	}
	for (const entry of plan.approve) next.get(entry.email)!.status = 'approved';
	for (const entry of plan.remove) {
		if (mode === 'delete') next.delete(entry.email);
		else next.get(entry.email)!.status = 'denied';
	}
	return next;
}

const emailArb = fc
	.tuple(fc.constantFrom('ann', 'bob', 'cy', 'dee', 'eve', 'fay'), fc.constantFrom('example.com', 'EXAMPLE.com'), fc.boolean())
	.map(([local, domain, upper]) => `${upper ? local.toUpperCase() : local}@${domain}`);
const statusArb = fc.constantFrom<TicketStatus>('valid', 'refunded', 'cancelled');
const holdersArb = fc
	.array(fc.tuple(emailArb, statusArb), { maxLength: 25 })
	.map((rows) => rows.map(([email, status], index) => holder(index, email, status)));
const registrantsArb = fc
	.uniqueArray(fc.tuple(emailArb, fc.constantFrom<CurrentRegistrant['status']>('approved', 'pending', 'denied')), {
		selector: ([email]) => normalizeEmail(email),
		maxLength: 6,
	})
	.map((rows) => rows.map(([email, status], index) => ({ id: `z${index}`, email, status, joinUrl: `https://zoom.us/w/1?tk=${index}` })));
const modeArb = fc.constantFrom<RemovalMode>('cancel', 'delete');

describe('buildSyncPlan', () => {
	it('adds valid holders missing from Zoom and cancels refunded ones that are registered', () => {
		const plan = buildSyncPlan(
			[holder(0, 'a@example.com'), holder(1, 'b@example.com', 'refunded'), holder(2, 'c@example.com')],
			[
				{ id: 'rb', email: 'B@example.com', status: 'approved' },
				{ id: 'rc', email: 'c@example.com', status: 'approved' },
			],
			{ removeAbsent: false },
		);
		assert.deepEqual(plan.add.map((entry) => entry.email), ['a@example.com']);
		assert.deepEqual(plan.remove.map((entry) => entry.registrant?.id), ['rb']);
		assert.deepEqual(plan.approve, []);
		assert.equal(plan.entries.find((entry) => entry.email === 'c@example.com')?.action, 'none');
	});

	it('makes one registrant of two tickets with one email, and keeps it while one ticket is valid', () => {
		const plan = buildSyncPlan(
			[holder(0, 'Same@Example.com', 'refunded'), holder(1, 'same@example.com'), holder(2, ' same@example.com ')],
			[],
			{ removeAbsent: false },
		);
		assert.equal(plan.add.length, 1);
		assert.equal(plan.add[0].primary?.itemIndex, 1);
		const entry = plan.add[0];
		const result: EntryResult = { kind: 'done', registrantId: 'r1', joinUrl: 'https://zoom.us/w/1?tk=a' };
		const outcomes = entry.holders.map((h) => outcomeFor(entry, h, result, 'cancel'));
		assert.deepEqual(
			outcomes.map((o) => [o.ticketId, o.action, o.registrantId]),
			[
				['T0', 'keptForOtherTicket', 'r1'],
				['T1', 'added', 'r1'],
				['T2', 'sharedRegistrant', 'r1'],
			],
		);
		assert.deepEqual(outcomes[1].sharedWithTickets, ['T0', 'T2']);
	});

	it('reinstates a cancelled registrant whose ticket is valid again', () => {
		const plan = buildSyncPlan([holder(0, 'a@example.com')], [{ id: 'ra', email: 'a@example.com', status: 'denied' }], {
			removeAbsent: false,
		});
		assert.deepEqual(plan.approve.map((entry) => entry.registrant?.id), ['ra']);
		assert.equal(outcomeFor(plan.approve[0], plan.approve[0].holders[0], { kind: 'done' }, 'cancel').action, 'reinstated');
	});

	it('leaves registrants absent from the input alone unless asked, and never removes protected emails', () => {
		const current: CurrentRegistrant[] = [
			{ id: 'r1', email: 'gone@example.com', status: 'approved' },
			{ id: 'r2', email: 'bad-row@example.com', status: 'pending' },
			{ id: 'r3', email: 'old@example.com', status: 'denied' },
		];
		const keep = buildSyncPlan([], current, { removeAbsent: false });
		assert.deepEqual(keep.remove, []);
		assert.deepEqual(keep.absent.map((entry) => entry.registrant?.id), ['r1', 'r2']);

		const prune = buildSyncPlan([], current, { removeAbsent: true, protectedEmails: ['Bad-Row@example.com'] });
		assert.deepEqual(prune.remove.map((entry) => entry.registrant?.id), ['r1']);
	});

	it('reports refunded tickets that were never registered or are already cancelled without acting', () => {
		const plan = buildSyncPlan(
			[holder(0, 'never@example.com', 'refunded'), holder(1, 'done@example.com', 'cancelled')],
			[{ id: 'rd', email: 'done@example.com', status: 'denied' }],
			{ removeAbsent: true },
		);
		assert.deepEqual([plan.add, plan.approve, plan.remove], [[], [], []]);
		const actions = plan.entries.map((entry) => outcomeFor(entry, entry.holders[0], undefined, 'cancel').action);
		assert.deepEqual(actions, ['notRegistered', 'alreadyCancelled']);
	});

	it('turns a failed or unattempted change into a failed / notDone outcome with its reason', () => {
		const plan = buildSyncPlan([holder(0, 'a@example.com'), holder(1, 'b@example.com', 'refunded')], [{ id: 'rb', email: 'b@example.com', status: 'approved' }], {
			removeAbsent: false,
		});
		const failed = outcomeFor(plan.add[0], plan.add[0].holders[0], { kind: 'failed', reason: 'Invalid email' }, 'cancel');
		assert.deepEqual([failed.action, failed.reason], ['failed', 'Invalid email']);
		const notDone = outcomeFor(plan.remove[0], plan.remove[0].holders[0], { kind: 'notDone', reason: 'daily limit' }, 'delete');
		assert.deepEqual([notDone.action, notDone.registrantId], ['notDone', 'rb']);
		assert.equal(outcomeFor(plan.remove[0], plan.remove[0].holders[0], { kind: 'done' }, 'delete').action, 'deleted');
	});

	describe('properties', () => {
		it('applying the plan yields exactly the wanted registrations, each email at most once', () => {
			fc.assert(
				fc.property(holdersArb, registrantsArb, fc.boolean(), modeArb, (holders, registrants, removeAbsent, mode) => {
					const plan = buildSyncPlan(holders, registrants, { removeAbsent });
					const after = apply(stateOf(registrants), plan, mode);
					const wanted = new Set(holders.filter((h) => h.status === 'valid').map((h) => normalizeEmail(h.email)));
					const mentioned = new Set(holders.map((h) => normalizeEmail(h.email)));
					for (const [email, registrant] of after) {
						const active = registrant.status !== 'denied';
						if (wanted.has(email)) assert.equal(active, true, `${email} should be registered`);
						else if (mentioned.has(email) || removeAbsent) assert.equal(active, false, `${email} should not be registered`);
						else assert.equal(registrant.status, stateOf(registrants).get(email)?.status, `${email} should be untouched`);
					}
					for (const email of wanted) assert.ok(after.has(email), `${email} missing after sync`);
					assert.equal(new Set(plan.add.map((entry) => entry.email)).size, plan.add.length);
				}),
			);
		});

		it('is idempotent: planning again after applying changes nothing', () => {
			fc.assert(
				fc.property(holdersArb, registrantsArb, fc.boolean(), modeArb, (holders, registrants, removeAbsent, mode) => {
					const after = apply(stateOf(registrants), buildSyncPlan(holders, registrants, { removeAbsent }), mode);
					const again = buildSyncPlan(holders, [...after.values()], { removeAbsent });
					assert.deepEqual([again.add.length, again.approve.length, again.remove.length], [0, 0, 0]);
				}),
			);
		});

		it('gives every input holder exactly one outcome, and one "added" per registrant created', () => {
			fc.assert(
				fc.property(holdersArb, registrantsArb, modeArb, (holders, registrants, mode) => {
					const plan = buildSyncPlan(holders, registrants, { removeAbsent: false });
					const counts = emptyCounts();
					const seen = new Set<number>();
					for (const entry of plan.entries) {
						const result: EntryResult = { kind: 'done', registrantId: 'new' };
						for (const h of entry.holders) {
							assert.equal(seen.has(h.itemIndex), false);
							seen.add(h.itemIndex);
							counts[outcomeFor(entry, h, entry.action === 'none' ? undefined : result, mode).action]++;
						}
					}
					assert.equal(seen.size, holders.length);
					assert.equal(counts.added, plan.add.length);
					assert.equal(counts.reinstated, plan.approve.length);
					assert.equal(counts.cancelled + counts.deleted, plan.remove.reduce((sum, entry) => sum + entry.holders.length, 0));
				}),
			);
		});
	});
});
