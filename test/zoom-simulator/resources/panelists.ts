import type { ApiRequest, HandlerTable } from '../context';
import { ZoomError } from '../errors';
import type { Panelist } from '../state/types';
import { findSession, personalJoinUrl } from './sessions';

const PER_REQUEST = 30;
const PER_WEBINAR = 100;

function serialize(panelist: Panelist): Record<string, unknown> {
	return { id: panelist.id, email: panelist.email, name: panelist.name, join_url: panelist.join_url, ...panelist.fields };
}

export const panelistHandlers: HandlerTable = {
	webinarPanelists(request: ApiRequest) {
		const session = findSession(request.sim, 'webinar', request.params.webinarId);
		const panelists = [...session.panelists.values()].map(serialize);
		return { status: 200, body: { total_records: panelists.length, panelists } };
	},

	webinarPanelistCreate(request: ApiRequest) {
		const session = findSession(request.sim, 'webinar', request.params.webinarId);
		const input = (request.body.panelists ?? []) as Array<Record<string, string>>;
		if (input.length > PER_REQUEST) {
			throw new ZoomError(400, 300, 'Validation Failed. Invalid field: panelists.', [
				{ field: 'panelists', message: `At most ${PER_REQUEST} panelists per request.` },
			]);
		}
		const fresh = input.filter((p) => ![...session.panelists.values()].some((q) => q.email.toLowerCase() === String(p.email).toLowerCase()));
		if (session.panelists.size + fresh.length > PER_WEBINAR) {
			throw new ZoomError(400, 3000, 'You have reached the limit for the number of panelists you can add. Contact Zoom Support for more information.');
		}
		for (const { email, name, ...fields } of input) {
			const existing = [...session.panelists.values()].find((p) => p.email.toLowerCase() === String(email).toLowerCase());
			if (existing) {
				existing.name = name ?? existing.name;
				Object.assign(existing.fields, fields);
				continue;
			}
			const id = request.sim.store.ids.token(22);
			session.panelists.set(id, {
				id,
				email,
				name: name ?? email,
				join_url: personalJoinUrl(request.sim, session, id),
				fields,
			});
		}
		return { status: 201, body: { id: String(session.id), updated_at: request.sim.clock.iso() } };
	},

	webinarPanelistsDelete(request: ApiRequest) {
		const session = findSession(request.sim, 'webinar', request.params.webinarId);
		session.panelists.clear();
		return { status: 204 };
	},

	webinarPanelistDelete(request: ApiRequest) {
		const session = findSession(request.sim, 'webinar', request.params.webinarId);
		if (!session.panelists.delete(request.params.panelistId)) {
			throw new ZoomError(404, 3001, `Panelist does not exist: ${request.params.panelistId}.`);
		}
		return { status: 204 };
	},
};
