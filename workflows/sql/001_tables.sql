-- Zoom ticketing schema, migration 001: the four tables.
-- Idempotent: safe to run again on a database that already has them.

CREATE TABLE IF NOT EXISTS zoom_connections (
	id bigserial PRIMARY KEY,
	zoom_account_id text NOT NULL,
	zoom_user_id text NOT NULL,
	email text NOT NULL,
	-- The n8n credential used for this connection, by name and type. Tokens stay in n8n's
	-- encrypted credential store and never land in this table.
	credential_name text NOT NULL,
	credential_type text NOT NULL,
	scopes text[] NOT NULL DEFAULT '{}',
	status text NOT NULL DEFAULT 'connected' CHECK (status IN ('connected', 'error', 'revoked')),
	last_verified_at timestamptz,
	last_error text,
	created_at timestamptz NOT NULL DEFAULT now(),
	updated_at timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT zoom_connections_account_user_key UNIQUE (zoom_account_id, zoom_user_id)
);

CREATE TABLE IF NOT EXISTS zoom_meetings (
	id bigserial PRIMARY KEY,
	ticketing_event_id text NOT NULL,
	-- One ticketing event may span several Zoom sessions (a multi-session conference).
	session_key text NOT NULL DEFAULT 'main',
	connection_id bigint REFERENCES zoom_connections (id) ON DELETE SET NULL,
	kind text NOT NULL CHECK (kind IN ('meeting', 'webinar')),
	zoom_id text NOT NULL,
	zoom_uuid text,
	topic text NOT NULL,
	start_time timestamptz,
	duration_minutes integer CHECK (duration_minutes IS NULL OR duration_minutes > 0),
	timezone text,
	join_url text,
	passcode text,
	dial_in jsonb NOT NULL DEFAULT '[]'::jsonb,
	status text NOT NULL DEFAULT 'scheduled'
		CHECK (status IN ('scheduled', 'started', 'ended', 'cancelled')),
	event_page_url text,
	attendance_threshold_minutes integer,
	recording_share_url text,
	recording_passcode text,
	-- Set when the attendance summary is claimed for the CRM and certificates, so it runs once.
	attendance_reported_at timestamptz,
	started_at timestamptz,
	ended_at timestamptz,
	created_at timestamptz NOT NULL DEFAULT now(),
	updated_at timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT zoom_meetings_event_session_key UNIQUE (ticketing_event_id, session_key),
	CONSTRAINT zoom_meetings_zoom_id_key UNIQUE (zoom_id)
);

CREATE TABLE IF NOT EXISTS zoom_registrants (
	id bigserial PRIMARY KEY,
	meeting_id bigint NOT NULL REFERENCES zoom_meetings (id) ON DELETE CASCADE,
	ticket_id text NOT NULL,
	registrant_id text,
	email text NOT NULL,
	first_name text,
	last_name text,
	join_url text,
	status text NOT NULL DEFAULT 'registered' CHECK (status IN ('registered', 'cancelled')),
	registered_at timestamptz NOT NULL DEFAULT now(),
	cancelled_at timestamptz,
	confirmation_sent_at timestamptz,
	recording_sent_at timestamptz,
	updated_at timestamptz NOT NULL DEFAULT now(),
	-- One registration per ticket and session: a ticket event delivered twice cannot add a row.
	CONSTRAINT zoom_registrants_ticket_meeting_key UNIQUE (ticket_id, meeting_id)
);

CREATE TABLE IF NOT EXISTS zoom_attendance (
	id bigserial PRIMARY KEY,
	meeting_id bigint NOT NULL REFERENCES zoom_meetings (id) ON DELETE CASCADE,
	-- Zoom's instance UUID: recurring meetings have one per occurrence.
	zoom_uuid text NOT NULL DEFAULT '',
	kind text NOT NULL CHECK (kind IN ('joined', 'left', 'total')),
	-- The trigger's eventId for joined/left rows: a retried webhook delivery cannot add a row.
	event_id text,
	person_key text NOT NULL,
	registrant_id text,
	email text,
	name text,
	participant_uuid text,
	occurred_at timestamptz,
	total_minutes numeric(10, 2),
	sessions integer,
	first_join_at timestamptz,
	last_leave_at timestamptz,
	share_of_duration numeric(6, 4),
	attended boolean,
	guest boolean,
	certificate_sent_at timestamptz,
	created_at timestamptz NOT NULL DEFAULT now(),
	updated_at timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT zoom_attendance_event_id_key UNIQUE (event_id),
	CONSTRAINT zoom_attendance_kind_event_id CHECK ((kind = 'total') = (event_id IS NULL))
);
