import { isPlan } from './config';
import { startSimulator } from './index';

function argument(name: string): string | undefined {
	const args = process.argv.slice(2);
	const index = args.indexOf(`--${name}`);
	if (index >= 0) return args[index + 1];
	return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

async function serve(): Promise<void> {
	const port = Number(argument('port') ?? process.env.ZOOM_SIM_PORT ?? 7575);
	const plan = argument('plan') ?? 'pro';
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, got ${argument('port')}`);
	if (!isPlan(plan)) throw new Error(`--plan must be free, pro or business, got ${plan}`);
	const ttl = argument('token-ttl');
	const running = await startSimulator({ port, plan, tokenTtlSeconds: ttl ? Number(ttl) : undefined });
	console.log(`zoom-simulator listening on ${running.baseUrl}`);
	const stop = (signal: string) => {
		console.log(`zoom-simulator stopping (${signal})`);
		void running.close().then(() => process.exit(0));
	};
	process.once('SIGINT', () => stop('SIGINT'));
	process.once('SIGTERM', () => stop('SIGTERM'));
}

interface SessionSummary {
	id: number;
	kind: string;
	topic: string;
	status: string;
	registrants: number;
}

async function control<T>(base: string, method: string, path: string, body?: unknown): Promise<T> {
	const response = await fetch(`${base}/_sim/${path}`, {
		method,
		headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	}).catch((error: Error) => {
		throw new Error(`no simulator answers at ${base} (${error.message}); --url is the simulator URL npm start printed`);
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`${method} /_sim/${path}: ${response.status} ${text}`);
	return JSON.parse(text) as T;
}

/**
 * `npm run simulator -- run --url <simulator> [--meeting <id> | --topic <text>] [--minutes 45]
 * [--duration 60]`: a meeting (or webinar) of a running simulator happens now: every approved
 * registrant attends for --minutes, a walk-in guest for 10, and the recording is made; it returns
 * once Zoom's webhooks for it have been delivered.
 */
async function run(): Promise<void> {
	const base = (argument('url') ?? process.env.ZOOM_SIM_URL ?? 'http://127.0.0.1:7575').replace(/\/+$/, '');
	const duration = Number(argument('duration') ?? 60);
	const minutes = Number(argument('minutes') ?? 45);
	if (!(duration > 0) || !(minutes > 0) || minutes > duration) {
		throw new Error(`--minutes (${minutes}) must be between 1 and --duration (${duration})`);
	}
	const state = await control<{ sessions: SessionSummary[] }>(base, 'GET', 'state');
	const wanted = argument('meeting');
	const topic = argument('topic');
	const candidates = state.sessions.filter((session) =>
		wanted ? String(session.id) === wanted : topic ? session.topic === topic : session.status !== 'finished',
	);
	const session = candidates.at(-1);
	if (!session) {
		const known = state.sessions.map((entry) => `${entry.id} "${entry.topic}" (${entry.status})`).join(', ') || 'none';
		throw new Error(`no ${wanted ? `meeting ${wanted}` : topic ? `meeting with the topic "${topic}"` : 'meeting that has not finished'} in the simulator; its meetings: ${known}`);
	}
	console.log(`running ${session.kind} ${session.id} "${session.topic}" (${session.registrants} registrants) for ${duration} minutes…`);
	const result = await control<{
		participants: Array<{ email: string; name: string; guest: boolean; host: boolean; totalSeconds: number }>;
		recording?: { fileIds: string[] };
		webhooks?: { delivered: number; failed: number; pending: number };
	}>(base, 'POST', 'runs', {
		[session.kind === 'webinar' ? 'webinarId' : 'meetingId']: session.id,
		durationMinutes: duration,
		participants: [
			{ host: true, sessions: [{ join: 0 }] },
			{ guest: true, name: 'Walk In', email: 'walk-in@example.net', sessions: [{ join: 5, leave: 15 }] },
		],
		allRegistrants: { join: 0, leave: minutes },
		recording: true,
		wait: true,
	});
	for (const participant of result.participants) {
		const who = participant.host ? 'host' : participant.guest ? 'guest' : 'registrant';
		console.log(`  ${participant.email || participant.name} (${who}): ${Math.round(participant.totalSeconds / 60)} minutes`);
	}
	const stats = await control<{ delivered: number; failed: number; pending: number }>(base, 'GET', 'webhooks/stats');
	console.log(`recording: ${result.recording?.fileIds.length ?? 0} files; webhooks delivered ${stats.delivered}, failed ${stats.failed}, pending ${stats.pending}`);
}

const command = process.argv[2] === 'run' ? run : serve;
command().catch((error: Error) => {
	console.error(`zoom-simulator: ${error.message}`);
	process.exit(1);
});
