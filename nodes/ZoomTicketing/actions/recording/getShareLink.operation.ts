import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { zoomApiRequest } from '../../transport';
import { getRecording, getRecordingReference, recordingLocator, type Recording } from './common';

export const description = updateDisplayOptions({ show: { resource: ['recording'], operation: ['getShareLink'] } }, [recordingLocator]);

// The views a viewer expects first when a recording is shared, best first.
const PREFERRED_VIEWS = ['shared_screen_with_speaker_view', 'shared_screen_with_speaker_view(CC)', 'active_speaker', 'speaker_view', 'gallery_view', 'shared_screen'];

/**
 * The link to share: Zoom's `share_url` when it sends one (its current recordings description no
 * longer declares it), else the play URL of the recording's main video file, which opens the same
 * recording in Zoom's web player under the same share settings and passcode.
 */
export function shareLinkOf(recording: Recording): { url: string; source: 'share_url' | 'play_url'; recordingType?: string } | undefined {
	if (typeof recording.share_url === 'string' && recording.share_url) return { url: recording.share_url, source: 'share_url' };
	const playable = (recording.recording_files ?? []).filter((file) => typeof file.play_url === 'string' && file.play_url && file.status !== 'processing');
	const rank = (type?: string) => {
		const index = PREFERRED_VIEWS.indexOf(type ?? '');
		return index === -1 ? PREFERRED_VIEWS.length : index;
	};
	const videos = playable.filter((file) => file.file_type === 'MP4');
	const [best] = (videos.length > 0 ? videos : playable).sort((a, b) => rank(a.recording_type) - rank(b.recording_type));
	return best ? { url: best.play_url as string, source: 'play_url', recordingType: best.recording_type } : undefined;
}

/** What an organiser emails to attendees: the share URL, its passcode, and how it is shared. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const reference = getRecordingReference.call(this, itemIndex);
	const recording = await getRecording.call(this, reference.pathId);
	const link = shareLinkOf(recording);
	if (!link) {
		throw new NodeOperationError(this.getNode(), 'Zoom returned no link to share for this recording', {
			itemIndex,
			description:
				"Zoom's answer has no share_url and no file with a play_url (the files may still be processing, or were deleted). Run this after the recording.completed event, or check the recording under Recordings in Zoom's web portal.",
		});
	}
	const settings = (await zoomApiRequest.call(this, 'GET', `/meetings/${reference.pathId}/recordings/settings`)) as {
		password?: string;
		share_recording?: string;
		viewer_download?: boolean;
		on_demand?: boolean;
	};

	const playPasscode = recording.recording_play_passcode || null;
	let shareUrlWithPasscode: string | null = null;
	if (playPasscode) {
		const url = new URL(link.url);
		url.searchParams.set('pwd', playPasscode);
		shareUrlWithPasscode = url.toString();
	}
	return {
		meetingId: recording.id ?? null,
		meetingUuid: recording.uuid ?? null,
		topic: recording.topic ?? null,
		startTime: recording.start_time ?? null,
		shareUrl: link.url,
		shareUrlSource: link.source,
		...(link.recordingType ? { shareUrlRecordingType: link.recordingType } : {}),
		passcode: recording.password || settings.password || null,
		shareUrlWithPasscode,
		shared: settings.share_recording ?? null,
		viewerDownload: settings.viewer_download ?? null,
		registrationRequired: settings.on_demand ?? null,
	};
}
