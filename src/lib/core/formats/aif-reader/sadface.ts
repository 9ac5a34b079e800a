import { isObject, own, textOf, type Json, type JsonObject } from './model';

/** A SADFace document read as AIF lists, so one reader serves both. */
export function fromSadface(root: JsonObject): { nodes: Json[]; edges: Json[] } {
	const nodes = (own(root, 'nodes') as Json[]).map((n): Json => {
		if (!isObject(n)) return n;
		const type = textOf(own(n, 'type')).toLowerCase();
		const name = textOf(own(n, 'name'));
		const aifType =
			type === 'atom'
				? 'I'
				: type === 'scheme'
					? /conflict|attack|rebut|undercut|counter/i.test(name)
						? 'CA'
						: /rephrase|restat/i.test(name)
							? 'MA'
							: 'RA'
					: type;
		return { nodeID: own(n, 'id') ?? null, type: aifType, text: own(n, 'text') ?? name };
	});
	const edges = Array.isArray(own(root, 'edges'))
		? (own(root, 'edges') as Json[]).map((e): Json =>
				isObject(e)
					? {
							edgeID: own(e, 'id') ?? null,
							fromID: own(e, 'source_id') ?? null,
							toID: own(e, 'target_id') ?? null
						}
					: e
			)
		: [];
	return { nodes, edges };
}

/** A SADFace file's description, notes and analyst, as one text for the debate's summary. */
export function sadfaceAbout(core: JsonObject): string {
	const say = (key: string) => textOf(own(core, key)).replace(/\s+/g, ' ').trim();
	const end = (s: string) => (/[.!?…]$/.test(s) ? s : `${s}.`);
	const [description, notes, analyst] = [say('description'), say('notes'), say('analyst_name')];
	return [
		description && end(description),
		notes && `Notes: ${end(notes)}`,
		analyst && `Analysed by ${end(analyst)}`
	]
		.filter(Boolean)
		.join(' ');
}

/** Whether a JSON object is a SADFace document: nodes with `id` (not `nodeID`), atoms or schemes. */
export const looksLikeSadface = (root: JsonObject) => {
	const nodes = own(root, 'nodes');
	return (
		Array.isArray(nodes) &&
		nodes.length > 0 &&
		nodes.every(
			(n) => isObject(n) && own(n, 'nodeID') === undefined && own(n, 'id') !== undefined
		) &&
		nodes.some((n) => isObject(n) && (own(n, 'type') === 'atom' || own(n, 'type') === 'scheme'))
	);
};
