import type { HandlerTable } from '../context';
import { meetingHandlers } from './meetings';
import { recordingHandlers } from './recordings';
import { registrantHandlers } from './registrants';
import { userHandlers } from './users';

/** Handlers by Zoom operationId. Operations of the document not listed here answer 501. */
export const handlers: HandlerTable = {
	...userHandlers,
	...meetingHandlers,
	...registrantHandlers,
	...recordingHandlers,
};
