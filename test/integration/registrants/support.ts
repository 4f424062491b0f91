import type { IDataObject } from 'n8n-workflow';

import { ZoomFixture as SimulatorFixture, zoomDateTime, type SimulatorLoggedRequest } from '../../harness';
import type { Plan } from '../../zoom-simulator';

export type LoggedCall = SimulatorLoggedRequest;

/** One simulator and one n8n engine for a test file, with the simulator's control API at hand. */
export class ZoomFixture extends SimulatorFixture {
	static async start(plan: Plan = 'pro'): Promise<ZoomFixture> {
		return new ZoomFixture(await SimulatorFixture.launch({ plan, credentialId: 'registrants-s2s' }));
	}

	/** The sequence number of the newest logged request, to look only at what follows. */
	async mark(): Promise<number> {
		return await this.lastRequestSeq();
	}

	/** Calls per operation since `since`, counting only those Zoom answered with success. */
	async successfulCalls(since = 0): Promise<Record<string, number>> {
		const counts: Record<string, number> = {};
		for (const call of await this.requests(since)) {
			if (call.status >= 400 || !call.operationId) continue;
			counts[call.operationId] = (counts[call.operationId] ?? 0) + 1;
		}
		return counts;
	}

	/**
	 * Requests Zoom (the simulator) refused as malformed: every request is validated against
	 * Meetings.json, and a mismatch is answered 400 with code 300. `expected` lists operations whose
	 * 400 the test provoked on purpose.
	 */
	async refused(since = 0, expected: string[] = []): Promise<LoggedCall[]> {
		return (await this.requests(since)).filter((call) => call.status === 400 && !expected.includes(call.operationId ?? ''));
	}

	async audit(id: string | number): Promise<{
		total: number;
		byStatus: Record<string, number>;
		duplicateEmails: number;
		registrants: Array<{ id: string; email: string; status: string; cancelled: boolean }>;
	}> {
		return await this.control('GET', `registrants/${id}`);
	}
}

export { byId } from '../../harness';

export function futureStart(days = 7): string {
	return zoomDateTime(new Date(Date.now() + days * 86_400_000));
}

export function ticketHolders(count: number, prefix = 'holder', domain = 'tickets.example.com'): IDataObject[] {
	return Array.from({ length: count }, (_, index) => ({
		ticketId: `${prefix}-T${index + 1}`,
		email: `${prefix}${index + 1}@${domain}`,
		firstName: 'Holder',
		lastName: String(index + 1),
		status: 'valid',
	}));
}
