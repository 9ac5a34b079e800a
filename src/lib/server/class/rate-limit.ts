/**
 * Token buckets, one per key (a participant, an address): `burst` actions at once, then `perSecond`
 * more each second. Kept in this process's memory: a limit protects this process, and with
 * several instances each applies its own (a client is held to at most `instances` times the rate).
 * The table is bounded: the oldest keys are dropped first, which can only forgive.
 */
export interface Limit {
	burst: number;
	perSecond: number;
}

export class RateLimiter {
	private buckets = new Map<string, { tokens: number; at: number }>();

	constructor(
		private readonly limit: Limit,
		private readonly now: () => number = Date.now,
		private readonly maxKeys = 50_000
	) {}

	/**
	 * Takes `cost` tokens from `key`'s bucket. Returns 0 if allowed, else the seconds to wait
	 * before the same request would be.
	 */
	take(key: string, cost = 1): number {
		const now = this.now();
		const { burst, perSecond } = this.limit;
		let b = this.buckets.get(key);
		if (b) {
			b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * perSecond);
			b.at = now;
			// Most recently used last, so the first key is the one to drop.
			this.buckets.delete(key);
		} else {
			b = { tokens: burst, at: now };
			if (this.buckets.size >= this.maxKeys)
				this.buckets.delete(this.buckets.keys().next().value as string);
		}
		this.buckets.set(key, b);
		if (cost > burst) return Math.ceil(cost / perSecond);
		if (b.tokens >= cost) {
			b.tokens -= cost;
			return 0;
		}
		return Math.max(1, Math.ceil((cost - b.tokens) / perSecond));
	}
}

/** The limits a class server applies; tests and large schools may set their own. */
export interface Limits {
	/** Sessions started, per address. */
	create: Limit;
	/** Joins (and teacher sign-ins), per address: a whole class may share one address. */
	join: Limit;
	/** Operations sent, per participant. */
	opsPerParticipant: Limit;
	/** Requests of any kind, per address (a school behind one address: generous). */
	perAddress: Limit;
}

export const DEFAULT_LIMITS: Limits = {
	// A school's teachers may share one address: 50 sessions at once, 50 more an hour.
	create: { burst: 50, perSecond: 50 / 3600 },
	join: { burst: 120, perSecond: 2 },
	// At least a full request (MAX_OPS): an outbox that kept 100 changes offline sends them at once.
	opsPerParticipant: { burst: 120, perSecond: 1 },
	perAddress: { burst: 1200, perSecond: 60 }
};

/**
 * Every limit (burst and rate) × `factor`: `COUNTERPOINT_RATE_LIMIT_FACTOR`, for a school whose
 * many classes reach the server from one address, and for load tests (`npm run bench:class`).
 */
export function scaleLimits(limits: Limits, factor: number): Limits {
	const scale = ({ burst, perSecond }: Limit): Limit => ({
		burst: burst * factor,
		perSecond: perSecond * factor
	});
	return {
		create: scale(limits.create),
		join: scale(limits.join),
		opsPerParticipant: scale(limits.opsPerParticipant),
		perAddress: scale(limits.perAddress)
	};
}
