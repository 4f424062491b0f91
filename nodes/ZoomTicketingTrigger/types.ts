/** The parts of Zoom's webhook bodies the trigger reads; everything else is passed on in `raw`. */
export interface ZoomWebhookBody {
	event?: unknown;
	event_ts?: unknown;
	download_token?: unknown;
	payload?: {
		account_id?: unknown;
		operator?: unknown;
		plainToken?: unknown;
		object?: ZoomWebhookObject;
	};
	[key: string]: unknown;
}

export interface ZoomWebhookObject {
	id?: unknown;
	uuid?: unknown;
	host_id?: unknown;
	topic?: unknown;
	type?: unknown;
	start_time?: unknown;
	end_time?: unknown;
	timezone?: unknown;
	duration?: unknown;
	share_url?: unknown;
	password?: unknown;
	recording_play_passcode?: unknown;
	total_size?: unknown;
	recording_count?: unknown;
	recording_files?: unknown;
	participant?: Record<string, unknown>;
	registrant?: Record<string, unknown>;
	[key: string]: unknown;
}
