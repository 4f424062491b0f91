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
