import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../index';

export interface Answer {
	status: number;
	body: any;
	headers: Headers;
}

export interface TestZoom {
	running: RunningSimulator;
	token: string;
	/** A call to the Zoom surface with the current access token. */
	api(method: string, path: string, body?: unknown, query?: Record<string, string | number | boolean>): Promise<Answer>;
	/** A call to the control API. */
	control(method: string, path: string, body?: unknown): Promise<Answer>;
	close(): Promise<void>;
}

export async function answer(response: Response): Promise<Answer> {
	const text = await response.text();
	let body: unknown = text;
	if (text) {
		try {
			body = JSON.parse(text);
		} catch {
			body = text;
		}
	}
	return { status: response.status, body, headers: response.headers };
}

export async function serverToServerToken(baseUrl: string): Promise<string> {
	const response = await fetch(`${baseUrl}/oauth/token`, {
		method: 'POST',
		headers: {
			Authorization: `Basic ${Buffer.from('sim-client:sim-secret').toString('base64')}`,
			'Content-Type': 'application/x-www-form-urlencoded',
		},
		body: 'grant_type=account_credentials&account_id=sim-account',
	});
	const body = (await response.json()) as { access_token: string };
	return body.access_token;
}

/** A simulator with response validation on and a Server-to-Server token ready. */
export async function testZoom(options: SimulatorOptions = {}): Promise<TestZoom> {
	const running = await startSimulator({ validateResponses: true, env: {}, ...options });
	const zoom: TestZoom = {
		running,
		token: await serverToServerToken(running.baseUrl),
		async api(method, path, body, query) {
			const url = new URL(`${running.apiBaseUrl}${path}`);
			for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, String(value));
			const response = await fetch(url, {
				method,
				headers: { Authorization: `Bearer ${zoom.token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			return answer(response);
		},
		async control(method, path, body) {
			const response = await fetch(`${running.baseUrl}/_sim${path}`, {
				method,
				headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			return answer(response);
		},
		close: () => running.close(),
	};
	return zoom;
}

export const registrationMeeting = {
	topic: 'Ticketed session',
	type: 2,
	start_time: '2030-03-01T15:00:00Z',
	duration: 60,
	timezone: 'Europe/Berlin',
	settings: { approval_type: 0, registration_type: 1 },
};

export const registrationWebinar = { ...registrationMeeting, topic: 'Ticketed webinar', type: 5 };
