import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { eventTargetFields } from '../../descriptions/webinarOrMeeting';
import { parseMeetingReference } from '../../helpers/validation';
import { participantsOperation } from './participants';

const { displayOptions: _unused, ...meetingLocator } = eventTargetFields().find((field) => field.name === 'meetingId') as INodeProperties;

function getMeetingId(this: IExecuteFunctions, itemIndex: number): string {
	const value = this.getNodeParameter('meetingId', itemIndex, undefined, { extractValue: true }) as unknown;
	return parseMeetingReference(value, 'Meeting').id;
}

const operation = participantsOperation('meeting', meetingLocator, getMeetingId);

export const description = operation.description;
export const execute = operation.execute;
