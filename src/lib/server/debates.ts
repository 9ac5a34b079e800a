import { formatDiagnostic, loadAuthoredDebate } from '../core/load';
import type { Debate } from '../core/schema';

export { summarise, type DebateSummary } from '../core/model';

/** The debate files shipped in `arguments/`, read at build time. */
const files = import.meta.glob('/arguments/*.yaml', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

let cache: Map<string, Debate> | undefined;

/**
 * Every shipped debate, validated exactly as `npm run validate` does. An invalid file stops the
 * build with its located errors: a broken debate is never published.
 */
export function shippedDebates(): Map<string, Debate> {
	if (cache) return cache;
	const out = new Map<string, Debate>();
	const problems: string[] = [];
	for (const [path, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
		const file = path.replace(/^\//, '');
		const result = loadAuthoredDebate(text, file);
		if (result.ok) out.set(result.value.id, result.value);
		else problems.push(...result.errors.map(formatDiagnostic));
	}
	if (problems.length > 0) throw new Error(`Invalid debate files:\n${problems.join('\n')}`);
	cache = out;
	return out;
}
