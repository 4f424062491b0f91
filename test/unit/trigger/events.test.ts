import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { INodePropertyOptions } from 'n8n-workflow';

import { ALL_EVENTS, SUPPORTED_EVENT_NAMES, ZOOM_EVENTS } from '../../../nodes/ZoomTicketingTrigger/events';
import { SAMPLES } from '../../integration/trigger/zoomEvents';
import { packageDescriptions } from '../../templates/check';
import { EVENT_PAYLOADS } from '../../zoom-simulator/webhookPayloads';

describe('the supported Zoom events (one list, nodes/ZoomTicketingTrigger/events.ts)', () => {
	it("are the built trigger's Events options in each of its versions, after All Supported Events", () => {
		for (const version of [1, 1.1]) {
			const description = packageDescriptions()('n8n-nodes-zoom-ticketing.zoomTicketingTrigger', version)!;
			const events = description.properties.find((property) => property.name === 'events')!;
			const values = (events.options as INodePropertyOptions[]).map((option) => option.value);
			assert.deepEqual(values, [ALL_EVENTS, ...SUPPORTED_EVENT_NAMES], `version ${version}`);
		}
	});

	it("are Zoom event names, each once, in the order of their display names (n8n's rule for options)", () => {
		for (const name of SUPPORTED_EVENT_NAMES) assert.match(name, /^(meeting|webinar|recording)\.[a-z_]+$/);
		assert.equal(new Set(SUPPORTED_EVENT_NAMES).size, SUPPORTED_EVENT_NAMES.length);
		const names = ZOOM_EVENTS.map((event) => event.name);
		assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b)));
		for (const event of ZOOM_EVENTS) assert.match(event.description, /\S/, event.value);
	});

	it('each have a payload in the Zoom simulator and a sample body in the tests, and nothing else has', () => {
		const list = [...SUPPORTED_EVENT_NAMES].sort();
		assert.deepEqual(Object.keys(EVENT_PAYLOADS).sort(), list);
		assert.deepEqual(Object.keys(SAMPLES).sort(), list);
	});
});
