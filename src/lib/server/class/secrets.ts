import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { makeCode } from '$core/class/code';

/**
 * Secrets of a class session. The teacher's control secret and each student's token are 256-bit
 * random strings; the database keeps only their SHA-256 (enough for random secrets: there is
 * nothing to guess from a hash of 256 random bits), so a copy of the database signs nobody in.
 */
export const newSecret = () => randomBytes(32).toString('base64url');
/** Ids of rows (sessions, participants): random, 128 bits, fit for the op log's id format. */
export const newId = () => randomBytes(16).toString('base64url');
export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');
export const newCode = () => makeCode((n) => randomInt(n));

/** Compares a secret with a stored hash in time that does not depend on where they differ. */
export function secretMatches(secret: string, hash: string): boolean {
	const a = Buffer.from(hashSecret(secret), 'hex');
	const b = Buffer.from(hash, 'hex');
	return a.length === b.length && timingSafeEqual(a, b);
}
