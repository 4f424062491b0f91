-- Zoom ticketing schema, migration 007: the attendance report is claimed once per run of a meeting
-- (Zoom's instance UUID), so a second run of the same meeting gets its totals, CRM post and
-- certificates too. zoom_meetings.attendance_reported_at keeps the time of the latest claim.

CREATE TABLE IF NOT EXISTS zoom_attendance_reports (
	meeting_id bigint NOT NULL REFERENCES zoom_meetings (id) ON DELETE CASCADE,
	zoom_uuid text NOT NULL,
	claimed_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (meeting_id, zoom_uuid)
);

-- Meetings already reported before this migration keep their claim for the run they reported.
INSERT INTO zoom_attendance_reports (meeting_id, zoom_uuid, claimed_at)
SELECT id, zoom_uuid, attendance_reported_at FROM zoom_meetings
WHERE attendance_reported_at IS NOT NULL AND zoom_uuid IS NOT NULL
ON CONFLICT DO NOTHING;
