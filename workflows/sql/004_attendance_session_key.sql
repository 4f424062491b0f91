-- Zoom ticketing schema, migration 004: one joined or left row per person, occurrence and moment,
-- whether a webhook wrote it or the participant report filled it in after the event.

CREATE UNIQUE INDEX IF NOT EXISTS zoom_attendance_session_key
	ON zoom_attendance (meeting_id, zoom_uuid, kind, person_key, occurred_at) WHERE kind IN ('joined', 'left');
