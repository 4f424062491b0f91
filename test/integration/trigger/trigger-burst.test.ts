import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { runTriggerBurst } from './burst';

// Correctness of the burst in real n8n; its timings are the benchmark case trigger-burst-1k.
// The simulator waits up to 2 minutes for each acknowledgement here, so that a slow machine
// changes how long the test takes, never what it asserts.
describe('Zoom Ticketing Trigger in real n8n under a burst', () => {
	it('accepts 1,000 signed events once each and refuses 1,000 forged ones without an execution', { timeout: 900_000 }, async () => {
		const outcome = await runTriggerBurst({ signedEvents: 1000, forgedEvents: 1000, concurrency: 8, ackTimeoutMs: 120_000 });

		assert.equal(outcome.signedSent, 1000);
		assert.equal(outcome.eventCounts['webinar.participant_joined'], 498);
		assert.equal(outcome.eventCounts['webinar.participant_left'], 498);
		assert.equal(outcome.acceptedFirstAttempt, 1000, 'every signed delivery acknowledged with 2xx at once');
		assert.equal(outcome.retries, 0);
		assert.equal(outcome.failed, 0);
		assert.equal(outcome.executionsAfterSigned, 1000, 'one n8n execution per event');
		assert.equal(outcome.successfulExecutions, 1000);
		assert.equal(outcome.sinkReceived, 1000, 'every item reached the next node');
		assert.equal(outcome.sinkDistinctEventIds, 1000, 'every event has its own eventId');

		assert.equal(outcome.forgedSent, 1000);
		assert.deepEqual(outcome.forgedStatuses, { 401: 1000 });
		assert.equal(outcome.executionsAfterForged, outcome.executionsAfterSigned, 'no execution for a forged request');
		assert.equal(outcome.sinkAfterForged, outcome.sinkReceived);
	});
});
