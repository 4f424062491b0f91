/** Where the walkthrough's commands go: real URLs (printed by npm start) or shell variables (README). */
export interface WalkthroughTargets {
	n8n: string;
	apiKey: string;
	simulator: string;
	platform: string;
}

export interface WalkthroughStep {
	title: string;
	commands: string[];
	/** What to look for afterwards. */
	watch: string;
}

export const WALKTHROUGH_EVENT = { id: 'evt-walkthrough', title: 'Walkthrough: my first ticketed Zoom event' };

/** The README's form: the variables npm start's `export` line sets. */
export const README_TARGETS: WalkthroughTargets = { n8n: '$N8N', apiKey: '$KEY', simulator: '$SIM', platform: '$PLATFORM' };

export function exportLine(targets: WalkthroughTargets): string {
	return `export N8N=${targets.n8n} KEY=${targets.apiKey} SIM=${targets.simulator} PLATFORM=${targets.platform}`;
}

const json = `-H 'Content-Type: application/json'`;
const ticket = (t: WalkthroughTargets, body: Record<string, unknown>) =>
	`curl -sS -X POST "${t.platform}/events/${WALKTHROUGH_EVENT.id}/tickets" ${json} -d '${JSON.stringify(body)}'`;

export function walkthroughSteps(t: WalkthroughTargets): WalkthroughStep[] {
	return [
		{
			title: 'Publish an event on the ticketing platform (the stand-in sends n8n the event-published webhook; n8n creates the Zoom meeting)',
			commands: [`curl -sS -X POST "${t.platform}/events" ${json} -d '${JSON.stringify(WALKTHROUGH_EVENT)}'`],
			watch: 'the answer has n8n\'s reply with zoom_id and join_url; npm start prints the event page n8n wrote (PUT /events/evt-walkthrough/online-access)',
		},
		{
			title: 'Buy a ticket (the stand-in sends n8n the ticket-purchased webhook; n8n registers Ada in Zoom)',
			commands: [ticket(t, { id: 'tkt-ada', email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace' })],
			watch: 'n8n answers "registered"; npm start prints the confirmation email to ada@example.com',
		},
		{
			title: 'Buy a second ticket and refund it (ticket-refunded: n8n cancels the Zoom registration)',
			commands: [
				ticket(t, { id: 'tkt-grace', email: 'grace@example.com', first_name: 'Grace', last_name: 'Hopper' }),
				`curl -sS -X POST "${t.platform}/tickets/tkt-grace/refund"`,
			],
			watch: 'n8n answers "cancelled" for the refund',
		},
		{
			title: 'Sell a ticket whose webhook gets lost, then run the nightly reconcile by hand (it reads the platform\'s ticket list)',
			commands: [
				ticket(t, { id: 'tkt-alan', email: 'alan@example.com', first_name: 'Alan', last_name: 'Turing', webhook: false }),
				`curl -sS -X POST "${t.n8n}/webhook/ticketing/reconcile" -H "X-Api-Key: ${t.apiKey}"`,
			],
			watch: 'npm start prints GET /events/evt-walkthrough/tickets (3 tickets) and the confirmation email to alan@example.com',
		},
		{
			title: 'Run the meeting in the Zoom simulator: every registrant attends 45 of 60 minutes, a guest walks in, the recording is made',
			commands: [`npm run simulator -- run --url "${t.simulator}" --topic '${WALKTHROUGH_EVENT.title}'`],
			watch: 'npm start prints the attendance rows as n8n writes them, the CRM payload (POST /crm/attendance), the certificate emails (45 minutes is over the 30-minute threshold) and the recording emails; with psql: psql <the Postgres URL above> -c "SELECT * FROM zoom_ticket_attendance"',
		},
		{
			title: 'Ask the ticketing API (what a product page calls) whether Zoom is connected',
			commands: [`curl -sS "${t.n8n}/webhook/api/integrations/zoom/auth" -H "X-Api-Key: ${t.apiKey}"`],
			watch: '{"connected":true,...}; with the zoom_id of step 1, GET $N8N/webhook/api/integrations/zoom/meetings/<zoom_id>/participants lists who attended',
		},
	];
}

/** The walkthrough as npm start prints it (and as the README's numbered list reads). */
export function walkthroughText(t: WalkthroughTargets): string[] {
	const lines: string[] = [];
	walkthroughSteps(t).forEach((step, index) => {
		lines.push(`${index + 1}. ${step.title}:`);
		for (const command of step.commands) lines.push(`   ${command}`);
		lines.push(`   → ${step.watch}`);
	});
	return lines;
}
