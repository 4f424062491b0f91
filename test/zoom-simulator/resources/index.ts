import type { HandlerTable } from '../context';
import { meetingHandlers } from './meetings';
import { panelistHandlers } from './panelists';
import { pollHandlers } from './polls';
import { recordingHandlers } from './recordings';
import { registrantHandlers } from './registrants';
import { reportHandlers } from './reports';
import { userHandlers } from './users';
import { webinarHandlers } from './webinars';

/** Handlers by Zoom operationId. Operations of the document not listed here answer 501. */
export const handlers: HandlerTable = {
	...userHandlers,
	...meetingHandlers,
	...webinarHandlers,
	...registrantHandlers,
	...panelistHandlers,
	...pollHandlers,
	...reportHandlers,
	...recordingHandlers,
};
