import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { answer, testZoom, type TestZoom } from './helpers';

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

describe('OAuth', () => {
	let zoom: TestZoom;
	let base: string;
	before(async () => {
		zoom = await testZoom({ tokenTtlSeconds: 60 });
		base = zoom.running.baseUrl;
	});
	after(() => zoom.close());

	const tokenRequest = (form: string, auth = basic('sim-client', 'sim-secret')) =>
		fetch(`${base}/oauth/token`, {
			method: 'POST',
			headers: { Authorization: auth, 'Content-Type': 'application/x-www-form-urlencoded' },
			body: form,
		}).then(answer);

	it('runs the authorization-code flow with a real redirect, then rotates refresh tokens', async () => {
		const redirect = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';
		const authorize = await fetch(
			`${base}/oauth/authorize?response_type=code&client_id=sim-client&redirect_uri=${encodeURIComponent(redirect)}&state=xyz%3D1`,
			{ redirect: 'manual' },
		);
		assert.equal(authorize.status, 302);
		const location = new URL(authorize.headers.get('location')!);
		assert.equal(`${location.origin}${location.pathname}`, redirect);
		assert.equal(location.searchParams.get('state'), 'xyz=1');
		const code = location.searchParams.get('code')!;

		const wrongRedirect = await tokenRequest(`grant_type=authorization_code&code=${code}&redirect_uri=http://elsewhere/`);
		assert.equal(wrongRedirect.status, 400);
		assert.equal(wrongRedirect.body.error, 'invalid_grant');

		const location2 = new URL(
			(await fetch(`${base}/oauth/authorize?response_type=code&client_id=sim-client&redirect_uri=${encodeURIComponent(redirect)}`, { redirect: 'manual' })).headers.get('location')!,
		);
		const granted = await tokenRequest(`grant_type=authorization_code&code=${location2.searchParams.get('code')}&redirect_uri=${encodeURIComponent(redirect)}`);
		assert.equal(granted.status, 200);
		assert.equal(granted.body.token_type, 'bearer');
		assert.equal(granted.body.expires_in, 60);
		assert.ok(granted.body.refresh_token);

		const me = await fetch(`${zoom.running.apiBaseUrl}/users/me`, { headers: { Authorization: `Bearer ${granted.body.access_token}` } }).then(answer);
		assert.equal(me.body.email, 'host@example.com');

		const refreshed = await tokenRequest(`grant_type=refresh_token&refresh_token=${granted.body.refresh_token}`);
		assert.equal(refreshed.status, 200);
		assert.notEqual(refreshed.body.refresh_token, granted.body.refresh_token);
		assert.notEqual(refreshed.body.access_token, granted.body.access_token);
		const reused = await tokenRequest(`grant_type=refresh_token&refresh_token=${granted.body.refresh_token}`);
		assert.equal(reused.status, 400);
		assert.equal(reused.body.error, 'invalid_grant');
		const again = await tokenRequest(`grant_type=refresh_token&refresh_token=${refreshed.body.refresh_token}`);
		assert.equal(again.status, 200);
	});

	it('refuses authorize requests from unknown clients', async () => {
		const response = await fetch(`${base}/oauth/authorize?response_type=code&client_id=nope&redirect_uri=http%3A%2F%2Fx%2F`, { redirect: 'manual' }).then(answer);
		assert.equal(response.status, 400);
		assert.equal(response.body.error, 'invalid_client');
	});

	it('grants Server-to-Server tokens for a form body with Basic auth, and refuses bad credentials', async () => {
		const granted = await tokenRequest('grant_type=account_credentials&account_id=sim-account');
		assert.equal(granted.status, 200);
		assert.equal(granted.body.refresh_token, undefined);
		const wrongSecret = await tokenRequest('grant_type=account_credentials&account_id=sim-account', basic('sim-client', 'wrong'));
		assert.equal(wrongSecret.status, 401);
		assert.deepEqual(wrongSecret.body, { reason: 'Invalid client_id or client_secret', error: 'invalid_client' });
		const wrongAccount = await tokenRequest('grant_type=account_credentials&account_id=other');
		assert.equal(wrongAccount.status, 400);
		assert.equal(wrongAccount.body.error, 'invalid_request');
		const unknownGrant = await tokenRequest('grant_type=password');
		assert.equal(unknownGrant.body.error, 'unsupported_grant_type');
	});

	it('answers 401 code 124 for missing, unknown, expired and revoked tokens', async () => {
		const call = (token?: string) =>
			fetch(`${zoom.running.apiBaseUrl}/users/me`, { headers: token ? { Authorization: `Bearer ${token}` } : {} }).then(answer);
		assert.deepEqual((await call()).body, { code: 124, message: 'Invalid access token.' });
		assert.equal((await call('made-up')).status, 401);
		const token = (await tokenRequest('grant_type=account_credentials&account_id=sim-account')).body.access_token;
		assert.equal((await call(token)).status, 200);
		await zoom.control('POST', '/clock/advance', { seconds: 61 });
		const expired = await call(token);
		assert.equal(expired.status, 401);
		assert.deepEqual(expired.body, { code: 124, message: 'Access token is expired.' });
		const fresh = (await tokenRequest('grant_type=account_credentials&account_id=sim-account')).body.access_token;
		await zoom.control('PUT', '/faults', { revokeTokensAfter: 1 });
		assert.equal((await call(fresh)).status, 200);
		assert.equal((await call(fresh)).body.code, 124);
	});

	it('reads identity overrides from the environment', async () => {
		const { startSimulator } = await import('../index');
		const other = await startSimulator({ env: { ZOOM_SIM_CLIENT_ID: 'c2', ZOOM_SIM_CLIENT_SECRET: 's2', ZOOM_SIM_ACCOUNT_ID: 'a2' } });
		try {
			const response = await fetch(`${other.baseUrl}/oauth/token`, {
				method: 'POST',
				headers: { Authorization: basic('c2', 's2'), 'Content-Type': 'application/x-www-form-urlencoded' },
				body: 'grant_type=account_credentials&account_id=a2',
			});
			assert.equal(response.status, 200);
		} finally {
			await other.close();
		}
	});
});
