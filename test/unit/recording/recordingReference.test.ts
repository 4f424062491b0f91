import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { parseRecordingReference } from '../../../nodes/ZoomTicketing/actions/recording/common';

describe('parseRecordingReference', () => {
	it('takes a meeting ID as Zoom prints it', () => {
		assert.deepEqual(parseRecordingReference('857 4606 5432'), { value: '85746065432', pathId: '85746065432', isUuid: false });
		assert.deepEqual(parseRecordingReference('857-4606-5432'), { value: '85746065432', pathId: '85746065432', isUuid: false });
	});

	it('encodes an occurrence UUID once, or twice when it begins with / or contains //', () => {
		assert.deepEqual(parseRecordingReference('4444AAAiAAAAAiAiAiiAii=='), {
			value: '4444AAAiAAAAAiAiAiiAii==',
			pathId: '4444AAAiAAAAAiAiAiiAii%3D%3D',
			isUuid: true,
		});
		assert.equal(parseRecordingReference('/ajXp112QmuoKj48548751==')?.pathId, '%252FajXp112QmuoKj48548751%253D%253D');
		assert.equal(parseRecordingReference('ajXp112Qmu//Kj48548751==')?.pathId, 'ajXp112Qmu%252F%252FKj48548751%253D%253D');
		assert.equal(parseRecordingReference('ajXp112Qmu/oKj48548751==')?.pathId, 'ajXp112Qmu%2FoKj48548751%3D%3D');
	});

	it('refuses anything else', () => {
		for (const value of ['', '12345', 'https://zoom.us/rec/share/abc', 'not a uuid at all', '4444AAAiAAAAAiAiAiiAii==x']) {
			assert.equal(parseRecordingReference(value), undefined, value);
		}
	});
});
