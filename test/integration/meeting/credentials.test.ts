import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { chain, itemsNode, oauth2CredentialData, serverToServerCredentialData, zoomNode } from '../../harness';
import { meetingTestBed, type MeetingTestBed } from './setup';

describe('Zoom credentials', () => {
	let bed: MeetingTestBed;
	before(async () => {
		bed = await meetingTestBed();
	});
	after(async () => {
		await bed?.close();
	});

	test('the credential test (GET /users/me) passes for both kinds against the simulator', async () => {
		const s2s = await bed.harness.testCredential(bed.s2s.id);
		assert.equal(s2s.status, 200);
		assert.equal((s2s.body as { email?: string }).email, 'host@example.com');
		const oauth = await bed.harness.testCredential(bed.oauth.id);
		assert.equal(oauth.status, 200);
	});

	test('each environment points at its own hosts', () => {
		const cases = [
			['zoom', 'https://zoom.us/oauth/authorize', 'https://zoom.us/oauth/token'],
			['zoomGov', 'https://zoomgov.com/oauth/authorize', 'https://zoomgov.com/oauth/token'],
			['custom', `${bed.sim.baseUrl}/oauth/authorize`, `${bed.sim.baseUrl}/oauth/token`],
		] as const;
		for (const [environment, authUrl, tokenUrl] of cases) {
			const id = `oauth-${environment}`;
			bed.harness.addCredential({
				id,
				name: id,
				type: 'zoomTicketingOAuth2Api',
				data: { ...oauth2CredentialData(bed.sim.baseUrl), environment },
			});
			const resolved = bed.harness.resolvedCredential(id);
			assert.equal(resolved.authUrl, authUrl);
			assert.equal(resolved.accessTokenUrl, tokenUrl);
			assert.equal(resolved.authentication, 'header', 'client id and secret go in a Basic header');
			assert.equal(resolved.grantType, 'authorizationCode');
		}
	});

	test('wrong Server-to-Server secrets fail clearly, and the secret appears nowhere in the output', async () => {
		const secret = 'definitely-not-the-secret-7f3a';
		const wrong = bed.harness.addCredential({
			id: 's2s-wrong',
			name: 'Wrong',
			type: 'zoomTicketingServerToServerOAuthApi',
			data: serverToServerCredentialData(bed.sim.baseUrl, { clientSecret: secret }),
		});
		const result = await bed.harness.run(
			chain(
				itemsNode([{}]),
				zoomNode('List', { resource: 'meeting', operation: 'getMany', type: 'scheduled', returnAll: true }, { serverToServer: wrong }, {
					onError: 'continueRegularOutput',
				}),
			),
		);
		const [item] = result.json('List');
		assert.match(String((item.error as IDataObject).message), /Zoom refused the app's credentials when asked for a token \(invalid_client\)/);
		const output = JSON.stringify(item);
		assert.ok(!output.includes(secret), 'the client secret is not in the error item');
		assert.ok(!JSON.stringify(result.run.data.resultData).includes(secret), 'nor anywhere in the run data');
	});
});
