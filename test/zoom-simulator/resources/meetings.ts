import type { ApiRequest, HandlerTable } from '../context';
import { ZoomError } from '../errors';
import { pagedBody } from '../pagination';
import type { Session } from '../state/types';
import {
	createSession,
	deleteSession,
	findSession,
	listItem,
	nextStart,
	serializeSession,
	updateSession,
} from './sessions';
import { findUserOrThrow } from './users';

function listFilter(request: ApiRequest, type: string): (session: Session) => boolean {
	const now = request.sim.clock.now();
	switch (type) {
		case 'live':
			return (s) => s.status === 'started';
		case 'upcoming':
		case 'upcoming_meetings':
			return (s) => s.type !== 1 && (s.type === 3 || (nextStart(s) ?? 0) >= now) && s.status !== 'finished';
		case 'previous_meetings':
			return (s) => s.instances.length > 0 || (s.type === 2 && (nextStart(s) ?? now) < now);
		default:
			return (s) => s.type !== 1 || s.status === 'started';
	}
}

export const meetingHandlers: HandlerTable = {
	meetingCreate(request) {
		const host = findUserOrThrow(request);
		const session = createSession(request, 'meeting', host);
		return { status: 201, body: serializeSession(request.sim, session) };
	},

	meeting(request) {
		const session = findSession(request.sim, 'meeting', request.params.meetingId);
		return { status: 200, body: serializeSession(request.sim, session, request.query.occurrence_id as string | undefined) };
	},

	meetings(request) {
		const host = findUserOrThrow(request);
		const type = String(request.query.type ?? 'scheduled');
		const filter = listFilter(request, type);
		const page = request.sim.pager.page(`meetings:${host.id}:${type}`, request.query, () =>
			[...request.sim.store.sessions.values()].filter((s) => s.kind === 'meeting' && s.hostId === host.id && filter(s)),
		);
		return { status: 200, body: pagedBody(page, 'meetings', (s) => listItem(request.sim, s)) };
	},

	meetingUpdate(request) {
		const session = findSession(request.sim, 'meeting', request.params.meetingId);
		updateSession(request, session);
		return { status: 204 };
	},

	meetingDelete(request) {
		deleteSession(request, findSession(request.sim, 'meeting', request.params.meetingId));
		return { status: 204 };
	},

	meetingStatus(request) {
		const id = Number(request.params.meetingId);
		if (request.body?.action === 'recover') {
			const trashed = request.sim.store.trash.get(id);
			if (trashed && trashed.kind === 'meeting') {
				request.sim.store.trash.delete(id);
				request.sim.store.sessions.set(id, trashed);
				return { status: 204 };
			}
		}
		const session = findSession(request.sim, 'meeting', id);
		if (request.body?.action === 'end') {
			if (session.status !== 'started') throw new ZoomError(400, 3000, `Meeting ${id} is not in progress.`);
			request.sim.endLive(session);
		}
		return { status: 204 };
	},
};
