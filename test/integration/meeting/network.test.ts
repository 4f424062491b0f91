import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import { N8nHarness, chain, itemsNode, serverToServerCredentialData, zoomNode } from '../../harness';

// What the simulator cannot produce: a body that is not JSON, and a socket error.
const ZOOM = 'http://zoom.nock.test';

describe('Transport against a broken network (nock)', () => {
	let harness: N8nHarness;
	let s2s: { id: string; name: string };
	before(async () => {
		harness = await N8nHarness.create();
		s2s = harness.addCredential({
			id: 'nock-s2s',
			name: 'Zoom (nock)',
			type: 'zoomTicketingServerToServerOAuthApi',
			data: serverToServerCredentialData(ZOOM),
		});
		nock.disableNetConnect();
	});
	afterEach(() => {
		nock.cleanAll();
	});
	after(() => {
		nock.enableNetConnect();
	});

	const get = (extra = {}) =>
		chain(
			itemsNode([{}]),
			zoomNode('Get', { resource: 'meeting', operation: 'get', meetingId: { __rl: true, mode: 'id', value: '85746065432' } }, { serverToServer: s2s }, extra),
		);
	const token = () =>
		nock(ZOOM)
			.post('/oauth/token', 'grant_type=account_credentials&account_id=sim-account')
			.basicAuth({ user: 'sim-client', pass: 'sim-secret' })
			.reply(200, { access_token: 'nock-token', token_type: 'bearer', expires_in: 3600, scope: 'meeting:read:meeting' });

	test('a socket error on a read is retried, then the answer comes through', async () => {
		token();
		const api = nock(ZOOM, { reqheaders: { authorization: 'Bearer nock-token' } })
			.get('/v2/meetings/85746065432')
			.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
			.get('/v2/meetings/85746065432')
			.reply(200, { id: 85746065432, topic: 'Through', join_url: 'https://zoom.us/j/85746065432', password: '1', settings: {} });
		const result = await harness.run(get());
		assert.equal(result.status, 'success', result.error?.message);
		assert.equal(result.json('Get')[0].topic, 'Through');
		assert.ok(api.isDone());
	});

	test('a body that is not JSON becomes a clear error, not an empty result', async () => {
		token();
		nock(ZOOM).get('/v2/meetings/85746065432').reply(200, '<html>Sign in to the Wi-Fi</html>', { 'content-type': 'text/html' });
		const result = await harness.run(get({ onError: 'continueRegularOutput' }));
		const [item] = result.json('Get');
		assert.match(String((item.error as IDataObject).message), /with something that is not JSON \(HTTP 200\)/);
		assert.match(String((item.error as IDataObject).description), /Sign in to the Wi-Fi/);
	});

	test('a create that loses its connection is not sent again', async () => {
		const create = nock(ZOOM)
			.post('/v2/users/me/meetings')
			.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
		const result = await harness.run(
			chain(
				itemsNode([{}]),
				zoomNode('Create', { resource: 'meeting', operation: 'create', meetingType: 'instant', topic: 'Once' }, { serverToServer: s2s }, { onError: 'continueRegularOutput' }),
			),
		);
		const [item] = result.json('Create');
		assert.match(String((item.error as IDataObject).message), /The connection to Zoom failed: the connection was reset/);
		assert.match(String((item.error as IDataObject).description), /not repeated because it creates something.*\(ECONNRESET\)/);
		assert.ok(create.isDone());
		assert.equal(nock.pendingMocks().length, 0);
	});
});
