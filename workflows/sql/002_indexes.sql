-- Zoom ticketing schema, migration 002: indexes for the lookups the templates make.

CREATE UNIQUE INDEX IF NOT EXISTS zoom_attendance_total_key
	ON zoom_attendance (meeting_id, zoom_uuid, person_key) WHERE kind = 'total';
CREATE INDEX IF NOT EXISTS zoom_attendance_meeting_idx ON zoom_attendance (meeting_id, kind);
CREATE INDEX IF NOT EXISTS zoom_registrants_registrant_idx ON zoom_registrants (registrant_id);
CREATE INDEX IF NOT EXISTS zoom_registrants_meeting_email_idx ON zoom_registrants (meeting_id, lower(email));
CREATE INDEX IF NOT EXISTS zoom_meetings_status_start_idx ON zoom_meetings (status, start_time);
CREATE INDEX IF NOT EXISTS zoom_meetings_connection_idx ON zoom_meetings (connection_id);
