import { FORMAT_VERSION } from './debate';

/** One step that rewrites a file of version `from` into version `from + 1`. */
interface Migration {
	from: number;
	describe: string;
	up(data: Record<string, unknown>): Record<string, unknown>;
}

/**
 * Upgrades, oldest first. Version 1 is the first published format, so none exist yet;
 * a format change adds one here and bumps FORMAT_VERSION, and old files keep loading.
 */
const migrations: Migration[] = [];

export type MigrationResult =
	{ ok: true; data: unknown; applied: string[] } | { ok: false; message: string; hint: string };

/** Brings parsed file data up to the current format version, or says why it cannot. */
export function migrate(data: unknown): MigrationResult {
	if (typeof data !== 'object' || data === null || Array.isArray(data)) {
		return { ok: true, data, applied: [] }; // the schema reports the wrong shape
	}
	let current = data as Record<string, unknown>;
	const version = current.formatVersion;
	if (typeof version !== 'number') return { ok: true, data, applied: [] };
	if (version > FORMAT_VERSION) {
		return {
			ok: false,
			message: `format version ${version} is newer than this Counterpoint understands (${FORMAT_VERSION})`,
			hint: 'update Counterpoint, or export the debate again from the newer version as format 1'
		};
	}
	const applied: string[] = [];
	for (const m of migrations) {
		if (m.from === current.formatVersion) {
			current = { ...m.up(current), formatVersion: m.from + 1 };
			applied.push(m.describe);
		}
	}
	return { ok: true, data: current, applied };
}
