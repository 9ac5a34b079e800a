import { error, json } from '@sveltejs/kit';
import { shippedDebates } from '$lib/server/debates';
import type { EntryGenerator } from './$types';

/**
 * Each shipped debate as JSON (`/data/<id>.json`), written at build time: what the editor copies
 * when a teacher starts from a shipped debate. The file in `arguments/` is never written to.
 */
export const prerender = true;

export const entries: EntryGenerator = () => [...shippedDebates().keys()].map((id) => ({ id }));

export function GET({ params }) {
	const debate = shippedDebates().get(params.id);
	if (!debate) error(404, `No debate called "${params.id}"`);
	return json(debate);
}
