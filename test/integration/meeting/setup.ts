import type { IDataObject } from 'n8n-workflow';

import {
	N8nHarness,
	checkRequestsAgainstOpenApi,
	connectOAuth2,
	oauth2CredentialData,
	serverToServerCredentialData,
	simulatorControl,
} from '../../harness';
import { startSimulator, type SimulatorOptions } from '../../zoom-simulator';

export interface MeetingTestBed {
	sim: Awaited<ReturnType<typeof startSimulator>>;
	harness: N8nHarness;
	s2s: { id: string; name: string };
	oauth: { id: string; name: string };
	control(method: string, path: string, body?: unknown): Promise<IDataObject>;
	/** Fails with the list of requests that do not match Meetings.json. */
	assertRequestsMatchOpenApi(): Promise<void>;
	close(): Promise<void>;
}

export async function meetingTestBed(options: SimulatorOptions = {}): Promise<MeetingTestBed> {
	const sim = await startSimulator({ port: 0, ...options });
	const harness = await N8nHarness.create();
	const s2s = harness.addCredential({
		id: 's2s',
		name: 'Zoom S2S',
		type: 'zoomTicketingServerToServerOAuthApi',
		data: serverToServerCredentialData(sim.baseUrl),
	});
	const oauth = harness.addCredential({
		id: 'oauth',
		name: 'Zoom OAuth',
		type: 'zoomTicketingOAuth2Api',
		data: oauth2CredentialData(sim.baseUrl),
	});
	await connectOAuth2(harness, oauth.id);
	let checkedUpTo = 0;
	return {
		sim,
		harness,
		s2s,
		oauth,
		control: async (method, path, body) => await simulatorControl(sim.baseUrl, method, path, body),
		async assertRequestsMatchOpenApi() {
			const check = await checkRequestsAgainstOpenApi(sim.baseUrl, checkedUpTo);
			checkedUpTo = check.lastSeq;
			if (check.mismatches.length > 0) {
				throw new Error(`Requests that do not match Meetings.json:\n${check.mismatches.join('\n')}`);
			}
		},
		close: () => sim.close(),
	};
}
