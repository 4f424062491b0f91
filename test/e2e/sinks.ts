import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedEmail {
	from: string;
	to: string;
	subject: string;
	text: string;
	html: string;
}

/** An SMTP server that accepts every message and keeps it, parsed. */
export async function startSmtpSink(onEmail?: (email: ReceivedEmail) => void) {
	const emails: ReceivedEmail[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, _session, callback) {
			simpleParser(stream).then(
				(mail) => {
					const address = (value: typeof mail.to) =>
						(Array.isArray(value) ? value : value ? [value] : []).map((entry) => entry.text).join(', ');
					const email: ReceivedEmail = {
						from: mail.from?.text ?? '',
						to: address(mail.to),
						subject: mail.subject ?? '',
						text: mail.text ?? '',
						html: typeof mail.html === 'string' ? mail.html : '',
					};
					emails.push(email);
					onEmail?.(email);
					callback();
				},
				(error: Error) => callback(error),
			);
		},
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.server.address() as AddressInfo).port;
	return {
		port,
		emails,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

export interface Ticket {
	id: string;
	event_id: string;
	status: 'valid' | 'refunded' | 'cancelled';
	attendance_mode: 'virtual' | 'in_person';
	holder: { email: string; first_name: string; last_name: string };
}

export interface SinkRequest {
	method: string;
	path: string;
	authorization: string | undefined;
	body: unknown;
}

async function readBody(request: IncomingMessage): Promise<unknown> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	const text = Buffer.concat(chunks).toString('utf8');
	return text ? (JSON.parse(text) as unknown) : undefined;
}

/** An answer of an extra route of the sink; undefined lets the sink's own routes answer. */
export type SinkRoute = (request: SinkRequest, url: URL) => Promise<{ status: number; body: unknown } | undefined>;

/**
 * Stands in for the ticketing platform (event pages written by the templates, ticket lists read by
 * the reconcile) and for the CRM (attendance posts). Pages are state: a PUT replaces the page.
 */
export async function startHttpSink(onRequest?: (request: SinkRequest) => void, extraRoute?: SinkRoute) {
	const requests: SinkRequest[] = [];
	const pages = new Map<string, unknown>();
	const tickets: Ticket[] = [];
	const crmPosts: unknown[] = [];
	const server: Server = createServer((request, response) => {
		readBody(request).then(
			async (body) => {
				const url = new URL(request.url ?? '/', 'http://sink');
				const received: SinkRequest = { method: request.method ?? '', path: url.pathname, authorization: request.headers.authorization, body };
				requests.push(received);
				onRequest?.(received);
				const extra = await extraRoute?.(received, url);
				if (extra) {
					response.writeHead(extra.status, { 'Content-Type': 'application/json' }).end(JSON.stringify(extra.body));
					return;
				}
				const page = /^\/events\/([^/]+)\/online-access$/.exec(url.pathname);
				const list = /^\/events\/([^/]+)\/tickets$/.exec(url.pathname);
				let answer: unknown = { ok: true };
				if (page && request.method === 'PUT') pages.set(decodeURIComponent(page[1]), body);
				else if (list && request.method === 'GET') {
					answer = { tickets: tickets.filter((ticket) => ticket.event_id === decodeURIComponent(list[1])) };
				} else if (url.pathname === '/crm/attendance' && request.method === 'POST') crmPosts.push(body);
				else {
					response.writeHead(404, { 'Content-Type': 'application/json' }).end('{"error":"not found"}');
					return;
				}
				response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer));
			},
			(error: Error) => {
				if (!response.headersSent) {
					response.writeHead(400, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: error.message }));
				}
			},
		);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		baseUrl,
		requests,
		pages,
		tickets,
		crmPosts,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
