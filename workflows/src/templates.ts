import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
	byId,
	emailParameters,
	ifParameters,
	NODE,
	respondParameters,
	setParameters,
	sqlParameters,
	switchParameters,
	webhookParameters,
	WorkflowBuilder,
} from './builder';

const zoomNode = (resource: string, operation: string, parameters: Record<string, unknown>) => ({
	authentication: 'serverToServerOAuth',
	resource,
	operation,
	...parameters,
});

/** The schema, applied by the setup template: every file of workflows/sql in order. */
export function schemaSql(): string {
	const folder = join(__dirname, '..', 'sql');
	return readdirSync(folder)
		.filter((file) => file.endsWith('.sql'))
		.sort()
		.map((file) => readFileSync(join(folder, file), 'utf8').trim())
		.join('\n\n');
}

const ZOOM_API_BASE_URL = 'https://api.zoom.us/v2';

const SETTINGS_NOTE = `
## Settings
Everything specific to your installation lives in the **Settings** node: edit it once after import.`;

const CREDENTIALS_NOTE = `
## Credentials (by name)
- **Zoom Ticketing Server-to-Server OAuth**: your Zoom Server-to-Server OAuth app.
- **Zoom Ticketing Postgres**: the database holding the \`zoom_*\` tables (run *Zoom Ticketing: setup* first).`;

const TICKETING_WEBHOOK_NOTE = `
## Ticketing webhooks
Point your ticketing platform (or its webhook relay) at \`<n8n>/webhook/ticketing/<event-name>\` with the header
\`X-Api-Key\` (credential **Ticketing API Key**, Header Auth, name \`X-Api-Key\`). Bodies are JSON; the README
documents each shape. Answers: 2xx when done (repeating the event is harmless), 4xx for a bad body, 5xx when
something failed: the platform should send the event again.`;

// ---------------------------------------------------------------------------------------------
// 1. Event published → Zoom meeting or webinar → zoom_meetings → event page → response
// ---------------------------------------------------------------------------------------------
function eventPublished() {
	const w = new WorkflowBuilder('zoomTktEvtPub01', 'Zoom Ticketing: event published → Zoom meeting or webinar');
	w.sticky('Note', [-120, -420], [620, 380], `
# Event published → Zoom
\`POST /webhook/ticketing/event-published\` with \`{"event": {...}}\`.

Creates a **meeting**, or a **webinar** when \`event.format\` is \`webinar\` or the capacity is over the meeting limit
in Settings; stores it in \`zoom_meetings\`; then sends join URL, passcode and dial-in numbers to the event's
\`online_access_url\` on the ticketing platform (credential **Ticketing Platform API**).

Sending the same event twice creates nothing new: the row in \`zoom_meetings\` (unique per event and session) is
checked first, and the page update is repeated (it is idempotent).
${SETTINGS_NOTE}
${CREDENTIALS_NOTE}`);
	w.sticky('Note Webhooks', [560, -420], [560, 380], TICKETING_WEBHOOK_NOTE);

	w.node('Event Published', ...NODE.webhook, [0, 0], webhookParameters('ticketing/event-published'), { credentials: ['apiKey'] });
	w.node('Settings', ...NODE.set, [220, 0], setParameters({ meetingCapacityLimit: 100, defaultTimezone: 'UTC' }));
	w.node('Valid Event?', ...NODE.if, [440, 0], ifParameters(
		"!!$('Event Published').item.json.body?.event?.id && !!$('Event Published').item.json.body.event.title && !Number.isNaN(Date.parse($('Event Published').item.json.body.event.start_time ?? ''))",
	));
	w.node('Bad Event', ...NODE.respond, [660, 200], respondParameters(
		"{ error: 'invalid_event', message: 'event.id, event.title and event.start_time (ISO 8601) are required' }", 400));
	w.node('Event', ...NODE.set, [660, 0], setParameters({
		eventId: "={{ String($('Event Published').item.json.body.event.id) }}",
		sessionKey: "={{ $('Event Published').item.json.body.event.session_key ?? 'main' }}",
		title: "={{ $('Event Published').item.json.body.event.title }}",
		startTime: "={{ $('Event Published').item.json.body.event.start_time }}",
		duration: "={{ $('Event Published').item.json.body.event.duration ?? 60 }}",
		timezone: "={{ $('Event Published').item.json.body.event.timezone ?? $('Settings').item.json.defaultTimezone }}",
		capacity: "={{ $('Event Published').item.json.body.event.capacity ?? 0 }}",
		format: "={{ $('Event Published').item.json.body.event.format ?? 'auto' }}",
		onlineAccessUrl: "={{ $('Event Published').item.json.body.event.online_access_url ?? '' }}",
		attendanceThresholdMinutes: "={{ $('Event Published').item.json.body.event.attendance_threshold_minutes ?? '' }}",
	}));
	w.node('Find Meeting', ...NODE.postgres, [880, 0], sqlParameters(
		'SELECT * FROM zoom_meetings WHERE ticketing_event_id = $1 AND session_key = $2',
		'[$json.eventId, $json.sessionKey]',
	), { credentials: ['postgres'], retry: true, alwaysOutputData: true });
	w.node('Already in Zoom?', ...NODE.if, [1100, 0], ifParameters('!!$json.zoom_id'));
	w.node('Webinar?', ...NODE.if, [1320, 200], ifParameters(
		"$('Event').item.json.format === 'webinar' || ($('Event').item.json.format !== 'meeting' && Number($('Event').item.json.capacity) > Number($('Settings').item.json.meetingCapacityLimit))",
	));
	const registration = { approval_type: 0, registration_type: 1, registrants_confirmation_email: false };
	w.node('Create Webinar', ...NODE.zoom, [1540, 100], zoomNode('webinar', 'create', {
		topic: "={{ $('Event').item.json.title }}",
		type: 5,
		startTime: "={{ $('Event').item.json.startTime }}",
		duration: "={{ $('Event').item.json.duration }}",
		timezone: "={{ $('Event').item.json.timezone }}",
		additionalFields: {},
		settings: { approval_type: 0, registrants_confirmation_email: false },
	}), { credentials: ['zoom'], retry: true });
	w.node('Create Meeting', ...NODE.zoom, [1540, 300], zoomNode('meeting', 'create', {
		meetingType: 'scheduled',
		topic: "={{ $('Event').item.json.title }}",
		startTime: "={{ $('Event').item.json.startTime }}",
		duration: "={{ $('Event').item.json.duration }}",
		timezone: "={{ $('Event').item.json.timezone }}",
		additionalFields: {},
		settings: registration,
	}), { credentials: ['zoom'], retry: true });
	w.node('Save Meeting', ...NODE.postgres, [1760, 200], sqlParameters(`
INSERT INTO zoom_meetings (
	ticketing_event_id, session_key, kind, zoom_id, zoom_uuid, topic, start_time, duration_minutes, timezone,
	join_url, passcode, dial_in, event_page_url, attendance_threshold_minutes,
	connection_id
) VALUES (
	$1, $2, $3, $4, $5, $6, $7::timestamptz, $8::integer, $9, $10, $11, $12::jsonb, NULLIF($13, ''), NULLIF($14, '')::integer,
	(SELECT id FROM zoom_connections WHERE status = 'connected' ORDER BY last_verified_at DESC NULLS LAST LIMIT 1)
)
ON CONFLICT (ticketing_event_id, session_key) DO UPDATE SET
	kind = EXCLUDED.kind, zoom_id = EXCLUDED.zoom_id, zoom_uuid = EXCLUDED.zoom_uuid, topic = EXCLUDED.topic,
	start_time = EXCLUDED.start_time, duration_minutes = EXCLUDED.duration_minutes, timezone = EXCLUDED.timezone,
	join_url = EXCLUDED.join_url, passcode = EXCLUDED.passcode, dial_in = EXCLUDED.dial_in,
	event_page_url = EXCLUDED.event_page_url, attendance_threshold_minutes = EXCLUDED.attendance_threshold_minutes,
	status = 'scheduled', updated_at = now()
RETURNING *`, `[
	$('Event').item.json.eventId, $('Event').item.json.sessionKey, Number($json.type) >= 5 ? 'webinar' : 'meeting',
	String($json.id), $json.uuid ?? null, $json.topic, $json.start_time ?? $('Event').item.json.startTime,
	$json.duration ?? $('Event').item.json.duration, $json.timezone ?? $('Event').item.json.timezone,
	$json.join_url ?? null, $json.password ?? null, JSON.stringify($json.eventPage?.dialIn ?? []),
	$('Event').item.json.onlineAccessUrl, String($('Event').item.json.attendanceThresholdMinutes)
]`), { credentials: ['postgres'], retry: true });
	w.node('Has Event Page?', ...NODE.if, [1980, 0], ifParameters('!!$json.event_page_url'));
	w.node('Update Event Page', ...NODE.http, [2200, -100], {
		method: 'PUT',
		url: '={{ $json.event_page_url }}',
		authentication: 'genericCredentialType',
		genericAuthType: 'httpHeaderAuth',
		sendBody: true,
		specifyBody: 'json',
		jsonBody: `={{ JSON.stringify({
	event_id: $json.ticketing_event_id,
	session_key: $json.session_key,
	online_access: {
		provider: 'zoom',
		status: $json.status,
		kind: $json.kind,
		zoom_id: $json.zoom_id,
		topic: $json.topic,
		start_time: $json.start_time,
		join_url: $json.join_url,
		passcode: $json.passcode,
		dial_in: $json.dial_in,
	},
}) }}`,
		options: {},
	}, { credentials: ['ticketingPlatform'], retry: true });
	w.node('Respond', ...NODE.respond, [2420, 0], respondParameters(`{
	status: $('Find Meeting').item.json.zoom_id ? 'exists' : 'created',
	event_id: $('Event').item.json.eventId,
	session_key: $('Event').item.json.sessionKey,
	kind: $('Has Event Page?').item.json.kind,
	zoom_id: $('Has Event Page?').item.json.zoom_id,
	join_url: $('Has Event Page?').item.json.join_url,
	passcode: $('Has Event Page?').item.json.passcode,
	dial_in: $('Has Event Page?').item.json.dial_in,
}`));

	w.chain('Event Published', 'Settings', 'Valid Event?');
	w.connect('Valid Event?', 'Event', 0).connect('Valid Event?', 'Bad Event', 1);
	w.chain('Event', 'Find Meeting', 'Already in Zoom?');
	w.connect('Already in Zoom?', 'Has Event Page?', 0).connect('Already in Zoom?', 'Webinar?', 1);
	w.connect('Webinar?', 'Create Webinar', 0).connect('Webinar?', 'Create Meeting', 1);
	w.connect('Create Webinar', 'Save Meeting').connect('Create Meeting', 'Save Meeting');
	w.connect('Save Meeting', 'Has Event Page?');
	w.connect('Has Event Page?', 'Update Event Page', 0).connect('Has Event Page?', 'Respond', 1);
	w.connect('Update Event Page', 'Respond');
	return w.build();
}

// ---------------------------------------------------------------------------------------------
// 2. Event updated / cancelled → update or delete the meeting → zoom_meetings
// ---------------------------------------------------------------------------------------------
function eventChanged() {
	const w = new WorkflowBuilder('zoomTktEvtChg01', 'Zoom Ticketing: event updated or cancelled → Zoom');
	w.sticky('Note', [-120, -420], [700, 360], `
# Event updated or cancelled → Zoom
- \`POST /webhook/ticketing/event-updated\` with \`{"event": {...}}\` (same shape as *event published*): topic,
  start time, duration and time zone of every Zoom session of the event are updated.
- \`POST /webhook/ticketing/event-cancelled\` with \`{"event": {"id": "..."}}\`: the meetings or webinars are deleted
  in Zoom (registrants are notified by Zoom) and marked \`cancelled\` in \`zoom_meetings\`.

An unknown event answers 404. A second cancellation finds nothing left to cancel and answers 200.
${CREDENTIALS_NOTE}`);

	w.node('Event Updated', ...NODE.webhook, [0, 0], webhookParameters('ticketing/event-updated'), { credentials: ['apiKey'] });
	w.node('Event Cancelled', ...NODE.webhook, [0, 500], webhookParameters('ticketing/event-cancelled'), { credentials: ['apiKey'] });

	w.node('Find Sessions', ...NODE.postgres, [220, 0], sqlParameters(
		"SELECT * FROM zoom_meetings WHERE ticketing_event_id = $1 AND status <> 'cancelled' ORDER BY session_key",
		"[String($json.body?.event?.id ?? '')]",
	), { credentials: ['postgres'], retry: true, alwaysOutputData: true });
	w.node('Known Event?', ...NODE.if, [440, 0], ifParameters('!!$json.zoom_id'));
	w.node('Unknown Event', ...NODE.respond, [660, 200], respondParameters(
		"{ error: 'unknown_event', message: 'No Zoom session is stored for event ' + ($('Event Updated').first().json.body?.event?.id ?? '') }", 404));
	w.node('Webinar?', ...NODE.if, [660, 0], ifParameters("$json.kind === 'webinar'"));
	const event = "$('Event Updated').first().json.body.event";
	w.node('Update Webinar', ...NODE.zoom, [880, -100], zoomNode('webinar', 'update', {
		webinarId: byId('$json.zoom_id'),
		updateFields: {
			topic: `={{ ${event}.title ?? $json.topic }}`,
			startTime: `={{ ${event}.start_time ?? $json.start_time }}`,
			duration: `={{ ${event}.duration ?? $json.duration_minutes }}`,
			timezone: `={{ ${event}.timezone ?? $json.timezone }}`,
		},
		recurrence: {},
		settings: {},
		options: {},
	}), { credentials: ['zoom'], retry: true });
	w.node('Update Meeting', ...NODE.zoom, [880, 100], zoomNode('meeting', 'update', {
		meetingId: byId('$json.zoom_id'),
		updateFields: {
			topic: `={{ ${event}.title ?? $json.topic }}`,
			start_time: `={{ ${event}.start_time ?? $json.start_time }}`,
			duration: `={{ ${event}.duration ?? $json.duration_minutes }}`,
			timezone: `={{ ${event}.timezone ?? $json.timezone }}`,
		},
		settings: {},
	}), { credentials: ['zoom'], retry: true });
	w.node('Save Changes', ...NODE.postgres, [1100, 0], sqlParameters(`
UPDATE zoom_meetings SET topic = $2, start_time = $3::timestamptz, duration_minutes = $4::integer, timezone = $5, updated_at = now()
WHERE id = $1
RETURNING *`, `[
	$('Webinar?').item.json.id,
	${event}.title ?? $('Webinar?').item.json.topic,
	${event}.start_time ?? $('Webinar?').item.json.start_time,
	${event}.duration ?? $('Webinar?').item.json.duration_minutes,
	${event}.timezone ?? $('Webinar?').item.json.timezone
]`), { credentials: ['postgres'], retry: true });
	w.node('Updated', ...NODE.respond, [1320, 0], respondParameters(
		"{ status: 'updated', event_id: $json.ticketing_event_id, sessions: $input.all().map(item => ({ session_key: item.json.session_key, kind: item.json.kind, zoom_id: item.json.zoom_id, start_time: item.json.start_time })) }"));

	w.node('Find Sessions To Cancel', ...NODE.postgres, [220, 500], sqlParameters(
		"SELECT * FROM zoom_meetings WHERE ticketing_event_id = $1 AND status <> 'cancelled' ORDER BY session_key",
		"[String($json.body?.event?.id ?? '')]",
	), { credentials: ['postgres'], retry: true, alwaysOutputData: true });
	w.node('Anything To Cancel?', ...NODE.if, [440, 500], ifParameters('!!$json.zoom_id'));
	w.node('Nothing To Cancel', ...NODE.respond, [660, 700], respondParameters(
		"{ status: 'nothing_to_cancel', event_id: String($('Event Cancelled').first().json.body?.event?.id ?? '') }"));
	w.node('Cancel Webinar?', ...NODE.if, [660, 500], ifParameters("$json.kind === 'webinar'"));
	w.node('Delete Webinar', ...NODE.zoom, [880, 400], zoomNode('webinar', 'delete', {
		webinarId: byId('$json.zoom_id'),
		options: { cancel_webinar_reminder: true },
	}), { credentials: ['zoom'], retry: true });
	w.node('Delete Meeting', ...NODE.zoom, [880, 600], zoomNode('meeting', 'delete', {
		meetingId: byId('$json.zoom_id'),
		options: { cancelMeetingReminder: true },
	}), { credentials: ['zoom'], retry: true });
	w.node('Mark Cancelled', ...NODE.postgres, [1100, 500], sqlParameters(
		"UPDATE zoom_meetings SET status = 'cancelled', updated_at = now() WHERE id = $1 RETURNING *",
		"[$('Cancel Webinar?').item.json.id]",
	), { credentials: ['postgres'], retry: true });
	w.node('Cancelled', ...NODE.respond, [1320, 500], respondParameters(
		"{ status: 'cancelled', event_id: $json.ticketing_event_id, sessions: $input.all().map(item => ({ session_key: item.json.session_key, kind: item.json.kind, zoom_id: item.json.zoom_id })) }"));

	w.chain('Event Updated', 'Find Sessions', 'Known Event?');
	w.connect('Known Event?', 'Webinar?', 0).connect('Known Event?', 'Unknown Event', 1);
	w.connect('Webinar?', 'Update Webinar', 0).connect('Webinar?', 'Update Meeting', 1);
	w.connect('Update Webinar', 'Save Changes').connect('Update Meeting', 'Save Changes');
	w.connect('Save Changes', 'Updated');
	w.chain('Event Cancelled', 'Find Sessions To Cancel', 'Anything To Cancel?');
	w.connect('Anything To Cancel?', 'Cancel Webinar?', 0).connect('Anything To Cancel?', 'Nothing To Cancel', 1);
	w.connect('Cancel Webinar?', 'Delete Webinar', 0).connect('Cancel Webinar?', 'Delete Meeting', 1);
	w.connect('Delete Webinar', 'Mark Cancelled').connect('Delete Meeting', 'Mark Cancelled');
	w.connect('Mark Cancelled', 'Cancelled');
	return w.build();
}

// ---------------------------------------------------------------------------------------------
// 3. Ticket purchased → registrant (once per ticket) → zoom_registrants → confirmation email
// ---------------------------------------------------------------------------------------------
const CONFIRMATION_TEXT = `
Hello {{ $json.first_name || '' }},

your place at "{{ $json.topic }}" is confirmed.

Starts: {{ $json.start_time }} ({{ $json.timezone }})
Join:   {{ $json.join_url }}
Passcode: {{ $json.passcode || 'none' }}

This link is personal: please do not share it.`;

const CONFIRMATION_HTML = `
<p>Hello {{ $json.first_name || '' }},</p>
<p>your place at <strong>{{ $json.topic }}</strong> is confirmed.</p>
<p>Starts: {{ $json.start_time }} ({{ $json.timezone }})<br>
Join: <a href="{{ $json.join_url }}">{{ $json.join_url }}</a><br>
Passcode: {{ $json.passcode || 'none' }}</p>
<p>This link is personal: please do not share it.</p>`;

/**
 * Sends the confirmation once per registration: the row is claimed (confirmation_sent_at) in the
 * same statement that reads it, and released again when sending fails so that a retry sends it.
 * The claim answers one row per input item, with `due` telling whether to send.
 */
function addConfirmation(w: WorkflowBuilder, from: string, x: number, y: number) {
	w.node('Claim Confirmation', ...NODE.postgres, [x, y], sqlParameters(`
WITH claimed AS (
	UPDATE zoom_registrants SET confirmation_sent_at = now()
	WHERE id = $1 AND status = 'registered' AND confirmation_sent_at IS NULL
	RETURNING id
)
SELECT r.id, r.ticket_id, r.email, r.first_name, r.last_name, r.join_url, m.topic, m.start_time, m.timezone, m.passcode,
	EXISTS (SELECT 1 FROM claimed) AS due
FROM (SELECT $1::bigint AS id) AS input
LEFT JOIN zoom_registrants r ON r.id = input.id
LEFT JOIN zoom_meetings m ON m.id = r.meeting_id`, '[$json.id ?? null]'), { credentials: ['postgres'], retry: true });
	w.node('Confirmation Due?', ...NODE.if, [x + 220, y], ifParameters('$json.due === true'));
	w.node('Send Confirmation', ...NODE.email, [x + 440, y - 100], emailParameters(
		'{{ $json.email }}',
		'Your Zoom link for {{ $json.topic }}',
		CONFIRMATION_TEXT,
		CONFIRMATION_HTML,
	), { credentials: ['smtp'], retry: true, onError: 'continueErrorOutput' });
	w.node('Release Claim', ...NODE.postgres, [x + 660, y + 100], sqlParameters(
		'UPDATE zoom_registrants SET confirmation_sent_at = NULL WHERE id = $1 RETURNING id',
		"[$('Claim Confirmation').item.json.id]",
	), { credentials: ['postgres'], retry: true });
	w.connect(from, 'Claim Confirmation').connect('Claim Confirmation', 'Confirmation Due?');
	w.connect('Confirmation Due?', 'Send Confirmation', 0);
	w.connect('Send Confirmation', 'Release Claim', 1);
}

function ticketPurchased() {
	const w = new WorkflowBuilder('zoomTktTktBuy01', 'Zoom Ticketing: ticket purchased → Zoom registrant and email');
	w.sticky('Note', [-120, -460], [760, 420], `
# Ticket purchased → Zoom registrant → confirmation email
\`POST /webhook/ticketing/ticket-purchased\` with \`{"ticket": {...}}\`.

The ticket holder is registered to every Zoom session of the event (see *event published*), stored in
\`zoom_registrants\` (unique per ticket and session) and sent a confirmation with their **personal join URL**
(credential **Zoom Ticketing SMTP**).

- Hybrid events: only tickets whose \`attendance_mode\` is \`virtual\` are registered; in-person tickets are skipped
  and the answer says so.
- A ticket that was refunded or cancelled is never registered again by a late or repeated purchase event.
- Sent twice, a ticket is registered once: the table is checked before Zoom is called, Zoom's Add is itself
  idempotent, and the email is claimed in the row (\`confirmation_sent_at\`) before it is sent (released if
  sending fails, so a retry sends it).
- The event must have been published first: otherwise 409, and the ticketing platform should retry.
${SETTINGS_NOTE}`);

	w.node('Ticket Purchased', ...NODE.webhook, [0, 0], webhookParameters('ticketing/ticket-purchased'), { credentials: ['apiKey'] });
	w.node('Settings', ...NODE.set, [220, 0], setParameters({ senderEmail: 'events@example.com' }));
	const ticket = "$('Ticket Purchased').item.json.body?.ticket";
	w.node('Valid Ticket?', ...NODE.if, [440, 0], ifParameters(
		`!!${ticket}?.id && !!${ticket}?.event_id && /^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$/.test(${ticket}?.holder?.email ?? '')`,
	));
	w.node('Bad Ticket', ...NODE.respond, [660, 200], respondParameters(
		"{ error: 'invalid_ticket', message: 'ticket.id, ticket.event_id and a valid ticket.holder.email are required' }", 400));
	w.node('Virtual Ticket?', ...NODE.if, [660, 0], ifParameters(`(${ticket}.attendance_mode ?? 'virtual') === 'virtual'`));
	w.node('In-Person Ticket', ...NODE.respond, [880, 200], respondParameters(
		`{ status: 'skipped', ticket_id: String(${ticket}.id), reason: 'attendance_mode is ' + ${ticket}.attendance_mode + ': only virtual tickets are registered in Zoom' }`));
	w.node('Find Sessions', ...NODE.postgres, [880, 0], sqlParameters(`
SELECT m.id AS meeting_id, m.kind, m.zoom_id, m.topic, m.session_key,
	r.id AS registration_id, r.status AS registration_status, r.registrant_id, r.join_url AS registered_join_url
FROM zoom_meetings m
LEFT JOIN zoom_registrants r ON r.meeting_id = m.id AND r.ticket_id = $2
WHERE m.ticketing_event_id = $1 AND m.status IN ('scheduled', 'started')
ORDER BY m.session_key`, `[String(${ticket}.event_id), String(${ticket}.id)]`), { credentials: ['postgres'], retry: true, alwaysOutputData: true });
	w.node('Event in Zoom?', ...NODE.if, [1100, 0], ifParameters('!!$json.zoom_id'));
	w.node('Event Not Published', ...NODE.respond, [1320, 200], respondParameters(
		`{ error: 'event_not_in_zoom', message: 'Event ' + ${ticket}.event_id + ' has no scheduled Zoom session yet: publish it first, then send the ticket again' }`, 409));
	w.node('Registration State', ...NODE.switch, [1320, 0], {
		...switchParameters([
			{ output: 'registered', when: "$json.registration_status === 'registered'" },
			{ output: 'cancelled', when: "$json.registration_status === 'cancelled'" },
		]),
		options: { fallbackOutput: 'extra', renameFallbackOutput: 'new' },
	});
	w.node('Webinar?', ...NODE.if, [1540, 100], ifParameters("$json.kind === 'webinar'"));
	const holder = {
		email: `={{ ${ticket}.holder.email }}`,
		firstName: `={{ ${ticket}.holder.first_name || ${ticket}.holder.email.split('@')[0] }}`,
		lastName: `={{ ${ticket}.holder.last_name ?? '' }}`,
		additionalFields: {},
		customQuestions: {},
	};
	w.node('Register to Webinar', ...NODE.zoom, [1760, 0], zoomNode('registrant', 'add', {
		eventType: 'webinar',
		webinarId: byId('$json.zoom_id'),
		...holder,
	}), { credentials: ['zoom'], retry: true });
	w.node('Register to Meeting', ...NODE.zoom, [1760, 200], zoomNode('registrant', 'add', {
		eventType: 'meeting',
		meetingId: byId('$json.zoom_id'),
		...holder,
	}), { credentials: ['zoom'], retry: true });
	w.node('Save Registrant', ...NODE.postgres, [1980, 100], sqlParameters(`
INSERT INTO zoom_registrants (meeting_id, ticket_id, registrant_id, email, first_name, last_name, join_url, status)
VALUES ($1, $2, $3, $4, $5, $6, $7, 'registered')
ON CONFLICT (ticket_id, meeting_id) DO UPDATE SET
	registrant_id = EXCLUDED.registrant_id, email = EXCLUDED.email, first_name = EXCLUDED.first_name,
	last_name = EXCLUDED.last_name, join_url = EXCLUDED.join_url, status = 'registered', cancelled_at = NULL,
	updated_at = now()
RETURNING *`, `[
	$('Webinar?').item.json.meeting_id, String(${ticket}.id), $json.registrant_id ?? $json.id, ${ticket}.holder.email,
	${ticket}.holder.first_name ?? null, ${ticket}.holder.last_name ?? null, $json.join_url ?? null
]`), { credentials: ['postgres'], retry: true });
	w.node('Registered', ...NODE.respond, [2880, 0], respondParameters(
		`{ status: 'registered', ticket_id: String(${ticket}.id), registrations: $('Find Sessions').all().map(item => ({ session_key: item.json.session_key, zoom_id: item.json.zoom_id })) }`));
	w.node('Already Registered', ...NODE.respond, [1540, -200], respondParameters(
		`{ status: 'already_registered', ticket_id: String(${ticket}.id), registrations: $input.all().map(item => ({ session_key: item.json.session_key, zoom_id: item.json.zoom_id, registrant_id: item.json.registrant_id, join_url: item.json.registered_join_url })) }`));
	w.node('Ticket Cancelled', ...NODE.respond, [1540, -400], respondParameters(
		`{ status: 'ticket_cancelled', ticket_id: String(${ticket}.id), message: 'This ticket was refunded or cancelled; it is not registered again (a new purchase has a new ticket id)' }`));
	w.node('Email Failed', ...NODE.respond, [3100, 200], respondParameters(
		`{ error: 'email_failed', ticket_id: String(${ticket}.id), message: 'Registered in Zoom, but the confirmation email could not be sent: send the ticket again to retry' }`, 502));

	w.chain('Ticket Purchased', 'Settings', 'Valid Ticket?');
	w.connect('Valid Ticket?', 'Virtual Ticket?', 0).connect('Valid Ticket?', 'Bad Ticket', 1);
	w.connect('Virtual Ticket?', 'Find Sessions', 0).connect('Virtual Ticket?', 'In-Person Ticket', 1);
	w.connect('Find Sessions', 'Event in Zoom?');
	w.connect('Event in Zoom?', 'Registration State', 0).connect('Event in Zoom?', 'Event Not Published', 1);
	w.connect('Registration State', 'Already Registered', 0);
	w.connect('Registration State', 'Ticket Cancelled', 1);
	w.connect('Registration State', 'Webinar?', 2);
	w.connect('Webinar?', 'Register to Webinar', 0).connect('Webinar?', 'Register to Meeting', 1);
	w.connect('Register to Webinar', 'Save Registrant').connect('Register to Meeting', 'Save Registrant');
	addConfirmation(w, 'Save Registrant', 2200, 100);
	w.connect('Confirmation Due?', 'Registered', 1);
	w.connect('Send Confirmation', 'Registered', 0);
	w.connect('Release Claim', 'Email Failed');
	return w.build();
}

// ---------------------------------------------------------------------------------------------
// 4. Ticket refunded / cancelled → cancel the registrant → zoom_registrants
// ---------------------------------------------------------------------------------------------
function ticketRefunded() {
	const w = new WorkflowBuilder('zoomTktTktRef01', 'Zoom Ticketing: ticket refunded or cancelled → cancel Zoom registration');
	w.sticky('Note', [-120, -400], [700, 340], `
# Ticket refunded or cancelled → Zoom access removed
\`POST /webhook/ticketing/ticket-refunded\` or \`/webhook/ticketing/ticket-cancelled\` with \`{"ticket": {"id": "..."}}\`.

Every active registration of the ticket is **cancelled in Zoom** (the join link stops working) and marked
\`cancelled\` in \`zoom_registrants\`. A second refund finds nothing to cancel and answers 200.
${CREDENTIALS_NOTE}`);
	w.node('Ticket Refunded', ...NODE.webhook, [0, 0], webhookParameters('ticketing/ticket-refunded'), { credentials: ['apiKey'] });
	w.node('Ticket Cancelled', ...NODE.webhook, [0, 200], webhookParameters('ticketing/ticket-cancelled'), { credentials: ['apiKey'] });
	w.node('Valid Ticket?', ...NODE.if, [220, 100], ifParameters('!!$json.body?.ticket?.id'));
	w.node('Bad Ticket', ...NODE.respond, [440, 300], respondParameters("{ error: 'invalid_ticket', message: 'ticket.id is required' }", 400));
	w.node('Find Registrations', ...NODE.postgres, [440, 100], sqlParameters(`
SELECT r.*, m.kind, m.zoom_id
FROM zoom_registrants r JOIN zoom_meetings m ON m.id = r.meeting_id
WHERE r.ticket_id = $1 AND r.status = 'registered'`, '[String($json.body.ticket.id)]'), { credentials: ['postgres'], retry: true, alwaysOutputData: true });
	w.node('Anything To Cancel?', ...NODE.if, [660, 100], ifParameters('!!$json.registrant_id'));
	w.node('Nothing To Cancel', ...NODE.respond, [880, 300], respondParameters(
		"{ status: 'nothing_to_cancel', ticket_id: String($('Valid Ticket?').first().json.body.ticket.id) }"));
	w.node('Webinar?', ...NODE.if, [880, 100], ifParameters("$json.kind === 'webinar'"));
	w.node('Cancel Webinar Registrant', ...NODE.zoom, [1100, 0], zoomNode('registrant', 'updateStatus', {
		eventType: 'webinar',
		webinarId: byId('$json.zoom_id'),
		action: 'cancel',
		registrant: '={{ $json.registrant_id }}',
		options: {},
	}), { credentials: ['zoom'], retry: true });
	w.node('Cancel Meeting Registrant', ...NODE.zoom, [1100, 200], zoomNode('registrant', 'updateStatus', {
		eventType: 'meeting',
		meetingId: byId('$json.zoom_id'),
		action: 'cancel',
		registrant: '={{ $json.registrant_id }}',
		options: {},
	}), { credentials: ['zoom'], retry: true });
	w.node('Mark Cancelled', ...NODE.postgres, [1320, 100], sqlParameters(
		"UPDATE zoom_registrants SET status = 'cancelled', cancelled_at = now(), updated_at = now() WHERE id = $1 RETURNING *",
		"[$('Webinar?').item.json.id]",
	), { credentials: ['postgres'], retry: true });
	w.node('Cancelled', ...NODE.respond, [1540, 100], respondParameters(
		"{ status: 'cancelled', ticket_id: $json.ticket_id, registrations: $input.all().map(item => ({ registrant_id: item.json.registrant_id, meeting_id: item.json.meeting_id })) }"));

	w.connect('Ticket Refunded', 'Valid Ticket?').connect('Ticket Cancelled', 'Valid Ticket?');
	w.connect('Valid Ticket?', 'Find Registrations', 0).connect('Valid Ticket?', 'Bad Ticket', 1);
	w.connect('Find Registrations', 'Anything To Cancel?');
	w.connect('Anything To Cancel?', 'Webinar?', 0).connect('Anything To Cancel?', 'Nothing To Cancel', 1);
	w.connect('Webinar?', 'Cancel Webinar Registrant', 0).connect('Webinar?', 'Cancel Meeting Registrant', 1);
	w.connect('Cancel Webinar Registrant', 'Mark Cancelled').connect('Cancel Meeting Registrant', 'Mark Cancelled');
	w.connect('Mark Cancelled', 'Cancelled');
	return w.build();
}

// ---------------------------------------------------------------------------------------------
// 5. Zoom webhooks → status, attendance sessions, summary → CRM, certificates, recording emails
// ---------------------------------------------------------------------------------------------
const CERTIFICATE_TEXT = `
Hello {{ $json.name }},

thank you for taking part in "{{ $json.topic }}".

This certifies that you attended {{ $json.total_minutes }} minutes of the session.`;

const CERTIFICATE_HTML = `
<h2>Certificate of participation</h2>
<p>This certifies that <strong>{{ $json.name }}</strong> took part in <strong>{{ $json.topic }}</strong>
for {{ $json.total_minutes }} minutes.</p>`;

const RECORDING_TEXT = `
Hello {{ $json.first_name || '' }},

the recording of "{{ $json.topic }}" is ready:
{{ $json.recording_share_url }}
Passcode: {{ $json.recording_passcode || 'none' }}`;

const RECORDING_HTML = `
<p>Hello {{ $json.first_name || '' }},</p>
<p>the recording of <strong>{{ $json.topic }}</strong> is ready:
<a href="{{ $json.recording_share_url }}">watch it here</a><br>Passcode: {{ $json.recording_passcode || 'none' }}</p>`;

function zoomEvents() {
	const w = new WorkflowBuilder('zoomTktZoomEvt1', 'Zoom Ticketing: Zoom events → attendance, CRM, certificates, recordings');
	w.sticky('Note', [-120, -560], [760, 500], `
# Zoom events → attendance, CRM, certificates, recording
Paste \`<n8n>/webhook/zoom/events\` into your Zoom app (Feature → Event Subscriptions) with the events
started, ended, participant joined/left (meetings and webinars) and \`recording.completed\`; put the app's
**Secret Token** into the credential **Zoom Ticketing Webhook**. The trigger verifies every signature and answers
Zoom at once.

- started / ended → \`zoom_meetings.status\`.
- joined / left → one \`zoom_attendance\` row per webhook, keyed by the trigger's \`eventId\`: Zoom's retries add nothing.
- ended → waits for Zoom's participant report (Settings → \`reportWaitSeconds\`, 10 minutes by default: Zoom
  publishes it some minutes after the end; then retries while it is not ready), fills in from it any join or
  leave whose webhook never became a row, stores per-person totals,
  posts the attendance to your CRM (Settings → \`crmEndpoint\`, credential **CRM API**; a disabled HubSpot
  node shows the alternative) and emails a certificate to everyone over the event's
  \`attendance_threshold_minutes\` (workshops). Claimed once per meeting (\`attendance_reported_at\`).
- \`recording.completed\` → share link stored in \`zoom_meetings\` and emailed once per person to those who
  attended, or to every registrant (Settings → \`recordingRecipients\`: \`attended\` | \`registered\`).
${SETTINGS_NOTE}`);

	w.node('Zoom Events', ...NODE.zoomTrigger, [0, 0], {
		path: 'zoom/events',
		events: [
			'meeting.started', 'meeting.ended', 'meeting.participant_joined', 'meeting.participant_left',
			'webinar.started', 'webinar.ended', 'webinar.participant_joined', 'webinar.participant_left',
			'recording.completed',
		],
		options: {},
	}, { credentials: ['zoomWebhook'] });
	w.node('Settings', ...NODE.set, [220, 0], {
		...setParameters({
			senderEmail: 'events@example.com',
			crmEndpoint: 'https://crm.example.com/api/attendance',
			reportWaitSeconds: 600,
			recordingRecipients: 'attended',
		}),
		includeOtherFields: true,
	});
	w.node('Route', ...NODE.switch, [440, 0], switchParameters([
		{ output: 'started', when: "/^(meeting|webinar)\\.started$/.test($json.event)" },
		{ output: 'participant', when: "/\\.participant_(joined|left)$/.test($json.event)" },
		{ output: 'ended', when: "/^(meeting|webinar)\\.ended$/.test($json.event)" },
		{ output: 'recording', when: "$json.event === 'recording.completed'" },
	]));

	w.node('Mark Started', ...NODE.postgres, [700, -300], sqlParameters(`
UPDATE zoom_meetings SET status = 'started', started_at = coalesce(started_at, $2::timestamptz),
	zoom_uuid = coalesce($3, zoom_uuid), updated_at = now()
WHERE zoom_id = $1 AND status = 'scheduled'
RETURNING id`, '[$json.meetingId ?? $json.webinarId, $json.occurredAt, $json.uuid]'), { credentials: ['postgres'], retry: true });

	w.node('Record Session', ...NODE.postgres, [700, -100], sqlParameters(`
INSERT INTO zoom_attendance (meeting_id, zoom_uuid, kind, event_id, person_key, registrant_id, email, name, participant_uuid, occurred_at)
SELECT m.id, coalesce($2, ''), $3, $4, $5, $6, $7, $8, $9, $10::timestamptz
FROM zoom_meetings m WHERE m.zoom_id = $1
ON CONFLICT DO NOTHING
RETURNING id`, `[
	$json.meetingId ?? $json.webinarId, $json.uuid, $json.event.endsWith('joined') ? 'joined' : 'left', $json.eventId,
	$json.participant?.registrantId || ($json.participant?.email ? $json.participant.email.toLowerCase() : null) || $json.participant?.participantUserId || $json.participant?.userId || $json.participant?.name || 'unknown',
	$json.participant?.registrantId ?? null, $json.participant?.email ?? null, $json.participant?.name ?? null,
	$json.participant?.participantUuid ?? null,
	($json.event.endsWith('joined') ? $json.participant?.joinTime : $json.participant?.leaveTime) ?? $json.occurredAt
]`), { credentials: ['postgres'], retry: true });

	// meeting/webinar ended
	w.node('Claim Attendance Report', ...NODE.postgres, [700, 100], sqlParameters(`
UPDATE zoom_meetings SET status = 'ended', ended_at = coalesce(ended_at, $2::timestamptz),
	zoom_uuid = coalesce($3, zoom_uuid), attendance_reported_at = now(), updated_at = now()
WHERE zoom_id = $1 AND attendance_reported_at IS NULL AND status <> 'cancelled'
RETURNING *`, '[$json.meetingId ?? $json.webinarId, $json.occurredAt, $json.uuid]'), { credentials: ['postgres'], retry: true });
	w.node('Report Claimed?', ...NODE.filter, [920, 100], ifParameters('!!$json.zoom_id'));
	w.node('Wait for Report', ...NODE.wait, [1140, 100], {
		resume: 'timeInterval',
		amount: "={{ $('Settings').first().json.reportWaitSeconds }}",
		unit: 'seconds',
	});
	const summary = (eventType: 'meeting' | 'webinar') => zoomNode('report', 'attendanceSummary', {
		eventType,
		...(eventType === 'meeting' ? { meetingId: byId('$json.zoom_id') } : { webinarId: byId('$json.zoom_id') }),
		occurrence: 'uuid',
		occurrenceUuid: "={{ $('Settings').first().json.uuid }}",
		attendedWhen: 'minutes',
		minimumMinutes: '={{ $json.attendance_threshold_minutes ?? 1 }}',
		includeAbsent: false,
		options: {},
	});
	w.node('Webinar?', ...NODE.if, [1360, 100], ifParameters("$json.kind === 'webinar'"));
	// Retry On Fail runs before n8n splits off failed items, so a report that is still not ready
	// after the tries reaches the error output.
	w.node('Webinar Attendance', ...NODE.zoom, [1580, 0], summary('webinar'), { credentials: ['zoom'], retry: true, onError: 'continueErrorOutput' });
	w.node('Meeting Attendance', ...NODE.zoom, [1580, 200], summary('meeting'), { credentials: ['zoom'], retry: true, onError: 'continueErrorOutput' });
	// Joins and leaves whose webhook never became a row (Zoom gave up retrying, n8n was down, or a
	// queue-mode worker died holding the execution) are filled in from the participant report.
	const sessions = (eventType: 'meeting' | 'webinar') => zoomNode('report', `${eventType}Participants`, {
		...(eventType === 'meeting' ? { meetingId: byId('$json.zoom_id') } : { webinarId: byId('$json.zoom_id') }),
		occurrence: 'uuid',
		occurrenceUuid: "={{ $('Settings').first().json.uuid }}",
		returnAll: true,
	});
	w.node('Webinar Sessions', ...NODE.zoom, [1580, -200], sessions('webinar'), { credentials: ['zoom'], retry: true, onError: 'continueRegularOutput' });
	w.node('Meeting Sessions', ...NODE.zoom, [1580, 400], sessions('meeting'), { credentials: ['zoom'], retry: true, onError: 'continueRegularOutput' });
	w.node('Fill In Joins and Leaves', ...NODE.postgres, [1800, -200], sqlParameters(`
INSERT INTO zoom_attendance (meeting_id, zoom_uuid, kind, event_id, person_key, registrant_id, email, name, participant_uuid, occurred_at)
SELECT $1, coalesce($2, ''), moment.kind, concat_ws(':', 'report', $2, moment.kind, s.person_key, moment.at), s.person_key,
	s.registrant_id, s.user_email, s.name, s.participant_uuid, moment.at::timestamptz
FROM jsonb_to_recordset($3::jsonb) AS s(person_key text, registrant_id text, user_email text, name text,
	participant_uuid text, join_time text, leave_time text)
CROSS JOIN LATERAL (VALUES ('joined', s.join_time), ('left', s.leave_time)) AS moment(kind, at)
WHERE moment.at IS NOT NULL
ON CONFLICT DO NOTHING
RETURNING id`, `[
	$('Claim Attendance Report').first().json.id, $('Settings').first().json.uuid,
	JSON.stringify($input.all().filter(row => row.json.join_time && row.json.status !== 'in_waiting_room').map(({ json: row }) => ({
		person_key: row.registrant_id || (row.user_email ? row.user_email.toLowerCase() : null) || row.participant_user_id || row.user_id || row.name || 'unknown',
		registrant_id: row.registrant_id || null, user_email: row.user_email || null, name: row.name || null,
		participant_uuid: row.participant_uuid || null, join_time: row.join_time, leave_time: row.leave_time || null,
	})))
]`), { credentials: ['postgres'], retry: true, executeOnce: true });
	w.node('Release Report Claim', ...NODE.postgres, [2020, 400], sqlParameters(
		'UPDATE zoom_meetings SET attendance_reported_at = NULL WHERE id = $1 RETURNING id',
		"[$('Claim Attendance Report').first().json.id]",
	), { credentials: ['postgres'], retry: true, executeOnce: true });
	w.node('Save Totals', ...NODE.postgres, [2020, 100], sqlParameters(`
INSERT INTO zoom_attendance (meeting_id, zoom_uuid, kind, person_key, registrant_id, email, name, total_minutes, sessions,
	first_join_at, last_leave_at, share_of_duration, attended, guest)
VALUES ($1, coalesce($2, ''), 'total', $3, $4, $5, $6, $7, $8, $9::timestamptz, $10::timestamptz, $11, $12, $13)
ON CONFLICT (meeting_id, zoom_uuid, person_key) WHERE kind = 'total' DO UPDATE SET
	registrant_id = EXCLUDED.registrant_id, email = EXCLUDED.email, name = EXCLUDED.name,
	total_minutes = EXCLUDED.total_minutes, sessions = EXCLUDED.sessions, first_join_at = EXCLUDED.first_join_at,
	last_leave_at = EXCLUDED.last_leave_at, share_of_duration = EXCLUDED.share_of_duration,
	attended = EXCLUDED.attended, guest = EXCLUDED.guest, updated_at = now()
RETURNING *, (SELECT topic FROM zoom_meetings WHERE id = $1) AS topic,
	(SELECT attendance_threshold_minutes FROM zoom_meetings WHERE id = $1) AS threshold_minutes`, `[
	$('Claim Attendance Report').first().json.id, $json.occurrenceUuid, $json.key, $json.registrantId, $json.email, $json.name,
	$json.totalMinutes, $json.sessions, $json.firstJoin, $json.lastLeave,
	$json.shareOfScheduled == null ? null : Math.min(1, $json.shareOfScheduled), $json.attended, $json.guest
]`), { credentials: ['postgres'], retry: true });
	w.node('Attendance for CRM', ...NODE.aggregate, [2240, 0], {
		aggregate: 'aggregateAllItemData',
		destinationFieldName: 'attendees',
		options: {},
	});
	w.node('Post to CRM', ...NODE.http, [2460, 0], {
		method: 'POST',
		url: "={{ $('Settings').first().json.crmEndpoint }}",
		authentication: 'genericCredentialType',
		genericAuthType: 'httpHeaderAuth',
		sendBody: true,
		specifyBody: 'json',
		jsonBody: `={{ JSON.stringify({
	source: 'zoom',
	ticketing_event_id: $('Claim Attendance Report').first().json.ticketing_event_id,
	session_key: $('Claim Attendance Report').first().json.session_key,
	zoom_id: $('Claim Attendance Report').first().json.zoom_id,
	zoom_uuid: $('Settings').first().json.uuid,
	topic: $('Claim Attendance Report').first().json.topic,
	attendees: $json.attendees.map(a => ({ email: a.email, name: a.name, registrant_id: a.registrant_id, minutes: Number(a.total_minutes), sessions: a.sessions, attended: a.attended, guest: a.guest })),
}) }}`,
		options: {},
	}, { credentials: ['crm'], retry: true });
	w.node('Update HubSpot Contact', ...NODE.hubspot, [2460, -220], {
		authentication: 'appToken',
		resource: 'contact',
		operation: 'upsert',
		email: '={{ $json.email }}',
		additionalFields: { lastName: '={{ $json.name }}' },
		options: {},
	}, {
		credentials: ['hubspot'],
		disabled: true,
		notes: 'HubSpot variant: enable to upsert each attendee as a contact',
	});
	w.node('Certificate Due?', ...NODE.filter, [2240, 250], ifParameters(
		"$json.threshold_minutes != null && $json.attended === true && !!$json.email && $json.certificate_sent_at == null",
	));
	w.node('Claim Certificate', ...NODE.postgres, [2460, 250], sqlParameters(
		'UPDATE zoom_attendance SET certificate_sent_at = now() WHERE id = $1 AND certificate_sent_at IS NULL RETURNING *, $2::text AS topic',
		'[$json.id, $json.topic]',
	), { credentials: ['postgres'], retry: true });
	w.node('Certificate Claimed?', ...NODE.filter, [2680, 250], ifParameters('!!$json.email'));
	w.node('Send Certificate', ...NODE.email, [2900, 250], emailParameters(
		'{{ $json.email }}',
		'Certificate of participation: {{ $json.topic }}',
		CERTIFICATE_TEXT,
		CERTIFICATE_HTML,
	), { credentials: ['smtp'], retry: true });

	// recording.completed
	w.node('Save Recording Link', ...NODE.postgres, [700, 450], sqlParameters(`
UPDATE zoom_meetings SET recording_share_url = $2, recording_passcode = $3, updated_at = now()
WHERE zoom_id = $1
RETURNING *`, '[$json.meetingId ?? $json.webinarId, $json.recording?.shareUrl ?? null, $json.recording?.passcode ?? null]'), { credentials: ['postgres'], retry: true });
	w.node('Claim Recording Emails', ...NODE.postgres, [920, 450], sqlParameters(`
UPDATE zoom_registrants r SET recording_sent_at = now()
FROM zoom_meetings m
WHERE m.id = $1 AND r.meeting_id = m.id AND r.status = 'registered' AND r.recording_sent_at IS NULL
	AND m.recording_share_url IS NOT NULL
	AND ($2 = 'registered' OR EXISTS (
		SELECT 1 FROM zoom_attendance a
		WHERE a.meeting_id = m.id AND a.kind IN ('joined', 'total')
			AND (a.registrant_id = r.registrant_id OR lower(a.email) = lower(r.email))
			AND (a.kind = 'joined' OR a.total_minutes > 0)
	))
RETURNING r.id, r.email, r.first_name, r.last_name, m.topic, m.recording_share_url, m.recording_passcode`,
	"[$json.id, $('Settings').first().json.recordingRecipients]"), { credentials: ['postgres'], retry: true });
	w.node('Recording Email Due?', ...NODE.filter, [1140, 450], ifParameters('!!$json.email'));
	w.node('Send Recording', ...NODE.email, [1360, 450], emailParameters(
		'{{ $json.email }}',
		'Recording: {{ $json.topic }}',
		RECORDING_TEXT,
		RECORDING_HTML,
	), { credentials: ['smtp'], retry: true });

	w.chain('Zoom Events', 'Settings', 'Route');
	w.connect('Route', 'Mark Started', 0).connect('Route', 'Record Session', 1);
	w.connect('Route', 'Claim Attendance Report', 2).connect('Route', 'Save Recording Link', 3);
	w.chain('Claim Attendance Report', 'Report Claimed?', 'Wait for Report', 'Webinar?');
	w.connect('Webinar?', 'Webinar Attendance', 0).connect('Webinar?', 'Meeting Attendance', 1);
	w.connect('Webinar?', 'Webinar Sessions', 0).connect('Webinar?', 'Meeting Sessions', 1);
	w.connect('Webinar Sessions', 'Fill In Joins and Leaves').connect('Meeting Sessions', 'Fill In Joins and Leaves');
	for (const attendance of ['Webinar Attendance', 'Meeting Attendance']) {
		w.connect(attendance, 'Save Totals', 0).connect(attendance, 'Release Report Claim', 1);
	}
	w.connect('Save Totals', 'Attendance for CRM').connect('Save Totals', 'Certificate Due?');
	w.connect('Save Totals', 'Update HubSpot Contact');
	w.connect('Attendance for CRM', 'Post to CRM');
	w.chain('Certificate Due?', 'Claim Certificate', 'Certificate Claimed?', 'Send Certificate');
	w.chain('Save Recording Link', 'Claim Recording Emails', 'Recording Email Due?', 'Send Recording');
	return w.build();
}

// ---------------------------------------------------------------------------------------------
// 6. Nightly reconcile: Sync Ticket Holders for every upcoming event
// ---------------------------------------------------------------------------------------------
function nightlyReconcile() {
	const w = new WorkflowBuilder('zoomTktReconc01', 'Zoom Ticketing: nightly reconcile of ticket holders');
	w.sticky('Note', [-120, -460], [760, 420], `
# Nightly reconcile: ticket holders ↔ Zoom registrants
Every night (and on \`POST /webhook/ticketing/reconcile\`), for each upcoming Zoom session in \`zoom_meetings\`:
reads the event's ticket list from the ticketing platform (Settings → \`ticketListUrl\`, \`{eventId}\` is replaced;
the answer is \`{"tickets": [...]}\` with the ticket shape of *ticket purchased*), and runs **Sync Ticket Holders**:
missing holders are registered, refunded/cancelled tickets are cancelled in Zoom. \`zoom_registrants\` is brought in
line and missing confirmation emails are sent.

This is what repairs anything a lost webhook or an outage left behind: the ticketing platform is the source of
truth, the sync changes nothing when nothing drifted.
${SETTINGS_NOTE}`);
	w.node('Every Night', ...NODE.schedule, [0, 0], { rule: { interval: [{ field: 'cronExpression', expression: '0 3 * * *' }] } });
	w.node('Reconcile Now', ...NODE.webhook, [0, 200], webhookParameters('ticketing/reconcile'), { credentials: ['apiKey'] });
	w.node('Settings', ...NODE.set, [220, 100], setParameters({
		ticketListUrl: 'https://tickets.example.com/api/events/{eventId}/tickets',
		senderEmail: 'events@example.com',
	}));
	w.node('Upcoming Sessions', ...NODE.postgres, [440, 100], sqlParameters(
		"SELECT * FROM zoom_meetings WHERE status = 'scheduled' AND (start_time IS NULL OR start_time > now() - interval '1 day') ORDER BY start_time",
	), { credentials: ['postgres'], retry: true, executeOnce: true, alwaysOutputData: true });
	w.node('Any Sessions?', ...NODE.if, [660, 100], ifParameters('!!$json.zoom_id'));
	w.node('Each Session', ...NODE.loop, [880, 0], { options: {} });
	w.node('Ticket List', ...NODE.http, [880, 200], {
		method: 'GET',
		url: "={{ $('Settings').first().json.ticketListUrl.replace('{eventId}', encodeURIComponent($json.ticketing_event_id)) }}",
		authentication: 'genericCredentialType',
		genericAuthType: 'httpHeaderAuth',
		options: {},
	}, { credentials: ['ticketingPlatform'], retry: true });
	w.node('Ticket Holders', ...NODE.set, [1100, 200], {
		...setParameters({
			holders: { type: 'array', value: `={{ ($json.tickets ?? [])
	.filter(ticket => (ticket.attendance_mode ?? 'virtual') === 'virtual' && !!ticket.holder?.email)
	.map(ticket => ({
		ticketId: String(ticket.id),
		email: ticket.holder.email,
		firstName: ticket.holder.first_name || ticket.holder.email.split('@')[0],
		lastName: ticket.holder.last_name ?? '',
		status: ticket.status ?? 'valid',
	})) }}` },
		}),
	});
	w.node('Any Holders?', ...NODE.if, [1320, 200], ifParameters('$json.holders.length > 0'));
	w.node('Holder', ...NODE.splitOut, [1540, 100], { fieldToSplitOut: 'holders', options: {} });
	const sync = (eventType: 'meeting' | 'webinar') => zoomNode('registrant', 'syncTicketHolders', {
		eventType,
		...(eventType === 'meeting'
			? { meetingId: byId("$('Each Session').first().json.zoom_id") }
			: { webinarId: byId("$('Each Session').first().json.zoom_id") }),
		ticketId: '={{ $json.ticketId }}',
		email: '={{ $json.email }}',
		firstName: '={{ $json.firstName }}',
		lastName: '={{ $json.lastName }}',
		ticketStatus: '={{ $json.status }}',
		options: {},
	});
	w.node('Webinar?', ...NODE.if, [1760, 100], ifParameters("$('Each Session').first().json.kind === 'webinar'"));
	w.node('Sync Webinar Registrants', ...NODE.zoom, [1980, 0], sync('webinar'), { credentials: ['zoom'], retry: true });
	w.node('Sync Meeting Registrants', ...NODE.zoom, [1980, 200], sync('meeting'), { credentials: ['zoom'], retry: true });
	// One row per input item: the sync's summary item and failed tickets pass through unchanged.
	w.node('Save Registrant', ...NODE.postgres, [2200, 100], sqlParameters(`
WITH input AS (
	SELECT $1::bigint AS meeting_id, $2::text AS ticket_id, $3::text AS registrant_id, $4::text AS email,
		$5::text AS first_name, $6::text AS last_name, $7::text AS join_url, $8::text AS status
), saved AS (
	INSERT INTO zoom_registrants AS r (meeting_id, ticket_id, registrant_id, email, first_name, last_name, join_url, status, cancelled_at)
	SELECT meeting_id, ticket_id, registrant_id, email, first_name, last_name, join_url, status,
		CASE WHEN status = 'cancelled' THEN now() END
	FROM input WHERE ticket_id <> '' AND status IS NOT NULL
	ON CONFLICT (ticket_id, meeting_id) DO UPDATE SET
		registrant_id = coalesce(EXCLUDED.registrant_id, r.registrant_id), email = EXCLUDED.email,
		join_url = coalesce(EXCLUDED.join_url, r.join_url), status = EXCLUDED.status,
		cancelled_at = CASE WHEN EXCLUDED.status = 'cancelled' THEN coalesce(r.cancelled_at, now()) END,
		updated_at = now()
	WHERE r.status IS DISTINCT FROM EXCLUDED.status
		OR r.registrant_id IS DISTINCT FROM coalesce(EXCLUDED.registrant_id, r.registrant_id)
	RETURNING r.id, r.status
)
SELECT input.ticket_id, coalesce(saved.id, existing.id) AS id, coalesce(saved.status, existing.status) AS status
FROM input
LEFT JOIN saved ON true
LEFT JOIN zoom_registrants existing ON existing.ticket_id = input.ticket_id AND existing.meeting_id = input.meeting_id`, `[
	$('Each Session').first().json.id, $json.ticketId ?? '', $json.registrantId ?? null, $json.email ?? null,
	$json.ticketId ? $('Holder').item.json.firstName : null, $json.ticketId ? $('Holder').item.json.lastName : null,
	$json.joinUrl ?? null,
	['added', 'reinstated', 'alreadyRegistered', 'sharedRegistrant', 'keptForOtherTicket'].includes($json.action) ? 'registered'
		: ['cancelled', 'deleted', 'alreadyCancelled', 'notRegistered'].includes($json.action) ? 'cancelled' : null
]`), { credentials: ['postgres'], retry: true });

	w.node('Reconciled', ...NODE.respond, [1100, -200], respondParameters(
		"{ status: 'reconciled', sessions: $('Upcoming Sessions').all().filter(item => !!item.json.zoom_id).length }"));
	w.connect('Every Night', 'Settings').connect('Reconcile Now', 'Settings');
	w.chain('Settings', 'Upcoming Sessions', 'Any Sessions?');
	w.connect('Any Sessions?', 'Each Session', 0).connect('Any Sessions?', 'Reconciled', 1);
	w.connect('Each Session', 'Ticket List', 1);
	w.chain('Ticket List', 'Ticket Holders', 'Any Holders?');
	w.connect('Any Holders?', 'Holder', 0).connect('Any Holders?', 'Each Session', 1);
	w.connect('Holder', 'Webinar?');
	w.connect('Webinar?', 'Sync Webinar Registrants', 0).connect('Webinar?', 'Sync Meeting Registrants', 1);
	w.connect('Sync Webinar Registrants', 'Save Registrant').connect('Sync Meeting Registrants', 'Save Registrant');
	addConfirmation(w, 'Save Registrant', 2420, 100);
	// The loop continues from the claim (one row per item, always); the emails branch off it.
	w.connect('Claim Confirmation', 'Each Session');
	w.connect('Each Session', 'Reconciled', 0);
	return w.build();
}

// ---------------------------------------------------------------------------------------------
// 7. The ticketing API: /api/integrations/zoom/...
// ---------------------------------------------------------------------------------------------
function ticketingApi() {
	const w = new WorkflowBuilder('zoomTktApi00001', 'Zoom Ticketing: ticketing API /api/integrations/zoom');
	w.sticky('Note', [-120, -560], [820, 480], `
# Ticketing API (\`/webhook/api/integrations/zoom/...\`)
Every route needs the header \`X-Api-Key\` (credential **Ticketing API Key**: Header Auth, name \`X-Api-Key\`);
without it n8n refuses the call before the workflow runs.

| route | body | answer |
| --- | --- | --- |
| \`GET auth\` | | connection status: account, user, last check; how to connect when it fails |
| \`POST meetings\` | \`topic\`, \`type\` (1 instant, 2 scheduled), \`start_time\`, \`duration\`, \`timezone\`, \`settings\` | 201 meeting with join URL, passcode, dial-in |
| \`POST meetings/{meetingId}/registrants\` | \`email\`, \`first_name\`, \`last_name\` | 201 registrant id and join URL |
| \`GET meetings/{meetingId}/participants\` | | the attendance report: one row per person |

The two routes with \`{meetingId}\` are Webhook nodes whose webhook ID is \`api\` (n8n serves a path with a parameter
under its webhook ID): keep it when you copy them.

Bad bodies get 400 with \`{error, message}\`. Zoom's refusals leave the Zoom node by its error output (Settings → On Error)
and get 422, or 409 when the participant report is not available, with \`{error, message, description}\`.
Settings → \`zoomApiBaseUrl\` is only used by \`auth\` (\`https://api.zoomgov.com/v2\` for Zoom for Government).
${CREDENTIALS_NOTE}`);

	// GET auth
	w.node('Auth Status', ...NODE.webhook, [0, 0], webhookParameters('api/integrations/zoom/auth', 'GET'), { credentials: ['apiKey'] });
	w.node('Settings', ...NODE.set, [220, 0], setParameters({ zoomApiBaseUrl: ZOOM_API_BASE_URL }));
	w.node('Zoom User', ...NODE.http, [440, 0], {
		method: 'GET',
		url: "={{ $json.zoomApiBaseUrl }}/users/me",
		authentication: 'predefinedCredentialType',
		nodeCredentialType: 'zoomTicketingServerToServerOAuthApi',
		options: {},
	}, { credentials: ['zoom'], onError: 'continueErrorOutput' });
	w.node('Save Connection', ...NODE.postgres, [660, -100], sqlParameters(`
INSERT INTO zoom_connections (zoom_account_id, zoom_user_id, email, credential_name, credential_type, status, last_verified_at, last_error)
VALUES ($1, $2, $3, $4, 'zoomTicketingServerToServerOAuthApi', 'connected', now(), NULL)
ON CONFLICT (zoom_account_id, zoom_user_id) DO UPDATE SET
	email = EXCLUDED.email, credential_name = EXCLUDED.credential_name, status = 'connected',
	last_verified_at = now(), last_error = NULL, updated_at = now()
RETURNING *`, "[$json.account_id, $json.id, $json.email, 'Zoom Ticketing Server-to-Server OAuth']"), { credentials: ['postgres'], retry: true });
	w.node('Connected', ...NODE.respond, [880, -100], respondParameters(`{
	connected: true,
	account_id: $json.zoom_account_id,
	user: { id: $json.zoom_user_id, email: $json.email },
	credential: $json.credential_name,
	last_verified_at: $json.last_verified_at,
}`));
	w.node('Record Failure', ...NODE.postgres, [660, 100], sqlParameters(`
UPDATE zoom_connections SET status = 'error', last_error = $1, updated_at = now()
WHERE credential_name = 'Zoom Ticketing Server-to-Server OAuth'
RETURNING id`, "[String($json.error?.message ?? $json.error ?? 'unknown error')]"), { credentials: ['postgres'], retry: true, alwaysOutputData: true });
	w.node('Not Connected', ...NODE.respond, [880, 100], respondParameters(`{
	connected: false,
	error: String($('Zoom User').first().json.error?.message ?? 'Zoom did not accept the credential'),
	how_to_connect: 'Create a Server-to-Server OAuth app in the Zoom App Marketplace (scopes: meeting:read:admin, meeting:write:admin, webinar:read:admin, webinar:write:admin, report:read:admin, cloud_recording:read:admin, user:read:admin), then enter its account ID, client ID and client secret in the n8n credential \\'Zoom Ticketing Server-to-Server OAuth\\'.',
}`, 503));
	w.chain('Auth Status', 'Settings', 'Zoom User');
	w.connect('Zoom User', 'Save Connection', 0).connect('Zoom User', 'Record Failure', 1);
	w.connect('Save Connection', 'Connected').connect('Record Failure', 'Not Connected');

	// POST meetings
	w.node('Create Meeting Request', ...NODE.webhook, [0, 500], webhookParameters('api/integrations/zoom/meetings'), { credentials: ['apiKey'] });
	w.node('Valid Meeting?', ...NODE.if, [220, 500], ifParameters(
		"typeof $json.body?.topic === 'string' && $json.body.topic.trim() !== '' && [1, 2, undefined].includes($json.body.type) && ($json.body.type === 1 || !Number.isNaN(Date.parse($json.body.start_time ?? ''))) && ($json.body.duration === undefined || (Number.isInteger($json.body.duration) && $json.body.duration > 0))",
	));
	w.node('Bad Meeting', ...NODE.respond, [440, 700], respondParameters(
		"{ error: 'invalid_body', message: 'topic is required; type is 1 (instant) or 2 (scheduled, the default); start_time (ISO 8601) is required for scheduled meetings; duration is a positive whole number of minutes' }", 400));
	const body = "$('Create Meeting Request').item.json.body";
	w.node('Create Meeting', ...NODE.zoom, [440, 500], zoomNode('meeting', 'create', {
		meetingType: `={{ ${body}.type === 1 ? 'instant' : 'scheduled' }}`,
		topic: `={{ ${body}.topic }}`,
		startTime: `={{ ${body}.start_time }}`,
		duration: `={{ ${body}.duration ?? 60 }}`,
		timezone: `={{ ${body}.timezone ?? 'UTC' }}`,
		additionalFields: {},
		settings: {
			approval_type: `={{ ${body}.settings?.approval_type ?? 2 }}`,
			waiting_room: `={{ ${body}.settings?.waiting_room ?? false }}`,
			join_before_host: `={{ ${body}.settings?.join_before_host ?? false }}`,
			mute_upon_entry: `={{ ${body}.settings?.mute_upon_entry ?? false }}`,
			auto_recording: `={{ ${body}.settings?.auto_recording ?? 'none' }}`,
		},
	}), { credentials: ['zoom'], onError: 'continueErrorOutput' });
	w.node('Meeting Created', ...NODE.respond, [660, 400], respondParameters(`{
	id: $json.id,
	uuid: $json.uuid,
	topic: $json.topic,
	type: $json.type,
	start_time: $json.start_time,
	duration: $json.duration,
	timezone: $json.timezone,
	join_url: $json.join_url,
	password: $json.password,
	registration_url: $json.registration_url,
	dial_in: $json.eventPage?.dialIn ?? [],
}`, 201));
	w.node('Zoom Refused Meeting', ...NODE.respond, [660, 600], respondParameters(
		"{ error: 'zoom_error', message: $json.error.message, description: $json.error.description }", 422));
	w.chain('Create Meeting Request', 'Valid Meeting?');
	w.connect('Valid Meeting?', 'Create Meeting', 0).connect('Valid Meeting?', 'Bad Meeting', 1);
	w.connect('Create Meeting', 'Meeting Created', 0).connect('Create Meeting', 'Zoom Refused Meeting', 1);

	// POST meetings/:meetingId/registrants
	// n8n serves a path with a :parameter at /webhook/<webhookId>/<path>: the webhook id "api" makes
	// these two read /webhook/api/integrations/zoom/meetings/<id>/...
	w.node('Add Registrant Request', ...NODE.webhook, [0, 1000], webhookParameters('integrations/zoom/meetings/:meetingId/registrants'), { credentials: ['apiKey'], webhookId: 'api' });
	w.node('Valid Registrant?', ...NODE.if, [220, 1000], ifParameters(
		"/^\\d{9,12}$/.test($json.params?.meetingId ?? '') && /^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$/.test($json.body?.email ?? '') && typeof $json.body?.first_name === 'string' && $json.body.first_name.trim() !== ''",
	));
	w.node('Bad Registrant', ...NODE.respond, [440, 1200], respondParameters(
		"{ error: 'invalid_body', message: 'meetingId must be a Zoom meeting ID (digits); email (a valid address) and first_name are required; last_name is optional' }", 400));
	w.node('Add Registrant', ...NODE.zoom, [440, 1000], zoomNode('registrant', 'add', {
		eventType: 'meeting',
		meetingId: byId('$json.params.meetingId'),
		email: '={{ $json.body.email }}',
		firstName: '={{ $json.body.first_name }}',
		lastName: "={{ $json.body.last_name ?? '' }}",
		additionalFields: {},
		customQuestions: {},
	}), { credentials: ['zoom'], onError: 'continueErrorOutput' });
	w.node('Registrant Added', ...NODE.respond, [660, 900], respondParameters(`{
	id: $json.registrant_id ?? $json.id,
	registrant_id: $json.registrant_id ?? $json.id,
	meeting_id: $('Add Registrant Request').item.json.params.meetingId,
	email: $('Add Registrant Request').item.json.body.email,
	join_url: $json.join_url,
	participant_pin_code: $json.participant_pin_code,
}`, 201));
	w.node('Zoom Refused Registrant', ...NODE.respond, [660, 1100], respondParameters(
		"{ error: 'zoom_error', message: $json.error.message, description: $json.error.description }", 422));
	w.chain('Add Registrant Request', 'Valid Registrant?');
	w.connect('Valid Registrant?', 'Add Registrant', 0).connect('Valid Registrant?', 'Bad Registrant', 1);
	w.connect('Add Registrant', 'Registrant Added', 0).connect('Add Registrant', 'Zoom Refused Registrant', 1);

	// GET meetings/:meetingId/participants
	w.node('Participants Request', ...NODE.webhook, [0, 1500], webhookParameters('integrations/zoom/meetings/:meetingId/participants', 'GET'), { credentials: ['apiKey'], webhookId: 'api' });
	w.node('Valid Meeting ID?', ...NODE.if, [220, 1500], ifParameters("/^\\d{9,12}$/.test($json.params?.meetingId ?? '')"));
	w.node('Bad Meeting ID', ...NODE.respond, [440, 1700], respondParameters(
		"{ error: 'invalid_meeting_id', message: 'meetingId must be a Zoom meeting ID (digits)' }", 400));
	w.node('Attendance Report', ...NODE.zoom, [440, 1500], zoomNode('report', 'attendanceSummary', {
		eventType: 'meeting',
		meetingId: byId('$json.params.meetingId'),
		occurrence: 'latest',
		attendedWhen: 'anyTime',
		includeAbsent: true,
		options: {},
	}), { credentials: ['zoom'], onError: 'continueErrorOutput' });
	w.node('Participants', ...NODE.respond, [660, 1400], respondParameters(`{
	meeting_id: $('Participants Request').first().json.params.meetingId,
	participants: $input.all().map(item => ({
		registrant_id: item.json.registrantId, email: item.json.email, name: item.json.name, attended: item.json.attended,
		minutes: item.json.totalMinutes, sessions: item.json.sessions, first_join: item.json.firstJoin,
		last_leave: item.json.lastLeave, guest: item.json.guest, absent: item.json.absent,
	})),
}`));
	w.node('Report Not Available', ...NODE.respond, [660, 1600], respondParameters(
		"{ error: 'report_unavailable', message: $json.error.message, description: $json.error.description }", 409));
	w.chain('Participants Request', 'Valid Meeting ID?');
	w.connect('Valid Meeting ID?', 'Attendance Report', 0).connect('Valid Meeting ID?', 'Bad Meeting ID', 1);
	w.connect('Attendance Report', 'Participants', 0).connect('Attendance Report', 'Report Not Available', 1);
	return w.build();
}

// ---------------------------------------------------------------------------------------------
// 8. Setup: schema + the first row of zoom_connections
// ---------------------------------------------------------------------------------------------
function setup() {
	const w = new WorkflowBuilder('zoomTktSetup001', 'Zoom Ticketing: setup (schema and Zoom connection)');
	w.sticky('Note', [-120, -420], [700, 380], `
# Setup: run once (and after upgrading the templates)
1. Create the credentials named below, then **Execute workflow**.
2. **Apply Schema** creates or upgrades the four tables and the attendance view (the SQL of
   \`workflows/sql/\`; every statement is idempotent, so running it again is safe).
3. **Zoom User** calls \`GET /users/me\` and stores the connection in \`zoom_connections\` (never a token: n8n keeps
   tokens encrypted in its credential store).
${SETTINGS_NOTE}
${CREDENTIALS_NOTE}`);
	w.node('Run Setup', ...NODE.manual, [0, 0], {});
	w.node('Settings', ...NODE.set, [220, 0], setParameters({ zoomApiBaseUrl: ZOOM_API_BASE_URL }));
	w.node('Apply Schema', ...NODE.postgres, [440, 0], sqlParameters(schemaSql()), { credentials: ['postgres'], retry: true });
	w.node('Zoom User', ...NODE.http, [660, 0], {
		method: 'GET',
		url: "={{ $('Settings').first().json.zoomApiBaseUrl }}/users/me",
		authentication: 'predefinedCredentialType',
		nodeCredentialType: 'zoomTicketingServerToServerOAuthApi',
		options: {},
	}, { credentials: ['zoom'], retry: true, executeOnce: true });
	w.node('Save Connection', ...NODE.postgres, [880, 0], sqlParameters(`
INSERT INTO zoom_connections (zoom_account_id, zoom_user_id, email, credential_name, credential_type, status, last_verified_at)
VALUES ($1, $2, $3, $4, 'zoomTicketingServerToServerOAuthApi', 'connected', now())
ON CONFLICT (zoom_account_id, zoom_user_id) DO UPDATE SET
	email = EXCLUDED.email, credential_name = EXCLUDED.credential_name, status = 'connected',
	last_verified_at = now(), last_error = NULL, updated_at = now()
RETURNING *`, "[$json.account_id, $json.id, $json.email, 'Zoom Ticketing Server-to-Server OAuth']"), { credentials: ['postgres'], retry: true });
	w.chain('Run Setup', 'Settings', 'Apply Schema', 'Zoom User', 'Save Connection');
	return w.build();
}

export const templates = {
	'zoom-ticketing-setup.json': setup,
	'event-published.json': eventPublished,
	'event-updated-or-cancelled.json': eventChanged,
	'ticket-purchased.json': ticketPurchased,
	'ticket-refunded.json': ticketRefunded,
	'zoom-events.json': zoomEvents,
	'nightly-reconcile.json': nightlyReconcile,
	'ticketing-api.json': ticketingApi,
};
