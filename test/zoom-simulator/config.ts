export type Plan = 'free' | 'pro' | 'business';

export interface Identity {
	accountId: string;
	clientId: string;
	clientSecret: string;
	webhookSecret: string;
	hostEmail: string;
}

export function identityFromEnv(env: NodeJS.ProcessEnv = process.env): Identity {
	return {
		accountId: env.ZOOM_SIM_ACCOUNT_ID || 'sim-account',
		clientId: env.ZOOM_SIM_CLIENT_ID || 'sim-client',
		clientSecret: env.ZOOM_SIM_CLIENT_SECRET || 'sim-secret',
		webhookSecret: env.ZOOM_SIM_WEBHOOK_SECRET || 'sim-webhook-secret',
		hostEmail: 'host@example.com',
	};
}

export function isPlan(value: unknown): value is Plan {
	return value === 'free' || value === 'pro' || value === 'business';
}
