import type { ApiRequest, HandlerTable } from '../context';
import { notFound } from '../errors';
import type { User } from '../state/types';

export function findUserOrThrow(request: ApiRequest, userId = request.params.userId): User {
	const user = request.sim.store.findUser(userId, request.user);
	if (!user) throw notFound(1001, `User does not exist: ${userId}.`);
	return user;
}

export const userHandlers: HandlerTable = {
	user(request) {
		const user = findUserOrThrow(request);
		return {
			status: 200,
			body: {
				id: user.id,
				first_name: user.first_name,
				last_name: user.last_name,
				display_name: user.display_name,
				email: user.email,
				type: user.type,
				role_name: user.role_name,
				pmi: user.pmi,
				use_pmi: false,
				personal_meeting_url: user.personal_meeting_url,
				timezone: user.timezone,
				verified: user.verified,
				dept: '',
				created_at: user.created_at,
				user_created_at: user.created_at,
				last_login_time: user.created_at,
				language: user.language,
				status: user.status,
				role_id: '0',
				account_id: user.account_id,
				account_number: 10000001,
				cluster: 'us01',
				login_types: [100],
			},
		};
	},
};
