import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { zoomApiRequest } from '../../transport';
import { getRecording, getRecordingReference, recordingLocator } from './common';

export const description = updateDisplayOptions({ show: { resource: ['recording'], operation: ['getShareLink'] } }, [recordingLocator]);

/** What an organiser emails to attendees: the share URL, its passcode, and how it is shared. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const reference = getRecordingReference.call(this, itemIndex);
	const recording = await getRecording.call(this, reference.pathId);
	const settings = (await zoomApiRequest.call(this, 'GET', `/meetings/${reference.pathId}/recordings/settings`)) as {
		password?: string;
		share_recording?: string;
		viewer_download?: boolean;
		on_demand?: boolean;
	};

	const shareUrl = typeof recording.share_url === 'string' && recording.share_url ? recording.share_url : null;
	const playPasscode = recording.recording_play_passcode || null;
	let shareUrlWithPasscode: string | null = null;
	if (shareUrl && playPasscode) {
		const url = new URL(shareUrl);
		url.searchParams.set('pwd', playPasscode);
		shareUrlWithPasscode = url.toString();
	}
	return {
		meetingId: recording.id ?? null,
		meetingUuid: recording.uuid ?? null,
		topic: recording.topic ?? null,
		startTime: recording.start_time ?? null,
		shareUrl,
		passcode: recording.password || settings.password || null,
		shareUrlWithPasscode,
		shared: settings.share_recording ?? null,
		viewerDownload: settings.viewer_download ?? null,
		registrationRequired: settings.on_demand ?? null,
	};
}
