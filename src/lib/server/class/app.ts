import { configFromEnv, openDatabase, type Database } from '../db';
import { Hub } from './hub';
import { DEFAULT_LIMITS, RateLimiter, scaleLimits, type Limits } from './rate-limit';
import { ClassService } from './service';

/** One instance of the class server: its database, its fan-out and its rate limits. */
export interface ClassApp {
	service: ClassService;
	hub: Hub;
	limiters: Record<'create' | 'join' | 'ops' | 'perAddress', RateLimiter>;
	retentionDays: number;
	close(): Promise<void>;
}

export interface AppOptions {
	retentionDays?: number;
	limits?: Partial<Limits>;
	heartbeatMs?: number;
	now?: () => number;
}

/** Builds an instance on an open database (migrated); starts listening for its notifications. */
export async function createClassApp(db: Database, options: AppOptions = {}): Promise<ClassApp> {
	const retentionDays = options.retentionDays ?? 30;
	const service = new ClassService(db, retentionDays);
	const hub = new Hub(service, options.heartbeatMs);
	await hub.start();
	const limits = { ...DEFAULT_LIMITS, ...options.limits };
	const limiter = (l: keyof Limits) => new RateLimiter(limits[l], options.now);
	// Sessions past their retention are deleted at start and every hour after.
	const purge = () => service.purgeExpired().catch(() => {});
	void purge();
	const timer = setInterval(purge, 3_600_000);
	timer.unref?.();
	return {
		service,
		hub,
		limiters: {
			create: limiter('create'),
			join: limiter('join'),
			ops: limiter('opsPerParticipant'),
			perAddress: limiter('perAddress')
		},
		retentionDays,
		async close() {
			clearInterval(timer);
			await hub.stop();
			await db.close();
		}
	};
}

let current: Promise<ClassApp> | undefined;

/**
 * This process's instance, from the environment: `DATABASE_URL` (PostgreSQL) or the embedded
 * database in `COUNTERPOINT_DATA` (default `./data`); `COUNTERPOINT_RETENTION_DAYS` (default 30);
 * `COUNTERPOINT_RATE_LIMIT_FACTOR` (default 1) multiplies every rate limit.
 * Opened on first use; if the database cannot be reached, the next request tries again.
 */
export function classApp(env: Record<string, string | undefined> = process.env): Promise<ClassApp> {
	current ??= (async () => {
		const days = Number(env.COUNTERPOINT_RETENTION_DAYS ?? 30);
		if (!Number.isFinite(days) || days < 1)
			throw new Error('COUNTERPOINT_RETENTION_DAYS must be a number of days, 1 or more.');
		const factor = Number(env.COUNTERPOINT_RATE_LIMIT_FACTOR || 1);
		if (!Number.isFinite(factor) || factor <= 0)
			throw new Error(
				`COUNTERPOINT_RATE_LIMIT_FACTOR must be a number above 0 (1: the default limits; 10: ten times as many requests), not "${env.COUNTERPOINT_RATE_LIMIT_FACTOR}".`
			);
		const db = await openDatabase(configFromEnv(env));
		return createClassApp(db, {
			retentionDays: days,
			limits: scaleLimits(DEFAULT_LIMITS, factor)
		});
	})().catch((e) => {
		current = undefined;
		throw e;
	});
	return current;
}

/** Closes this process's instance (the server is stopping). */
export async function closeClassApp(): Promise<void> {
	const app = await current?.catch(() => undefined);
	current = undefined;
	await app?.close();
}
