import { performance } from 'node:perf_hooks';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { byId, ZoomFixture, type SimulatorHandle, type ZoomFixtureParts } from '../../harness';
import type { Plan } from '../../zoom-simulator';
import { PLAN_LIMITS } from '../../zoom-simulator/ratelimit';
import { futureStart, ticketHolders } from './support';

type Category = keyof (typeof PLAN_LIMITS)['pro'];

export interface CallFigures {
	/** Requests per Zoom operation, every answer counted (429s included). */
	callsPerEndpoint: Record<string, number>;
	/** Requests Zoom carried out (not refused with 429), per operation. */
	admittedPerEndpoint: Record<string, number>;
	/** Requests Zoom carried out, per rate-limit category. */
	admittedPerCategory: Record<string, number>;
	rateLimited429: number;
	/** Seconds the plan's limits force on the admitted requests (see {@link rateFloorSeconds}). */
	floorSeconds: number;
}

/**
 * The least time Zoom's per-category limits allow for `count` requests: `max` may start at once,
 * then `max` more per window. The sync's reads must finish before its writes start, so the
 * categories' floors add up.
 */
export function rateFloorSeconds(admitted: Record<string, number>, plan: Plan): number {
	let seconds = 0;
	for (const [category, count] of Object.entries(admitted)) {
		const limit = PLAN_LIMITS[plan][category as Category];
		if (!limit || count === 0) continue;
		seconds += ((Math.ceil(count / limit.max) - 1) * limit.windowMs) / 1000;
	}
	return seconds;
}

/** A simulator in its own process at the given plan, one engine, and a webinar with registration. */
export class SyncBench extends ZoomFixture<SimulatorHandle> {
	private constructor(
		parts: ZoomFixtureParts<SimulatorHandle>,
		readonly plan: Plan,
	) {
		super(parts);
	}

	static async start(plan: Plan = 'pro'): Promise<SyncBench> {
		return new SyncBench(await ZoomFixture.spawn({ credentialId: 'bench-registrants', plan }), plan);
	}

	async webinar(topic: string): Promise<string> {
		const seeded = await this.control<{ webinars: Array<{ id: number }> }>('POST', 'seed', {
			webinars: [{ topic, type: 5, start_time: futureStart(), duration: 90, settings: { approval_type: 0 } }],
		});
		return String(seeded.webinars[0].id);
	}

	/** Runs one node of ours on `input`, timing only the engine run; the request log covers that run alone. */
	async timed(parameters: INodeParameters, input: IDataObject[]): Promise<{ seconds: number; output: IDataObject[]; calls: CallFigures }> {
		await this.control('DELETE', 'requests');
		const started = performance.now();
		const run = await this.runNode(parameters, input);
		const seconds = (performance.now() - started) / 1000;
		const output = run.json('Zoom');
		const log = await this.requests();
		const callsPerEndpoint: Record<string, number> = {};
		const admittedPerCategory: Record<string, number> = {};
		const admittedPerEndpoint: Record<string, number> = {};
		let rateLimited429 = 0;
		for (const request of log) {
			const name = request.operationId ?? 'token/other';
			callsPerEndpoint[name] = (callsPerEndpoint[name] ?? 0) + 1;
			if (request.status === 429) {
				rateLimited429++;
				continue;
			}
			admittedPerEndpoint[name] = (admittedPerEndpoint[name] ?? 0) + 1;
			if (request.category) admittedPerCategory[request.category] = (admittedPerCategory[request.category] ?? 0) + 1;
		}
		return {
			seconds,
			output,
			calls: { callsPerEndpoint, admittedPerEndpoint, admittedPerCategory, rateLimited429, floorSeconds: rateFloorSeconds(admittedPerCategory, this.plan) },
		};
	}

	/** Compares the simulator's registrants with the holders that should be registered. */
	async audit(webinarId: string, expectedEmails: string[]): Promise<{ lost: number; duplicated: number; unexpected: number; wrongStatus: number }> {
		const audit = await this.control<{ duplicateEmails: number; registrants: Array<{ email: string; status: string; cancelled: boolean }> }>(
			'GET',
			`registrants/${webinarId}`,
		);
		const expected = new Set(expectedEmails.map((email) => email.toLowerCase()));
		const present = new Map<string, number>();
		let wrongStatus = 0;
		let unexpected = 0;
		for (const registrant of audit.registrants) {
			const email = registrant.email.toLowerCase();
			present.set(email, (present.get(email) ?? 0) + 1);
			if (!expected.has(email)) unexpected++;
			else if (registrant.status !== 'approved' || registrant.cancelled) wrongStatus++;
		}
		let lost = 0;
		for (const email of expected) if (!present.has(email)) lost++;
		const duplicated = [...present.values()].reduce((sum, count) => sum + Math.max(0, count - 1), 0);
		return { lost, duplicated, unexpected, wrongStatus };
	}
}

export const syncParameters = (webinarId: string): INodeParameters => ({
	resource: 'registrant',
	operation: 'syncTicketHolders',
	eventType: 'webinar',
	webinarId: byId(webinarId),
});

export const addParameters = (webinarId: string): INodeParameters => ({
	resource: 'registrant',
	operation: 'add',
	eventType: 'webinar',
	webinarId: byId(webinarId),
	email: '={{ $json.email }}',
	firstName: '={{ $json.firstName }}',
	lastName: '={{ $json.lastName }}',
});

export { ticketHolders };
