import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { chain, itemsNode, loadWorkflow, zoomNode } from '../../harness';
import { meetingTestBed, type MeetingTestBed } from './setup';

describe('Meeting resource in the n8n engine, against the simulator', () => {
	let bed: MeetingTestBed;
	before(async () => {
		bed = await meetingTestBed();
	});
	after(async () => {
		await bed?.assertRequestsMatchOpenApi();
		await bed?.close();
	});

	test('a recurring meeting with registration required outputs join URL, passcode and dial-in numbers', async () => {
		const result = await bed.harness.run(loadWorkflow(join(__dirname, 'fixtures', 'recurring-meeting-with-registration.json')));
		assert.equal(result.status, 'success');
		const [meeting] = result.json('Create Meeting');
		const eventPage = meeting.eventPage as IDataObject;

		assert.equal(meeting.type, 8);
		assert.equal(meeting.topic, 'Ticketed workshop series');
		assert.match(String(eventPage.joinUrl), /^https:\/\/zoom\.us\/j\/\d{9,12}\?pwd=/);
		assert.equal(typeof eventPage.passcode, 'string');
		assert.ok(String(eventPage.passcode).length > 0);
		const dialIn = eventPage.dialIn as IDataObject[];
		assert.ok(dialIn.length > 0, 'dial-in numbers are listed');
		assert.ok(dialIn.every((entry) => typeof entry.number === 'string' && entry.number !== ''));
		assert.match(String(eventPage.registrationUrl), /^https?:\/\//);
		assert.equal((eventPage.occurrences as IDataObject[]).length, 6);
		assert.equal(meeting.start_url, undefined, 'the start URL is not at the top level');
		assert.match(String((meeting.hostOnly as IDataObject).startUrl), /^https?:\/\//);

		const settings = meeting.settings as IDataObject;
		assert.equal(settings.approval_type, 0);
		assert.equal(settings.waiting_room, true);
		assert.deepEqual(settings.breakout_room, { enable: true, rooms: [{ name: 'Track A', participants: ['ana@example.com', 'ben@example.com'] }] });
		assert.deepEqual(settings.language_interpretation, { enable: true, interpreters: [{ email: 'interp@example.com', languages: 'US,FR' }] });
		const [sent] = (await bed.control('GET', 'requests?method=POST&path=/v2/users/me/meetings&limit=1')).requests as IDataObject[];
		const sentSettings = (sent.body as IDataObject).settings as IDataObject;
		assert.deepEqual(sentSettings.global_dial_in_countries, ['US', 'DE']);
		assert.deepEqual(sentSettings.additional_data_center_regions, ['EU']);
		assert.deepEqual(sentSettings.auto_add_recording_to_video_management, { enable: true, channels: [{ channel_id: 'Uyh5qeykTDiA66YQEYmFPg' }] });
		assert.deepEqual(sentSettings.resources, [{ resource_type: 'whiteboard', resource_id: 'X4Hy02w3QUOdskKofgb9Jg', permission_level: 'viewer' }]);
		assert.equal(meeting.timezone, 'Europe/Berlin');
		// 18:00 in Berlin in December is 17:00 UTC.
		assert.equal(meeting.start_time, '2026-12-07T17:00:00Z');
		assert.deepEqual((meeting.recurrence as IDataObject).weekly_days, '2,4');
	});

	test('get, get one occurrence, get many, update one occurrence and all, delete one occurrence, end, delete', async () => {
		const s2s = { serverToServer: bed.s2s };
		const created = await bed.harness.run(
			chain(
				itemsNode([{}]),
				zoomNode(
					'Create',
					{
						resource: 'meeting',
						operation: 'create',
						meetingType: 'recurringFixedTime',
						topic: 'Daily stand-up',
						startTime: '2026-12-01T09:00:00Z',
						timezone: 'UTC',
						duration: 15,
						recurrenceType: 1,
						repeatInterval: 1,
						recurrenceEnd: 'count',
						endTimes: 3,
					},
					s2s,
				),
			),
		);
		const meeting = created.json('Create')[0];
		const id = String(meeting.id);
		const occurrences = (meeting.eventPage as IDataObject).occurrences as IDataObject[];
		const secondOccurrence = String(occurrences[1].occurrenceId);
		const byUrl = { __rl: true, mode: 'url', value: String((meeting.eventPage as IDataObject).joinUrl) };
		const byId = { __rl: true, mode: 'id', value: id };

		const got = await bed.harness.run(
			chain(
				itemsNode([{}]),
				zoomNode('Get', { resource: 'meeting', operation: 'get', meetingId: byUrl }, s2s),
				zoomNode('Get Occurrence', { resource: 'meeting', operation: 'get', meetingId: byId, simplify: false, options: { occurrenceId: secondOccurrence } }, s2s, {
					position: [400, 0],
				}),
			),
		);
		const simple = got.json('Get')[0];
		assert.equal(simple.id, meeting.id);
		assert.equal(simple.settings, undefined, 'Simplify (the default) leaves the settings out');
		assert.equal((simple.eventPage as IDataObject).joinUrl, (meeting.eventPage as IDataObject).joinUrl);
		const raw = got.json('Get Occurrence')[0];
		assert.equal(raw.id, meeting.id);
		assert.equal(typeof raw.settings, 'object');
		const occurrenceRequests = (await bed.control('GET', `requests?method=GET&path=/v2/meetings/${id}$`)).requests as IDataObject[];
		assert.deepEqual(occurrenceRequests.at(-1)?.query, { occurrence_id: secondOccurrence });

		const listed = await bed.harness.run(
			chain(itemsNode([{}]), zoomNode('All', { resource: 'meeting', operation: 'getMany', type: 'scheduled', returnAll: true }, s2s)),
		);
		assert.ok(listed.json('All').some((entry) => entry.id === meeting.id));
		assert.ok(listed.json('All').length >= 2);
		const limited = await bed.harness.run(
			chain(itemsNode([{}]), zoomNode('One', { resource: 'meeting', operation: 'getMany', type: 'scheduled', returnAll: false, limit: 1 }, s2s)),
		);
		assert.equal(limited.json('One').length, 1);

		const updated = await bed.harness.run(
			chain(
				itemsNode([{}]),
				zoomNode('One Occurrence', { resource: 'meeting', operation: 'update', meetingId: byId, occurrenceId: secondOccurrence, updateFields: { duration: 30 } }, s2s),
				zoomNode('All Occurrences', { resource: 'meeting', operation: 'update', meetingId: byId, updateFields: { topic: 'Daily stand-up (new room)' }, settings: { waiting_room: true } }, s2s),
			),
		);
		assert.equal(updated.json('All Occurrences')[0].topic, 'Daily stand-up (new room)');
		assert.equal((updated.json('All Occurrences')[0].settings as IDataObject).waiting_room, true);
		const patches = (await bed.control('GET', `requests?method=PATCH&path=/v2/meetings/${id}`)).requests as IDataObject[];
		assert.deepEqual(
			patches.map((entry) => entry.body),
			[{ duration: 30 }, { topic: 'Daily stand-up (new room)', settings: { waiting_room: true } }],
			'a PATCH carries only the fields given',
		);
		assert.deepEqual(patches[0].query, { occurrence_id: secondOccurrence });

		const removed = await bed.harness.run(
			chain(
				itemsNode([{}]),
				zoomNode('Delete Occurrence', { resource: 'meeting', operation: 'delete', meetingId: byId, options: { occurrenceId: secondOccurrence, cancelMeetingReminder: true } }, s2s),
				zoomNode('Delete', { resource: 'meeting', operation: 'delete', meetingId: byId, options: { scheduleForReminder: true } }, s2s),
			),
		);
		assert.deepEqual(removed.json('Delete Occurrence')[0], { deleted: true, meetingId: id, occurrenceId: secondOccurrence });
		assert.deepEqual(removed.json('Delete')[0], { deleted: true, meetingId: id });

		const gone = await bed.harness.run(
			chain(itemsNode([{}]), zoomNode('Get', { resource: 'meeting', operation: 'get', meetingId: byId }, s2s, { onError: 'continueRegularOutput' })),
		);
		const [error] = gone.json('Get');
		assert.match(String((error.error as IDataObject).message), /could not find it \(code 3001\)/);
	});

	test('a new local start time without a time zone is read in the meeting\'s own zone', async () => {
		const s2s = { serverToServer: bed.s2s };
		const created = await bed.harness.run(
			chain(
				itemsNode([{}]),
				zoomNode(
					'Create',
					{ resource: 'meeting', operation: 'create', meetingType: 'scheduled', topic: 'Moves', startTime: '2026-12-04T10:00:00', timezone: 'Europe/Berlin', duration: 30 },
					s2s,
				),
			),
		);
		const id = String(created.json('Create')[0].id);
		const moved = await bed.harness.run(
			chain(
				itemsNode([{}]),
				zoomNode('Move', { resource: 'meeting', operation: 'update', meetingId: { __rl: true, mode: 'id', value: id }, updateFields: { start_time: '2026-12-05T10:00:00' } }, s2s),
			),
		);
		assert.equal(moved.json('Move')[0].start_time, '2026-12-05T09:00:00Z');
		const [patch] = (await bed.control('GET', `requests?method=PATCH&path=/v2/meetings/${id}`)).requests as IDataObject[];
		assert.deepEqual(patch.body, { start_time: '2026-12-05T09:00:00Z' });
	});

	test('End ends a meeting in progress', async () => {
		const s2s = { serverToServer: bed.s2s };
		const created = await bed.harness.run(
			chain(itemsNode([{}]), zoomNode('Create', { resource: 'meeting', operation: 'create', meetingType: 'instant', topic: 'Now' }, s2s)),
		);
		const id = String(created.json('Create')[0].id);
		await bed.control('POST', 'runs', { meetingId: Number(id), participants: [], durationMinutes: 30, startAt: new Date().toISOString(), pace: { msPerMinute: 60_000 } });
		const ended = await bed.harness.run(
			chain(itemsNode([{}]), zoomNode('End', { resource: 'meeting', operation: 'end', meetingId: { __rl: true, mode: 'id', value: id } }, s2s)),
		);
		assert.deepEqual(ended.json('End')[0], { ended: true, meetingId: id });
		const puts = (await bed.control('GET', `requests?method=PUT&path=/v2/meetings/${id}/status`)).requests as IDataObject[];
		assert.deepEqual(puts.map((entry) => [entry.status, entry.body]), [[204, { action: 'end' }]]);
	});

	test('three items, the second invalid: two meetings and one error item paired to its input (Continue On Fail)', async () => {
		const before = (await bed.control('GET', 'requests?method=POST&path=/v2/users/me/meetings&countsOnly=true')).total as number;
		const create = zoomNode(
			'Create',
			{
				resource: 'meeting',
				operation: 'create',
				meetingType: 'scheduled',
				topic: '={{ $json.topic }}',
				startTime: '={{ $json.start }}',
				timezone: '={{ $json.zone }}',
				duration: 45,
			},
			{ serverToServer: bed.s2s },
			{ onError: 'continueRegularOutput' },
		);
		const items = [
			{ topic: 'Morning session', start: '2026-12-02T09:00:00', zone: 'America/New_York' },
			{ topic: 'Broken session', start: '2026-12-02T09:00:00', zone: 'Mars/Olympus_Mons' },
			{ topic: 'Evening session', start: '2026-12-02T19:00:00', zone: 'Asia/Tokyo' },
		];
		const result = await bed.harness.run(chain(itemsNode(items), create));
		assert.equal(result.status, 'success');
		const output = result.items('Create');
		assert.equal(output.length, 3);
		assert.deepEqual(
			output.map((item) => item.pairedItem),
			[{ item: 0 }, { item: 1 }, { item: 2 }],
		);
		assert.equal(output[0].json.topic, 'Morning session');
		assert.equal(output[2].json.topic, 'Evening session');
		assert.equal(output[1].json.id, undefined);
		assert.match(String((output[1].json.error as IDataObject).message), /Invalid value for "Time Zone": "Mars\/Olympus_Mons" is not an IANA time zone \(item 1\)/);
		assert.match(String((output[1].json.error as IDataObject).description), /IANA time zone name such as Europe\/Berlin/);
		const afterCount = (await bed.control('GET', 'requests?method=POST&path=/v2/users/me/meetings&countsOnly=true')).total as number;
		assert.equal(afterCount - before, 2, 'nothing was sent to Zoom for the invalid item');
	});

	test('without Continue On Fail the run stops at the invalid item with an error naming parameter and item', async () => {
		const create = zoomNode(
			'Create',
			{ resource: 'meeting', operation: 'create', meetingType: 'scheduled', topic: 'x', startTime: '={{ $json.start }}', timezone: 'UTC', duration: 2000 },
			{ serverToServer: bed.s2s },
		);
		const result = await bed.harness.run(chain(itemsNode([{ start: '2026-12-02T09:00:00Z' }]), create));
		assert.equal(result.status, 'error');
		const error = result.nodeError('Create');
		assert.match(String(error?.message), /Invalid value for "Duration \(Minutes\)": 2000 is out of range \(item 0\)/);
		assert.match(String(error?.description), /a whole number from 1 to 1440/);
	});

	test('bad meeting references and settings are refused before any request', async () => {
		const before = (await bed.control('GET', 'requests?countsOnly=true')).total as number;
		const get = zoomNode(
			'Get',
			{ resource: 'meeting', operation: 'get', meetingId: { __rl: true, mode: 'url', value: '={{ $json.url }}' } },
			{ serverToServer: bed.s2s },
			{ onError: 'continueRegularOutput' },
		);
		const result = await bed.harness.run(
			chain(itemsNode([{ url: 'https://example.com/j/85746065432' }, { url: 'https://zoom.us/my/vanity.name' }]), get),
		);
		const [notZoom, noId] = result.json('Get');
		assert.match(String((notZoom.error as IDataObject).message), /"example\.com" is not a Zoom domain/);
		assert.match(String((noId.error as IDataObject).message), /no meeting ID found/);

		const create = zoomNode(
			'Create',
			{
				resource: 'meeting',
				operation: 'create',
				meetingType: 'instant',
				topic: 'x',
				settings: { approval_type: 0 },
			},
			{ serverToServer: bed.s2s },
			{ onError: 'continueRegularOutput' },
		);
		const refused = await bed.harness.run(chain(itemsNode([{}]), create));
		assert.match(String((refused.json('Create')[0].error as IDataObject).message), /instant meetings cannot require registration/);
		const afterCount = (await bed.control('GET', 'requests?countsOnly=true')).total as number;
		assert.equal(afterCount, before);
	});
});
