import { error } from '@sveltejs/kit';
import { shippedDebates } from '$lib/server/debates';
import type { EntryGenerator } from './$types';

export const entries: EntryGenerator = () => [...shippedDebates().keys()].map((id) => ({ id }));

export function load({ params }) {
	const debate = shippedDebates().get(params.id);
	if (!debate) error(404, `No debate called "${params.id}"`);
	return { debate };
}
