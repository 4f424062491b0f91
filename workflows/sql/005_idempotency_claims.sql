-- Zoom ticketing schema, migration 005: claims taken in Postgres before any call to Zoom that
-- cannot be repeated safely, and each ticket's latest known state.

-- One row per ticketing event and session: the publish that inserts it (or takes over a failed
-- or abandoned attempt) is the only one allowed to create the Zoom meeting or webinar.
CREATE TABLE IF NOT EXISTS zoom_publish_claims (
	ticketing_event_id text NOT NULL,
	session_key text NOT NULL,
	state text NOT NULL CHECK (state IN ('creating', 'created', 'failed')),
	-- Each attempt after the first looks in Zoom for a meeting an earlier attempt created.
	attempts integer NOT NULL DEFAULT 1,
	claim_token text,
	claimed_at timestamptz NOT NULL DEFAULT now(),
	zoom_id text,
	last_error text,
	updated_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (ticketing_event_id, session_key)
);

-- A ticket's latest known state: a refund or cancellation is final, whatever arrives after it.
-- claim_token and claimed_until let one purchase at a time register the ticket in Zoom.
CREATE TABLE IF NOT EXISTS zoom_tickets (
	ticket_id text PRIMARY KEY,
	ticketing_event_id text,
	status text NOT NULL CHECK (status IN ('valid', 'refunded', 'cancelled')),
	claim_token text,
	claimed_until timestamptz,
	created_at timestamptz NOT NULL DEFAULT now(),
	updated_at timestamptz NOT NULL DEFAULT now()
);
