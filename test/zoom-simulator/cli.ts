import { isPlan } from './config';
import { startSimulator } from './index';

function argument(name: string): string | undefined {
	const args = process.argv.slice(2);
	const index = args.indexOf(`--${name}`);
	if (index >= 0) return args[index + 1];
	return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

async function main(): Promise<void> {
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

main().catch((error: Error) => {
	console.error(`zoom-simulator: ${error.message}`);
	process.exit(1);
});
