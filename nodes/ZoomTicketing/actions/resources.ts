import * as meeting from './meeting';
import * as panelist from './panelist';
import * as poll from './poll';
import * as recording from './recording';
import * as registrant from './registrant';
import * as report from './report';
import * as webinar from './webinar';
import type { ResourceModule } from './node.type';

export const resources = {
	meeting,
	webinar,
	panelist,
	poll,
	registrant,
	report,
	recording,
} satisfies Record<string, ResourceModule>;

export type ZoomTicketingResource = keyof typeof resources;
