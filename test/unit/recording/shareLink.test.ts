import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { shareLinkOf } from '../../../nodes/ZoomTicketing/actions/recording/getShareLink.operation';

const file = (id: string, recording_type: string, file_type = 'MP4', status = 'completed') => ({
	id,
	recording_type,
	file_type,
	status,
	play_url: `https://zoom.us/rec/play/${id}`,
});

describe('shareLinkOf', () => {
	it("uses Zoom's share_url when it is there", () => {
		const link = shareLinkOf({ share_url: 'https://zoom.us/rec/share/abc', recording_files: [file('a', 'active_speaker')] });
		assert.deepEqual(link, { url: 'https://zoom.us/rec/share/abc', source: 'share_url' });
	});

	it('falls back to the play URL of the main video, not audio or chat', () => {
		const link = shareLinkOf({
			recording_files: [file('m4a', 'audio_only', 'M4A'), file('gal', 'gallery_view'), file('spk', 'shared_screen_with_speaker_view'), file('chat', 'chat_file', 'CHAT')],
		});
		assert.deepEqual(link, { url: 'https://zoom.us/rec/play/spk', source: 'play_url', recordingType: 'shared_screen_with_speaker_view' });
	});

	it('skips files still processing and gives up when nothing can be played', () => {
		assert.equal(shareLinkOf({ recording_files: [file('p', 'active_speaker', 'MP4', 'processing')] }), undefined);
		assert.equal(shareLinkOf({ share_url: '', recording_files: [] }), undefined);
	});
});
