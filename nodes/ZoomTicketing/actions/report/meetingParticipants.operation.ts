import type { IExecuteFunctions } from 'n8n-workflow';

import { eventIdParameter } from '../../descriptions/event';
import { meetingLocator } from '../../descriptions/meetingLocator';
import { participantsOperation } from './participants';

function getMeetingId(this: IExecuteFunctions, itemIndex: number): string {
	return eventIdParameter.call(this, 'meeting', itemIndex);
}

const operation = participantsOperation('meeting', meetingLocator(), getMeetingId);

export const description = operation.description;
export const execute = operation.execute;
