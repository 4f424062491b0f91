import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** Zoom's error body: `{ code, message, errors?: [{ field, message }] }`. */
export interface ZoomErrorBody {
	code?: number | string;
	message?: string;
	errors?: Array<{ field?: string; message?: string }>;
	/** The token endpoint's error shape: `{ error, reason }`. */
	error?: string;
	reason?: string;
}

export function asZoomErrorBody(body: unknown): ZoomErrorBody {
	if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as ZoomErrorBody;
	if (typeof body === 'string' && body.trim() !== '') {
		try {
			return asZoomErrorBody(JSON.parse(body));
		} catch {
			return { message: body.slice(0, 500) };
		}
	}
	return {};
}

function scopesIn(message: string): string[] {
	const listed = /scopes?\s*:?\s*\[([^\]]+)\]/i.exec(message);
	if (listed) return listed[1].split(/[,\s]+/).filter((scope) => scope.includes(':'));
	return message.match(/\b[a-z_]+:(?:read|write|update|delete)(?::[a-z_]+)*(?::admin)?\b/gi) ?? [];
}

/** What Zoom said, as a sentence, plus what the user can do about it. */
export function explainZoomError(status: number, body: ZoomErrorBody): { message: string; description: string } {
	const code = body.code === undefined ? undefined : Number(body.code);
	const zoomMessage = (body.message ?? '').trim();
	const said = zoomMessage ? `Zoom says: "${zoomMessage}"` : `Zoom answered HTTP ${status} without details`;
	const fields = (body.errors ?? []).filter((entry) => entry.field);

	if (typeof body.error === 'string') {
		const reason = body.reason ?? body.error;
		return {
			message: `Zoom refused the app's credentials when asked for a token (${body.error}): ${reason}`,
			description:
				body.error === 'invalid_grant'
					? 'The authorization is no longer valid. Open the Zoom credential in n8n and reconnect it.'
					: 'Check the account ID, client ID and client secret in the credential against the app in the Zoom App Marketplace, and that the app is activated.',
		};
	}
	if (code === 124) {
		return {
			message: 'Zoom rejected the access token (code 124)',
			description: `${said}. The credential's token is invalid or was revoked and a fresh one was refused too. Open the Zoom credential in n8n and reconnect it (OAuth2), or check the account ID, client ID and client secret of the Server-to-Server app, and make sure the app is activated.`,
		};
	}
	if (code === 4700 || code === 4711 || /scope/i.test(zoomMessage)) {
		const scopes = scopesIn(zoomMessage);
		const named = scopes.length > 0 ? `the scope ${scopes.join(' or ')}` : 'the scope this operation needs';
		return {
			message: `The Zoom app is missing ${named} (code ${code ?? status})`,
			description: `${said}. In the Zoom App Marketplace, open the app behind this credential, add ${named} under Scopes, then reconnect the credential (OAuth2) or re-activate the app (Server-to-Server).`,
		};
	}
	if (code === 3001 || code === 1001 || (code === 3000 && /not found|does not exist/i.test(zoomMessage))) {
		return {
			message: `Zoom could not find it (code ${code}): ${zoomMessage || 'not found'}`,
			description: `${said}. Check the ID; the meeting or webinar may have been deleted, may belong to another user or account, or the occurrence may not exist.`,
		};
	}
	if (code === 300 || status === 400) {
		const fieldList = fields.map((entry) => `"${entry.field}"${entry.message ? ` (${entry.message})` : ''}`).join(', ');
		return {
			message: fieldList
				? `Zoom rejected the field ${fieldList}${code !== undefined ? ` (code ${code})` : ''}`
				: `Zoom rejected the request${code !== undefined ? ` (code ${code})` : ''}: ${zoomMessage || `HTTP ${status}`}`,
			description: `${said}. Correct the value named above; Zoom's API reference lists the allowed values for each field.`,
		};
	}
	if (status === 401) {
		return {
			message: `Zoom refused the credential (HTTP 401${code !== undefined ? `, code ${code}` : ''})`,
			description: `${said}. Reconnect the Zoom credential in n8n.`,
		};
	}
	if (status === 403) {
		return {
			message: `Zoom does not allow this for the connected user or plan (code ${code ?? status})`,
			description: `${said}. Check the user's role and the account's plan and add-ons (webinars, cloud recording, large meetings).`,
		};
	}
	return {
		message: `Zoom API error${code !== undefined ? ` ${code}` : ''} (HTTP ${status})${zoomMessage ? `: ${zoomMessage}` : ''}`,
		description: said,
	};
}

export function zoomApiError(node: INode, status: number, body: unknown, headers: Record<string, unknown> = {}): NodeApiError {
	const zoomBody = asZoomErrorBody(body);
	const { message, description } = explainZoomError(status, zoomBody);
	const response: JsonObject = {
		httpCode: String(status),
		code: zoomBody.code ?? null,
		message: zoomBody.message ?? null,
		errors: (zoomBody.errors ?? []).map((entry) => ({ ...entry })),
	};
	const requestId = headers['x-zm-trackingid'];
	if (typeof requestId === 'string') response.trackingId = requestId;
	return new NodeApiError(node, response, { message, description, httpCode: String(status) });
}
