import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { ICredentialsDecrypted, ICredentialTestFunctions } from 'n8n-workflow';

import { testWebhookSecret } from '../../../nodes/ZoomTicketingTrigger/ZoomTicketingTriggerHelpers';

async function check(secretToken: unknown) {
	const credential: ICredentialsDecrypted = {
		id: 'c1',
		name: 'Zoom webhook',
		type: 'zoomTicketingWebhookApi',
		data: { secretToken } as ICredentialsDecrypted['data'],
	};
	return await testWebhookSecret.call({} as ICredentialTestFunctions, credential);
}

describe('the Zoom Ticketing Webhook credential test', () => {
	it('accepts a token as Zoom issues them', async () => {
		assert.equal((await check('aB3dE5fG7hI9jK1lM3nO5p')).status, 'OK');
	});

	it('catches empty tokens and paste mistakes', async () => {
		assert.deepEqual(await check(''), { status: 'Error', message: 'The Secret Token is empty' });
		assert.deepEqual(await check(undefined), { status: 'Error', message: 'The Secret Token is empty' });
		assert.equal((await check(' aB3dE5fG7hI9jK1lM3nO5p')).message, 'The Secret Token starts or ends with whitespace');
		assert.equal((await check('aB3dE5fG7hI9jK1lM3nO5p\n')).message, 'The Secret Token starts or ends with whitespace');
		assert.equal((await check('aB3d E5fG7')).message, 'The Secret Token contains characters Zoom does not use');
	});
});
