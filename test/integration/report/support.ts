import { checkRequestsAgainstOpenApi, ZoomFixture, zoomDateTime, type SimulatorLoggedRequest } from '../../harness';

export type LoggedRequest = SimulatorLoggedRequest;

/** One simulator and one engine for a test file, plus the few things every report test does. */
export class ReportFixture extends ZoomFixture {
	static async start(): Promise<ReportFixture> {
		return new ReportFixture(await ZoomFixture.launch({ credentialId: 'reports-s2s' }));
	}

	/** Every request sent to the Zoom surface so far that does not match Zoom's OpenAPI description. */
	async openApiMismatches(): Promise<string[]> {
		const check = await checkRequestsAgainstOpenApi(this.sim.baseUrl);
		if (check.requests.length === 0) throw new Error('no request reached the simulator');
		return check.mismatches;
	}

	/**
	 * Seeds a scheduled meeting (type 2) or webinar (type 5) that needs no approval, with `count`
	 * registrants, as the simulator's control API does it (no rate limits). Returns the event id and
	 * the registrant ids (empty when `returnIds` is false, for large counts).
	 */
	async seedEvent(
		kind: 'meeting' | 'webinar',
		event: { topic: string; duration: number },
		count: number,
		returnIds = true,
	): Promise<{ id: number; registrantIds: string[] }> {
		const collection = kind === 'meeting' ? 'meetings' : 'webinars';
		const seeded = await this.control<Record<string, Array<{ id: number }>>>('POST', 'seed', {
			[collection]: [{ ...event, type: kind === 'meeting' ? 2 : 5, start_time: futureStart(), settings: { approval_type: 0 } }],
		});
		const id = seeded[collection][0].id;
		const registrants = await this.control<{ registrants: Array<{ registrantIds?: string[] }> }>('POST', 'seed', {
			registrants: [{ [`${kind}Id`]: id, count, returnIds }],
		});
		return { id, registrantIds: registrants.registrants[0].registrantIds ?? [] };
	}

	/** Requests the simulator refused as not matching Zoom's OpenAPI description. */
	async violations(): Promise<unknown[]> {
		return (await this.control<{ violations: unknown[] }>('GET', 'violations')).violations;
	}
}

export { byId } from '../../harness';

/** A start time in the future, in Zoom's format. */
export function futureStart(hours = 1): string {
	return zoomDateTime(new Date(Date.now() + hours * 3_600_000));
}
