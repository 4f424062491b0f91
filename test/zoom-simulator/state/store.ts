import type { Clock } from '../clock';
import type { Identity } from '../config';
import { IdSource } from './ids';
import type { Instance, Recording, RecordingFile, Session, User } from './types';

export interface AccessToken {
	token: string;
	userId: string;
	expiresAt: number;
	/** `app`: a client_credentials token (the grant Zoom's WebSocket page names). */
	kind: 'user' | 'account' | 'app';
	refreshToken?: string;
}

/** All simulated Zoom data; replaced wholesale by a reset. */
export class Store {
	readonly ids = new IdSource();
	readonly users = new Map<string, User>();
	readonly usersByEmail = new Map<string, User>();
	readonly sessions = new Map<number, Session>();
	/** Deleted meetings and webinars, which Zoom lets the host recover. */
	readonly trash = new Map<number, Session>();
	readonly instancesByUuid = new Map<string, { session: Session; instance: Instance }>();
	readonly recordings = new Map<string, Recording>();
	readonly recordingFiles = new Map<string, { recording: Recording; file: RecordingFile }>();
	readonly accessTokens = new Map<string, AccessToken>();
	readonly refreshTokens = new Map<string, { userId: string; clientId: string }>();
	readonly authorizationCodes = new Map<string, { redirectUri: string; expiresAt: number; clientId: string }>();
	readonly downloadTokens = new Map<string, { recordingUuid: string; expiresAt: number }>();
	/** Daily counters keyed by `${what}:${subject}:${utcDay}`. */
	readonly daily = new Map<string, number>();

	constructor(
		readonly identity: Identity,
		readonly clock: Clock,
	) {
		this.addUser(identity.hostEmail, 'Sim', 'Host');
	}

	addUser(email: string, firstName: string, lastName: string): User {
		const id = this.ids.token(22);
		const pmi = 5_000_000_000 + this.users.size;
		const user: User = {
			id,
			email,
			first_name: firstName,
			last_name: lastName,
			display_name: `${firstName} ${lastName}`,
			type: 2,
			pmi,
			timezone: 'UTC',
			account_id: this.identity.accountId,
			created_at: this.clock.iso(),
			role_name: 'Owner',
			status: 'active',
			language: 'en-US',
			verified: 1,
			personal_meeting_url: `https://zoom.us/j/${pmi}`,
		};
		this.users.set(id, user);
		this.usersByEmail.set(email.toLowerCase(), user);
		return user;
	}

	get host(): User {
		return this.usersByEmail.get(this.identity.hostEmail.toLowerCase())!;
	}

	/** Resolves `me`, a user id or an email, as Zoom's `{userId}` accepts all three. */
	findUser(userId: string, me: User): User | undefined {
		if (userId === 'me') return me;
		return this.users.get(userId) ?? this.usersByEmail.get(userId.toLowerCase());
	}

	countDaily(what: string, subject: string): number {
		const day = new Date(this.clock.now()).toISOString().slice(0, 10);
		const key = `${what}:${subject}:${day}`;
		const next = (this.daily.get(key) ?? 0) + 1;
		this.daily.set(key, next);
		return next;
	}

	peekDaily(what: string, subject: string): number {
		const day = new Date(this.clock.now()).toISOString().slice(0, 10);
		return this.daily.get(`${what}:${subject}:${day}`) ?? 0;
	}
}
