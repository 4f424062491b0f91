import type { ApiRequest, HandlerTable } from '../context';
import { ZoomError } from '../errors';
import { pagedBody } from '../pagination';
import type { Session } from '../state/types';
import { createSession, deleteSession, findSession, listItem, serializeSession, updateSession } from './sessions';
import { findUserOrThrow } from './users';

export const webinarHandlers: HandlerTable = {
	webinarCreate(request: ApiRequest) {
		const host = findUserOrThrow(request);
		const session = createSession(request, 'webinar', host);
		return { status: 201, body: serializeSession(request.sim, session) };
	},

	webinar(request: ApiRequest) {
		const session = findSession(request.sim, 'webinar', request.params.webinarId);
		return { status: 200, body: serializeSession(request.sim, session, request.query.occurrence_id as string | undefined) };
	},

	webinars(request: ApiRequest) {
		const host = findUserOrThrow(request);
		const type = String(request.query.type ?? 'scheduled');
		const now = request.sim.clock.now();
		const keep = (s: Session) =>
			type === 'upcoming' ? s.status !== 'finished' && (s.type === 6 || Date.parse(s.start_time ?? '') + s.duration * 60_000 >= now) : true;
		const page = request.sim.pager.page(`webinars:${host.id}:${type}`, request.query, () =>
			[...request.sim.store.sessions.values()].filter((s) => s.kind === 'webinar' && s.hostId === host.id && keep(s)),
		);
		return { status: 200, body: pagedBody(page, 'webinars', (s) => listItem(request.sim, s)) };
	},

	webinarUpdate(request: ApiRequest) {
		const session = findSession(request.sim, 'webinar', request.params.webinarId);
		updateSession(request, session);
		return { status: 204 };
	},

	webinarDelete(request: ApiRequest) {
		deleteSession(request, findSession(request.sim, 'webinar', request.params.webinarId));
		return { status: 204 };
	},

	webinarStatus(request: ApiRequest) {
		const session = findSession(request.sim, 'webinar', request.params.webinarId);
		if (session.status !== 'started') throw new ZoomError(400, 3000, `Webinar ${session.id} is not in progress.`);
		request.sim.endLive(session);
		return { status: 200 };
	},
};
