import { randomBytes } from 'node:crypto';

import type { ZoomEventName } from '../../nodes/ZoomTicketingTrigger/events';
import { zoomTime } from './clock';
import { ZoomError } from './errors';
import { produceRecording, issueDownloadToken, serializeRecording, type RecordingFileSpec } from './resources/recordings';
import { findOccurrence } from './resources/sessions';
import type { Simulator } from './simulator';
import type { Instance, ParticipantRow, Registrant, Session } from './state/types';
import { parseStartTime } from './timezones';
import { EVENT_PAYLOADS } from './webhookPayloads';

const MINUTE = 60_000;

export interface RunSessionInput {
	/** Minutes after the start. */
	join: number;
	/** Minutes after the start; defaults to the end of the meeting. */
	leave?: number;
}

export interface RunParticipantInput {
	/** The meeting's host (a licensed user, not a registrant). */
	host?: boolean;
	registrantId?: string;
	email?: string;
	name?: string;
	guest?: boolean;
	sessions: RunSessionInput[];
}

export interface RunInput {
	meetingId?: number | string;
	webinarId?: number | string;
	occurrenceId?: string;
	/** ISO start; default: so that the run ends now (burst) or now (paced). */
	startAt?: string;
	durationMinutes?: number;
	participants?: RunParticipantInput[];
	/** Every approved registrant joins; every `rejoinEvery`-th one leaves and rejoins once. */
	allRegistrants?: { join?: number; leave?: number; rejoinEvery?: number; rejoinGapMinutes?: number };
	recording?: boolean | { files?: RecordingFileSpec[] };
	reportDelaySeconds?: number;
	/** `burst` sends every event as fast as possible; `msPerMinute` plays the timeline back in real time, scaled. */
	pace?: 'burst' | { msPerMinute: number };
	/** Where the run's events go (default both: every webhook endpoint and socket subscription). */
	delivery?: 'webhook' | 'socket' | 'both';
	/** Webhook deliveries in flight at once during this run. */
	concurrency?: number;
	/** A webinar's practice session (reported as such in `webinar.ended`). */
	practiceSession?: boolean;
	polls?: Array<{ email: string; name?: string; question: string; answer: string; minute?: number }>;
	qa?: Array<{ email: string; name?: string; question: string; answer?: string; minute?: number }>;
}

export interface GroundTruthPerson {
	key: string;
	registrantId: string;
	email: string;
	name: string;
	guest: boolean;
	host: boolean;
	userId: string;
	participantUuid: string;
	sessions: Array<{ joinTime: string; leaveTime: string; durationSeconds: number }>;
	totalSeconds: number;
}

export interface RunRecord {
	id: string;
	kind: Session['kind'];
	sessionId: number;
	uuid: string;
	occurrenceId?: string;
	status: 'running' | 'ended';
	startTime: string;
	endTime: string;
	reportReadyAt: string;
	participants: GroundTruthPerson[];
	events: number;
	recording?: { uuid: string; fileIds: string[]; downloadToken: string };
}

interface TimelineEvent {
	at: number;
	order: number;
	fire: () => void;
}

/** A single meeting or webinar is over once ended; recurring ones wait for their next occurrence. */
function statusAfterEnd(session: Session): Session['status'] {
	return session.type === 1 || session.type === 2 || session.type === 5 ? 'finished' : 'waiting';
}

/** Poll answers and Q&A entries of a run, at their minutes after the start. */
function addInteractions(instance: Instance, input: RunInput, startMs: number): void {
	for (const poll of input.polls ?? []) {
		instance.pollAnswers.push({
			name: poll.name ?? poll.email,
			email: poll.email,
			question: poll.question,
			answer: poll.answer,
			date_time: startMs + Math.round((poll.minute ?? 1) * MINUTE),
		});
	}
	for (const qa of input.qa ?? []) {
		instance.qa.push({
			name: qa.name ?? qa.email,
			email: qa.email,
			question: qa.question,
			answer: qa.answer ?? '',
			create_time: startMs + Math.round((qa.minute ?? 1) * MINUTE),
		});
	}
}

/** What really happened when a paced run was ended before its planned end. */
function actualTruth(planned: GroundTruthPerson[], rows: ParticipantRow[]): GroundTruthPerson[] {
	const byUuid = new Map(planned.map((p) => [p.participantUuid, { ...p, sessions: [] as GroundTruthPerson['sessions'], totalSeconds: 0 }]));
	for (const row of rows) {
		const person = byUuid.get(row.id);
		if (!person) continue;
		const seconds = Math.round((row.leave_time - row.join_time) / 1000);
		person.sessions.push({ joinTime: zoomTime(row.join_time), leaveTime: zoomTime(row.leave_time), durationSeconds: seconds });
		person.totalSeconds += seconds;
	}
	return [...byUuid.values()];
}

function numericId(): string {
	return String(16_000_000 + Math.floor(Math.random() * 983_000_000));
}

/** Runs meetings and webinars: joins, leaves, webhooks, report rows and the cloud recording. */
export class Runner {
	readonly runs = new Map<string, RunRecord>();
	private readonly timers = new Set<NodeJS.Timeout>();
	private readonly completions = new Map<string, Promise<void>>();
	private readonly live = new Map<number, () => void>();

	constructor(private readonly sim: Simulator) {}

	reset(): void {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		this.runs.clear();
		this.completions.clear();
		this.live.clear();
	}

	private session(input: RunInput): Session {
		const kind = input.webinarId !== undefined ? 'webinar' : 'meeting';
		const id = Number(input.webinarId ?? input.meetingId);
		const session = this.sim.store.sessions.get(id);
		if (!session || session.kind !== kind) throw new ZoomError(404, 3001, `${kind === 'meeting' ? 'Meeting' : 'Webinar'} does not exist: ${id}.`);
		if (session.status === 'started') throw new ZoomError(409, 3000, `${kind} ${id} is already running.`);
		return session;
	}

	private people(session: Session, input: RunInput, durationMin: number): RunParticipantInput[] {
		const list = [...(input.participants ?? [])];
		if (input.allRegistrants) {
			const { join = 0, leave = durationMin, rejoinEvery = 0, rejoinGapMinutes = 1 } = input.allRegistrants;
			let index = 0;
			for (const registrant of session.registrants.values()) {
				if (registrant.status !== 'approved') continue;
				index++;
				const sessions: RunSessionInput[] =
					rejoinEvery > 0 && index % rejoinEvery === 0
						? [
								{ join, leave: join + (leave - join) / 3 },
								{ join: join + (leave - join) / 3 + rejoinGapMinutes, leave },
							]
						: [{ join, leave }];
				list.push({ registrantId: registrant.id, sessions });
			}
		}
		return list;
	}

	private identify(session: Session, person: RunParticipantInput, index: number): Omit<GroundTruthPerson, 'sessions' | 'totalSeconds'> {
		if (person.host) {
			const host = this.sim.store.users.get(session.hostId);
			return {
				key: session.hostId,
				registrantId: '',
				email: session.hostEmail,
				name: host?.display_name ?? session.hostEmail,
				guest: false,
				host: true,
				userId: numericId(),
				participantUuid: randomBytes(16).toString('base64').slice(0, 22).replace(/[+/]/g, 'A'),
			};
		}
		let registrant: Registrant | undefined;
		if (person.registrantId) registrant = session.registrants.get(person.registrantId);
		else if (person.email && !person.guest) registrant = session.registrantsByEmail.get(person.email.toLowerCase());
		if (person.registrantId && !registrant) throw new ZoomError(400, 300, `Unknown registrant ${person.registrantId}.`);
		const name = person.name ?? (registrant ? `${registrant.first_name} ${registrant.last_name}`.trim() : `Guest ${index + 1}`);
		const email = person.email ?? registrant?.email ?? `guest${index + 1}@guests.example.com`;
		return {
			key: registrant ? registrant.id : email.toLowerCase(),
			registrantId: registrant?.id ?? '',
			email,
			name,
			guest: !registrant,
			host: false,
			userId: numericId(),
			participantUuid: randomBytes(16).toString('base64').slice(0, 22).replace(/[+/]/g, 'A'),
		};
	}

	/** Starts a run; resolves once every event has been queued (burst) or played back (paced). */
	start(input: RunInput): { run: RunRecord; done: Promise<void> } {
		const sim = this.sim;
		const session = this.session(input);
		const occurrence = input.occurrenceId ? findOccurrence(session, input.occurrenceId) : undefined;
		const durationMin = input.durationMinutes ?? occurrence?.duration ?? session.duration;
		const people = this.people(session, input, durationMin);
		let lastLeave = durationMin;
		for (const person of people) for (const s of person.sessions) lastLeave = Math.max(lastLeave, s.leave ?? durationMin, s.join);
		const paced = typeof input.pace === 'object';
		// By default the timeline ends now, so that the instance is in the past when the run is over.
		const startMs = input.startAt
			? parseStartTime(input.startAt, session.timezone, 'startAt')
			: Math.floor((sim.clock.now() - lastLeave * MINUTE) / 1000) * 1000;
		const endMs = startMs + lastLeave * MINUTE;
		const firstRun = session.instances.length === 0 && !session.recurrence;
		const instance: Instance = {
			uuid: firstRun ? session.uuid : sim.store.ids.uuid(),
			occurrence_id: occurrence?.occurrence_id,
			start_time: startMs,
			participants: [],
			pollAnswers: [],
			qa: [],
		};
		const truth: GroundTruthPerson[] = [];
		const channel = input.delivery ?? 'both';
		const send = (event: ZoomEventName, payload: () => Record<string, unknown>, at: number) => {
			if (sim.listening(channel)) sim.deliver(event, sim.webhooks.body(event, payload(), at), channel);
		};
		const timeline: TimelineEvent[] = [];
		let order = 0;
		timeline.push({
			at: startMs,
			order: order++,
			fire: () => {
				session.status = 'started';
				session.live = instance;
				send(`${session.kind}.started`, () => EVENT_PAYLOADS[`${session.kind}.started`](sim, session, instance), startMs);
			},
		});
		people.forEach((person, index) => {
			const who = this.identify(session, person, index);
			const sessions = [...person.sessions].sort((a, b) => a.join - b.join);
			const record: GroundTruthPerson = { ...who, sessions: [], totalSeconds: 0 };
			for (const s of sessions) {
				const join = startMs + Math.round(s.join * MINUTE);
				const leave = startMs + Math.round((s.leave ?? lastLeave) * MINUTE);
				if (leave < join) throw new ZoomError(400, 300, `A session of ${who.email} leaves before it joins.`);
				const row: ParticipantRow = {
					id: who.participantUuid,
					user_id: who.userId,
					participant_user_id: who.host ? session.hostId : '',
					name: who.name,
					user_email: who.email,
					join_time: join,
					leave_time: leave,
					registrant_id: who.registrantId,
					guest: who.guest,
				};
				record.sessions.push({
					joinTime: zoomTime(join),
					leaveTime: zoomTime(leave),
					durationSeconds: Math.round((leave - join) / 1000),
				});
				record.totalSeconds += Math.round((leave - join) / 1000);
				timeline.push({
					at: join,
					order: order++,
					fire: () => {
						instance.participants.push(row);
						send(`${session.kind}.participant_joined`, () => EVENT_PAYLOADS[`${session.kind}.participant_joined`](sim, session, instance, row), join);
					},
				});
				timeline.push({
					at: leave,
					order: order++,
					fire: () => send(`${session.kind}.participant_left`, () => EVENT_PAYLOADS[`${session.kind}.participant_left`](sim, session, instance, row, 'left the meeting'), leave),
				});
			}
			truth.push(record);
		});
		addInteractions(instance, input, startMs);
		const runId = sim.store.ids.token(16);
		const reportDelayMs = (input.reportDelaySeconds ?? sim.reportDelaySeconds) * 1000;
		const run: RunRecord = {
			id: runId,
			kind: session.kind,
			sessionId: session.id,
			uuid: instance.uuid,
			occurrenceId: occurrence?.occurrence_id,
			status: 'running',
			startTime: zoomTime(startMs),
			endTime: zoomTime(endMs),
			reportReadyAt: '',
			participants: truth,
			events: timeline.length + 1,
		};
		const msPerMinute = paced ? (input.pace as { msPerMinute: number }).msPerMinute : 1;
		const playbackStarted = Date.now();
		let completed = !paced;
		const finish = () => {
			if (run.status === 'ended') return;
			this.live.delete(session.id);
			const endedEarly = paced && !completed;
			instance.end_time = endedEarly ? Math.min(endMs, startMs + ((Date.now() - playbackStarted) / msPerMinute) * MINUTE) : endMs;
			for (const row of instance.participants) {
				if (row.leave_time <= instance.end_time) continue;
				row.leave_time = instance.end_time;
				// Their own leave was still ahead: the end of the meeting makes them leave.
				send(`${session.kind}.participant_left`, () => EVENT_PAYLOADS[`${session.kind}.participant_left`](sim, session, instance, row, 'the host ended the meeting'), row.leave_time);
			}
			if (endedEarly) run.participants = actualTruth(truth, instance.participants);
			instance.reportReadyAt = Math.max(instance.end_time, sim.clock.now()) + reportDelayMs;
			session.instances.push(instance);
			sim.store.instancesByUuid.set(instance.uuid, { session, instance });
			session.live = undefined;
			session.status = statusAfterEnd(session);
			run.status = 'ended';
			run.endTime = zoomTime(instance.end_time);
			run.reportReadyAt = zoomTime(instance.reportReadyAt);
			send(`${session.kind}.ended`, () => EVENT_PAYLOADS[`${session.kind}.ended`](sim, session, instance, input.practiceSession === true), instance.end_time!);
			if (input.recording !== false) run.recording = this.record(session, instance, input.recording, channel);
		};
		timeline.sort((a, b) => a.at - b.at || a.order - b.order);
		this.runs.set(runId, run);
		let done: Promise<void>;
		if (!paced) {
			const previous = sim.webhooks.options.concurrency;
			if (input.concurrency) sim.webhooks.options.concurrency = input.concurrency;
			for (const event of timeline) event.fire();
			finish();
			done = sim.webhooks.idle().finally(() => {
				sim.webhooks.options.concurrency = previous;
			});
		} else {
			done = this.playPaced(session, timeline, startMs, msPerMinute, lastLeave, () => {
				completed = true;
			}, finish);
		}
		this.completions.set(runId, done);
		return { run, done };
	}

	/**
	 * Plays the timeline back in real time, `msPerMinute` per simulated minute; `stop` (also
	 * reachable through `endNow`) cancels what has not happened yet and ends the run.
	 */
	private playPaced(
		session: Session,
		timeline: TimelineEvent[],
		startMs: number,
		msPerMinute: number,
		minutes: number,
		onComplete: () => void,
		finish: () => void,
	): Promise<void> {
		return new Promise<void>((resolve) => {
			const scheduled: NodeJS.Timeout[] = [];
			const schedule = (delay: number, action: () => void) => {
				const timer = setTimeout(() => {
					this.timers.delete(timer);
					action();
				}, delay);
				scheduled.push(timer);
				this.timers.add(timer);
			};
			const stop = () => {
				for (const timer of scheduled) {
					clearTimeout(timer);
					this.timers.delete(timer);
				}
				finish();
				resolve();
			};
			this.live.set(session.id, stop);
			for (const event of timeline) schedule(((event.at - startMs) / MINUTE) * msPerMinute, event.fire);
			schedule(minutes * msPerMinute + 1, () => {
				onComplete();
				stop();
			});
		});
	}

	/** Produces the cloud recording of a finished instance and announces it as Zoom does. */
	private record(session: Session, instance: Instance, spec: RunInput['recording'], channel: NonNullable<RunInput['delivery']>): RunRecord['recording'] {
		const sim = this.sim;
		const files = typeof spec === 'object' ? spec.files : undefined;
		const recording = produceRecording(sim, session, instance.uuid, instance.start_time, instance.end_time!, files);
		const downloadToken = issueDownloadToken(sim, recording);
		const serialized = serializeRecording(sim, recording, false);
		for (const which of ['completed', 'transcript_completed'] as const) {
			const payload = EVENT_PAYLOADS[`recording.${which}`](sim, recording, serialized, which);
			if (!payload) continue;
			// Zoom puts download_token beside payload, at the top level of the body.
			const body = sim.webhooks.body(`recording.${which}`, payload, instance.end_time);
			sim.deliver(`recording.${which}`, `${body.slice(0, -1)},"download_token":${JSON.stringify(downloadToken)}}`, channel);
		}
		return { uuid: recording.uuid, fileIds: recording.files.map((f) => f.id), downloadToken };
	}

	/** Ends a paced run at once (the host pressed End, or `PUT /meetings/{id}/status`). */
	endNow(session: Session): void {
		const stop = this.live.get(session.id);
		if (stop) {
			stop();
			return;
		}
		session.status = statusAfterEnd(session);
		session.live = undefined;
	}

	completion(runId: string): Promise<void> | undefined {
		return this.completions.get(runId);
	}
}
