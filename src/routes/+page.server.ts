import { shippedDebates, summarise } from '$lib/server/debates';

export function load() {
	return { debates: [...shippedDebates().values()].map(summarise) };
}
