-- Zoom ticketing schema, migration 003: attendance per ticket holder across every session of a
-- ticketing event (multi-session conferences). One row per ticketing event and ticket.

CREATE OR REPLACE VIEW zoom_ticket_attendance AS
WITH per_session AS (
	SELECT
		m.ticketing_event_id,
		m.session_key,
		r.ticket_id,
		r.email,
		r.first_name,
		r.last_name,
		coalesce(sum(t.total_minutes), 0) AS minutes,
		bool_or(coalesce(t.attended, false)) AS attended
	FROM zoom_registrants r
	JOIN zoom_meetings m ON m.id = r.meeting_id
	LEFT JOIN zoom_attendance t
		ON t.meeting_id = m.id
		AND t.kind = 'total'
		AND (t.registrant_id = r.registrant_id OR lower(t.email) = lower(r.email))
	WHERE r.status = 'registered'
	GROUP BY m.ticketing_event_id, m.session_key, r.ticket_id, r.email, r.first_name, r.last_name
)
SELECT
	ticketing_event_id,
	ticket_id,
	min(email) AS email,
	min(first_name) AS first_name,
	min(last_name) AS last_name,
	jsonb_object_agg(session_key, minutes ORDER BY session_key) AS minutes_per_session,
	count(*) FILTER (WHERE minutes > 0) AS sessions_attended,
	count(*) FILTER (WHERE attended) AS sessions_over_threshold,
	count(*) AS sessions_registered,
	sum(minutes) AS total_minutes
FROM per_session
GROUP BY ticketing_event_id, ticket_id;
