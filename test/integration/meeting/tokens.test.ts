import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { chain, connectOAuth2, httpNode, itemsNode, zoomNode } from '../../harness';
import { meetingTestBed, type MeetingTestBed } from './setup';

type Credentials = { oAuth2?: { id: string; name: string }; serverToServer?: { id: string; name: string } };

/** Create → (token expires) → Get → (token expires again) → Update: one run outliving two tokens. */
function outlivingWorkflow(bed: MeetingTestBed, credentials: Credentials) {
	const advance = (name: string) => httpNode(name, 'POST', `${bed.sim.baseUrl}/_sim/clock/advance`, { seconds: 120 });
	const meetingId = { __rl: true, mode: 'id', value: "={{ $('Create').item.json.id }}" };
	return chain(
		itemsNode([{ topic: 'Long run' }]),
		zoomNode('Create', { resource: 'meeting', operation: 'create', meetingType: 'instant', topic: '={{ $json.topic }}' }, credentials),
		advance('Expire 1'),
		zoomNode('Get', { resource: 'meeting', operation: 'get', meetingId }, credentials),
		advance('Expire 2'),
		zoomNode('Update', { resource: 'meeting', operation: 'update', meetingId, updateFields: { agenda: 'Still here' } }, credentials),
	);
}

async function tokenRequests(bed: MeetingTestBed, since: number): Promise<IDataObject[]> {
	const log = await bed.control('GET', `requests?since=${since}`);
	return log.requests as IDataObject[];
}

describe('Access tokens that expire during a run', () => {
	let bed: MeetingTestBed;
	before(async () => {
		bed = await meetingTestBed({ tokenTtlSeconds: 60 });
	});
	after(async () => {
		await bed?.assertRequestsMatchOpenApi();
		await bed?.close();
	});

	test('Server-to-Server: a 401 code 124 fetches one new token and repeats the request once', async () => {
		const since = ((await bed.control('GET', 'requests?limit=1')).requests as IDataObject[])[0]?.seq ?? 0;
		const result = await bed.harness.run(outlivingWorkflow(bed, { serverToServer: bed.s2s }));
		assert.equal(result.status, 'success', result.error?.message);
		assert.equal(result.json('Update')[0].agenda, 'Still here');

		const log = (await tokenRequests(bed, Number(since))).map((entry) => `${entry.method} ${String(entry.path).replace(/\d{6,}/, '<id>')} ${entry.status}`);
		assert.deepEqual(log, [
			'POST /oauth/token 200',
			'POST /v2/users/me/meetings 201',
			'GET /v2/meetings/<id> 401',
			'POST /oauth/token 200',
			'GET /v2/meetings/<id> 200',
			'PATCH /v2/meetings/<id> 401',
			'POST /oauth/token 200',
			'PATCH /v2/meetings/<id> 204',
			'GET /v2/meetings/<id> 200',
		]);
		const stored = bed.harness.credentialData(bed.s2s.id);
		assert.equal(typeof stored.accessToken, 'string');
		assert.notEqual(stored.accessToken, '');
	});

	test('Server-to-Server: a token is kept across runs, and renewed shortly before it expires', async () => {
		const first = bed.harness.credentialData(bed.s2s.id);
		const get = (id: string) =>
			chain(itemsNode([{}]), zoomNode('List', { resource: 'meeting', operation: 'getMany', type: 'scheduled', returnAll: false, limit: 1 }, { serverToServer: { id, name: 'Zoom S2S' } }));

		const since = ((await bed.control('GET', 'requests?limit=1')).requests as IDataObject[])[0]?.seq as number;
		await bed.harness.run(get(bed.s2s.id));
		await bed.harness.run(get(bed.s2s.id));
		let log = await tokenRequests(bed, since);
		assert.deepEqual(log.map((entry) => entry.path), ['/v2/users/me/meetings', '/v2/users/me/meetings'], 'no new token while the stored one is fresh');
		assert.equal(bed.harness.credentialData(bed.s2s.id).accessToken, first.accessToken);

		// The stored token reaches its renewal point (expires_in minus the margin).
		bed.harness.credentials.get(bed.s2s.id).data.renewAfter = Date.now() - 1;
		const since2 = log.at(-1)?.seq as number;
		await bed.harness.run(get(bed.s2s.id));
		log = await tokenRequests(bed, since2);
		assert.deepEqual(
			log.map((entry) => `${entry.path} ${entry.status}`),
			['/oauth/token 200', '/v2/users/me/meetings 200'],
			'renewed before the request, without waiting for a 401',
		);
		const renewed = bed.harness.credentialData(bed.s2s.id);
		assert.notEqual(renewed.accessToken, first.accessToken);
		assert.ok(Number(renewed.renewAfter) > Date.now());
	});

	test('OAuth2: n8n refreshes the token mid-run and keeps each rotated refresh token', async () => {
		// Connected right now, so that only the two expiries inside the run need a refresh.
		const initial = (await connectOAuth2(bed.harness, bed.oauth.id)) as IDataObject;
		const updatesBefore = bed.harness.credentials.updates.length;
		const result = await bed.harness.run(outlivingWorkflow(bed, { oAuth2: bed.oauth }));
		assert.equal(result.status, 'success', result.error?.message);
		assert.equal(result.json('Update')[0].agenda, 'Still here');

		const refreshes = bed.harness.credentials.updates.slice(updatesBefore).filter((update) => update.id === bed.oauth.id);
		assert.equal(refreshes.length, 2, 'one refresh per expired token');
		const refreshTokens = [initial, ...refreshes.map((update) => update.data.oauthTokenData as IDataObject)].map(
			(data) => data.refresh_token,
		);
		assert.equal(new Set(refreshTokens).size, 3, 'every refresh stored a new refresh token');
		const stored = bed.harness.credentialData(bed.oauth.id).oauthTokenData as IDataObject;
		assert.equal(stored.refresh_token, refreshTokens[2]);

		// The replaced refresh tokens are dead (Zoom's rotation), the stored one still works.
		const basic = Buffer.from('sim-client:sim-secret').toString('base64');
		const refresh = async (token: unknown) =>
			await fetch(`${bed.sim.baseUrl}/oauth/token`, {
				method: 'POST',
				headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: String(token) }),
			});
		assert.equal((await refresh(refreshTokens[0])).status, 400);
		assert.equal((await refresh(refreshTokens[2])).status, 200);
	});
});
