import type { ApiRequest, ApiResult, HandlerTable } from '../context';
import { ZoomError } from '../errors';
import type { Poll, Session, SessionKind } from '../state/types';
import { findSession } from './sessions';

function serialize(poll: Poll): Record<string, unknown> {
	return { id: poll.id, title: poll.title, status: poll.status, anonymous: poll.anonymous, poll_type: poll.poll_type, questions: poll.questions };
}

function apply(poll: Poll, body: Record<string, any>): void {
	if (body.title !== undefined) poll.title = body.title;
	if (body.anonymous !== undefined) poll.anonymous = body.anonymous;
	if (body.poll_type !== undefined) poll.poll_type = body.poll_type;
	if (body.questions !== undefined) poll.questions = body.questions;
	if (poll.poll_type === 3 && poll.questions.some((q) => !Array.isArray(q.right_answers) || q.right_answers.length === 0)) {
		throw new ZoomError(400, 300, 'Validation Failed. Invalid field: questions.right_answers.', [
			{ field: 'questions.right_answers', message: 'A quiz needs right answers for every question.' },
		]);
	}
}

function handlersFor(kind: SessionKind): HandlerTable {
	const param = kind === 'meeting' ? 'meetingId' : 'webinarId';
	const session = (request: ApiRequest): Session => findSession(request.sim, kind, request.params[param]);
	const find = (s: Session, id: string): Poll => {
		const poll = s.polls.get(id);
		if (!poll) throw new ZoomError(404, 404, `Poll does not exist: ${id}.`);
		return poll;
	};
	return {
		[`${kind}Polls`]: (request): ApiResult => {
			const polls = [...session(request).polls.values()]
				.filter((p) => request.query.anonymous === undefined || p.anonymous === request.query.anonymous)
				.map(serialize);
			return { status: 200, body: { total_records: polls.length, polls } };
		},
		[`${kind}PollCreate`]: (request): ApiResult => {
			const s = session(request);
			const poll: Poll = { id: request.sim.store.ids.token(22), title: '', poll_type: 1, anonymous: false, status: 'notstart', questions: [] };
			apply(poll, request.body);
			s.polls.set(poll.id, poll);
			return { status: 201, body: serialize(poll) };
		},
		[`${kind}PollGet`]: (request): ApiResult => ({ status: 200, body: serialize(find(session(request), request.params.pollId)) }),
		[`${kind}PollUpdate`]: (request): ApiResult => {
			apply(find(session(request), request.params.pollId), request.body);
			return { status: 204 };
		},
		[`${kind}PollDelete`]: (request): ApiResult => {
			const s = session(request);
			find(s, request.params.pollId);
			s.polls.delete(request.params.pollId);
			return { status: 204 };
		},
	};
}

export const pollHandlers: HandlerTable = { ...handlersFor('meeting'), ...handlersFor('webinar') };
