/**
 * n8n's internal REST API, as the editor uses it (1.x and 2.x): set up the owner, then read
 * executions. Tests use it to wait for the state they assert on (every execution finished)
 * rather than for a while.
 */

const OWNER = { email: 'owner@example.com', firstName: 'Test', lastName: 'Owner', password: 'Tests-Passw0rd!' };

/** Executions that n8n has started and not finished (a Wait node parks one as `waiting`). */
export const UNFINISHED_STATUSES = ['new', 'running', 'waiting'];
const FINISHED_STATUSES = ['success', 'error', 'crashed', 'canceled'];

const sleep = async (ms: number) => await new Promise((resolveSleep) => setTimeout(resolveSleep, ms));

export class N8nRest {
	private cookie = '';

	constructor(private readonly baseUrl: string) {}

	/** Creates the instance owner (once per n8n database) and keeps its session cookie. */
	async signIn(): Promise<void> {
		const setup = await this.retryWhileNotReady(
			async () =>
				await fetch(`${this.baseUrl}/rest/owner/setup`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify(OWNER),
				}),
		);
		const cookie = setup.headers.get('set-cookie');
		if (!setup.ok || !cookie) throw new Error(`n8n owner setup failed: ${setup.status} ${await setup.text()}`);
		this.cookie = cookie.split(';')[0];
	}

	/** Executions matching the filter (all of them without one), counted by n8n's database. */
	async executionCount(filter: { workflowId?: string; status?: string[] } = {}): Promise<number> {
		if (!filter.status) {
			return (
				(await this.executionCount({ ...filter, status: UNFINISHED_STATUSES })) +
				(await this.executionCount({ ...filter, status: FINISHED_STATUSES }))
			);
		}
		const query = encodeURIComponent(JSON.stringify(filter));
		const response = await this.retryWhileNotReady(
			async () => await fetch(`${this.baseUrl}/rest/executions?filter=${query}&limit=1`, { headers: { cookie: this.cookie } }),
		);
		if (!response.ok) throw new Error(`n8n executions: ${response.status} ${await response.text()}`);
		const { data } = (await response.json()) as { data: { count: number; estimated?: boolean } };
		if (data.count < 0 || data.estimated) throw new Error(`n8n gave no exact execution count: ${JSON.stringify(data)}`);
		return data.count;
	}

	/**
	 * Resolves once n8n has run everything it was given: two looks `intervalMs` apart both find no
	 * unfinished execution and the same number of executions, so none started in between. `quiet`
	 * adds what else must hold still across the two looks: it returns a counter's state, or
	 * undefined while something is under way (e.g. the simulator's webhook deliveries pending).
	 */
	async waitForIdle(
		what: string,
		{
			timeoutMs = 300_000,
			intervalMs = 500,
			quiet = async () => '',
		}: { timeoutMs?: number; intervalMs?: number; quiet?: () => Promise<string | undefined> } = {},
	): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		const look = async () => {
			const unfinished = await this.executionCount({ status: UNFINISHED_STATUSES });
			const total = await this.executionCount();
			const outside = await quiet();
			return { idle: unfinished === 0 && outside !== undefined, state: `${total} executions, ${outside ?? 'busy'}`, unfinished };
		};
		let previous = await look();
		for (;;) {
			await sleep(intervalMs);
			const current = await look();
			if (previous.idle && current.idle && previous.state === current.state) return;
			if (Date.now() > deadline) {
				throw new Error(
					`gave up waiting for ${what} after ${Math.round(timeoutMs / 1000)} s: ${current.unfinished} executions unfinished, ${current.state}`,
				);
			}
			previous = current;
		}
	}

	/** n8n can answer 503 ("Database is not ready") for a moment after it starts serving or under load. */
	private async retryWhileNotReady(request: () => Promise<Response>, timeoutMs = 120_000): Promise<Response> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const response = await request();
			if (response.status !== 503 || Date.now() > deadline) return response;
			await response.text();
			await sleep(500);
		}
	}
}
