import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';

import type { IDataObject, INodeProperties, INodeTypeDescription } from 'n8n-workflow';

// The descriptions as n8n loads them: the package built into dist/ (test/run.mjs builds first).
const dist = resolve(__dirname, '../../../dist/nodes/ZoomTicketing');
const load = createRequire(__filename);
const { ZoomTicketing } = load(join(dist, 'ZoomTicketing.node.js')) as { ZoomTicketing: new () => { description: INodeTypeDescription } };
const { eventOutput, simplifiedEventOutput } = load(join(dist, 'helpers/eventOutput.js')) as {
	eventOutput: (kind: string, event: IDataObject) => IDataObject;
	simplifiedEventOutput: (kind: string, event: IDataObject) => IDataObject;
};

const description = new ZoomTicketing().description;
const OPERATIONS = ['create', 'delete', 'end', 'get', 'getMany', 'update'];
// Collections whose entries are compared one by one; Settings follows Zoom's two settings objects.
const OPENED = new Set(['additionalFields', 'updateFields', 'options']);

type Kind = 'meeting' | 'webinar';

function shownFor(property: INodeProperties, context: { resource: Kind; operation: string; version: number }): boolean {
	const show = property.displayOptions?.show ?? {};
	const hide = property.displayOptions?.hide ?? {};
	const values: Record<string, unknown> = { resource: context.resource, operation: context.operation, '@version': context.version };
	for (const [key, allowed] of Object.entries(show)) if (key in values && !(allowed as unknown[]).includes(values[key])) return false;
	for (const [key, denied] of Object.entries(hide)) if (key in values && (denied as unknown[]).includes(values[key])) return false;
	return true;
}

/** Every parameter of one operation as `name` or `collection.entry`, with its type (and option values). */
function parameters(resource: Kind, operation: string, version = 2): Map<string, { type: string; values?: unknown[] }> {
	const found = new Map<string, { type: string; values?: unknown[] }>();
	const add = (name: string, property: INodeProperties) => {
		const values = property.type === 'options' ? (property.options ?? []).map((option) => (option as { value: unknown }).value) : undefined;
		const previous = found.get(name);
		if (previous) assert.equal(previous.type, property.type, `${resource} ${operation} v${version}: ${name} has one type`);
		found.set(name, { type: property.type, values });
	};
	for (const property of description.properties) {
		if (property.name === 'resource' || property.name === 'operation' || property.name === 'authentication') continue;
		if (!shownFor(property, { resource, operation, version })) continue;
		add(property.name, property);
		if (OPENED.has(property.name)) for (const entry of (property.options ?? []) as INodeProperties[]) add(`${property.name}.${entry.name}`, entry);
	}
	return found;
}

/**
 * Where version 2 of meetings and webinars differ, and the Zoom API reason for each. Every other
 * parameter must exist in both with the same name, type and option values.
 */
const DELIBERATE: Record<string, { meeting?: string[]; webinar?: string[]; values?: string[]; reason: string }> = {
	locator: { meeting: ['*:meetingId'], webinar: ['*:webinarId'], reason: 'Zoom addresses them as /meetings/{meetingId} and /webinars/{webinarId}; registrant, poll and report operations show both locators side by side' },
	type: { values: ['create:type', 'update:updateFields.type'], reason: "Zoom's type numbers differ: meetings 1 instant, 2, 3, 8; webinars 5, 6, 9, and there is no instant webinar" },
	defaultPasscode: { meeting: ['create:additionalFields.default_password'], webinar: ['create:additionalFields.default_passcode'], reason: 'Zoom names the field default_password for meetings and default_passcode for webinars' },
	preSchedule: { meeting: ['create:additionalFields.pre_schedule'], reason: 'pre_schedule exists only on Zoom meeting create (GovCloud)' },
	notifyHost: { meeting: ['delete:options.notifyHost'], reason: 'schedule_for_reminder exists only on Zoom meeting delete' },
	listTypes: { values: ['getMany:type'], reason: "Zoom's list endpoints take different type filters (meetings: scheduled, live, upcoming, upcoming_meetings, previous_meetings; webinars: scheduled, upcoming)" },
	listWindow: { meeting: ['getMany:options', 'getMany:options.from', 'getMany:options.to', 'getMany:options.timezone'], reason: 'only GET /users/{userId}/meetings takes from, to and timezone' },
};

function listed(side: 'meeting' | 'webinar' | 'values', operation: string, name: string): boolean {
	return Object.values(DELIBERATE).some((entry) => (entry[side] ?? []).some((key) => key === `${operation}:${name}` || key === `*:${name}`));
}

describe('meetings and webinars (node version 2, built descriptions)', () => {
	for (const operation of OPERATIONS) {
		it(`${operation}: one name, one type for every shared concept; the rest is listed with Zoom's reason`, () => {
			const meeting = parameters('meeting', operation);
			const webinar = parameters('webinar', operation);
			assert.ok(meeting.size > 0 && webinar.size > 0, 'both resources have the operation');
			const problems: string[] = [];
			for (const [name, spec] of meeting) {
				const other = webinar.get(name);
				if (!other) {
					if (!listed('meeting', operation, name)) problems.push(`meeting only: ${name}`);
					continue;
				}
				if (spec.type !== other.type) problems.push(`${name}: ${spec.type} vs ${other.type}`);
				if (JSON.stringify(spec.values) !== JSON.stringify(other.values) && !listed('values', operation, name)) {
					problems.push(`${name}: values ${JSON.stringify(spec.values)} vs ${JSON.stringify(other.values)}`);
				}
			}
			for (const name of webinar.keys()) if (!meeting.has(name) && !listed('webinar', operation, name)) problems.push(`webinar only: ${name}`);
			assert.deepEqual(problems, []);
		});
	}

	it('every deliberate difference still exists (the list does not go stale)', () => {
		for (const [concept, entry] of Object.entries(DELIBERATE)) {
			for (const side of ['meeting', 'webinar'] as const) {
				for (const key of entry[side] ?? []) {
					const [operation, name] = key.split(':');
					const operations = operation === '*' ? OPERATIONS.filter((op) => op !== 'getMany' && op !== 'create') : [operation];
					for (const op of operations) assert.ok(parameters(side, op).has(name), `${concept}: ${side} ${op} has ${name}`);
				}
			}
			assert.ok(entry.reason.length > 20, `${concept} says why`);
		}
	});

	it('version 1 keeps its own parameters for saved workflows', () => {
		assert.deepEqual(description.version, [1, 2]);
		assert.equal(description.defaultVersion, 2);
		assert.ok(parameters('meeting', 'create', 1).has('meetingType'));
		assert.ok(!parameters('meeting', 'create', 2).has('meetingType'));
		assert.equal(parameters('webinar', 'create', 1).get('timezone')?.type, 'string');
		assert.equal(parameters('webinar', 'create', 2).get('timezone')?.type, 'options');
		assert.ok(parameters('webinar', 'delete', 1).has('options.cancel_webinar_reminder'));
		assert.ok(parameters('meeting', 'update', 1).has('updateFields.start_time'));
		assert.ok(!parameters('webinar', 'get', 1).has('simplify'));
	});

	it('gives both the same output shape: Zoom fields as Zoom names them, eventPage and hostOnly', () => {
		const zoom: IDataObject = {
			id: 85746065432,
			uuid: 'abc==',
			topic: 'Launch',
			type: 2,
			start_time: '2026-05-01T08:00:00Z',
			duration: 60,
			timezone: 'Europe/Berlin',
			join_url: 'https://zoom.us/j/85746065432?pwd=x',
			registration_url: 'https://zoom.us/meeting/register/x',
			password: 'abc',
			start_url: 'https://zoom.us/s/85746065432?zak=secret',
			settings: { global_dial_in_numbers: [{ country_name: 'Germany', number: '+49 69 1', type: 'toll' }] },
			occurrences: [{ occurrence_id: '1', start_time: '2026-05-01T08:00:00Z', duration: 60, status: 'available' }],
		};
		const shape = (value: unknown): unknown =>
			Array.isArray(value) ? value.map(shape) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, shape(entry)])) : typeof value;
		const meeting = eventOutput('meeting', zoom);
		const webinar = eventOutput('webinar', { ...zoom, type: 5 });
		assert.deepEqual(shape(webinar), shape(meeting));
		assert.deepEqual(shape(simplifiedEventOutput('webinar', { ...zoom, type: 5 })), shape(simplifiedEventOutput('meeting', zoom)));
		assert.equal(meeting.start_url, undefined);
		assert.deepEqual(Object.keys(meeting.eventPage as IDataObject).sort(), ['dialIn', 'duration', 'id', 'joinUrl', 'occurrences', 'passcode', 'registrationUrl', 'startTime', 'timezone', 'topic']);
	});
});
