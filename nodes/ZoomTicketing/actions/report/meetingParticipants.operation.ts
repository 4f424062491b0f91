import type { IExecuteFunctions } from 'n8n-workflow';

import { meetingLocator } from '../../descriptions/meetingLocator';
import { parseMeetingReference } from '../../helpers/validation';
import { participantsOperation } from './participants';

function getMeetingId(this: IExecuteFunctions, itemIndex: number): string {
	const value = this.getNodeParameter('meetingId', itemIndex, undefined, { extractValue: true }) as unknown;
	return parseMeetingReference(value, 'Meeting').id;
}

const operation = participantsOperation('meeting', meetingLocator(), getMeetingId);

export const description = operation.description;
export const execute = operation.execute;
