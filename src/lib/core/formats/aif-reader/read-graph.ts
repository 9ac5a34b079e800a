import type { Diagnostic } from '../../load/diagnostic';
import { error, warning } from '../build';
import { EVIDENCE_FIELD } from './evidence';
import {
	idOf,
	isObject,
	listIds,
	own,
	push,
	textOf,
	type AifNode,
	type Graph,
	type Json
} from './model';
import type { Positions } from './positions';

/**
 * The file's nodes by id, in order: each with an id and an upper-cased type (a node without a
 * type is kept, so edges to it resolve). Nodes without an id are skipped and repeated ids keep
 * their first node, each counted in a warning.
 */
export function readNodes(
	rawNodes: Json[],
	at: Positions,
	file: string,
	warnings: Diagnostic[]
): Map<string, AifNode> {
	const nodes = new Map<string, AifNode>();
	let malformed = 0;
	const duplicates: string[] = [];
	rawNodes.forEach((raw, index) => {
		if (!isObject(raw)) return void malformed++;
		const id = idOf(own(raw, 'nodeID'));
		if (id === undefined) return void malformed++;
		let type = textOf(own(raw, 'type')).trim().toUpperCase();
		// Kept, so edges to it still resolve; reported below with the other unread types.
		if (!type) type = '(NO TYPE)';
		if (nodes.has(id)) return void duplicates.push(id);
		const evidence = type === 'I' ? own(raw, EVIDENCE_FIELD) : undefined;
		nodes.set(id, {
			id,
			type,
			text: textOf(own(raw, 'text')),
			index,
			...(evidence !== undefined ? { evidence } : {})
		});
	});
	if (malformed > 0)
		warnings.push(
			warning(file, at.keyLine('nodes'), `nodes without a nodeID skipped: ${malformed}`)
		);
	if (duplicates.length > 0)
		warnings.push(
			warning(
				file,
				at.nodeLine(duplicates[0]!),
				`nodeID ${listIds(duplicates)} appears more than once; the first node with it was kept`
			)
		);
	return nodes;
}

/** What is wrong with an edge whose ends are not both nodes of the file. */
function edgeError(
	raw: Json,
	index: number,
	ends: [string | undefined, AifNode | undefined, string | undefined, AifNode | undefined],
	at: Positions,
	file: string
): Diagnostic {
	const [from, a, to, b] = ends;
	const edgeId = isObject(raw) ? idOf(own(raw, 'edgeID')) : undefined;
	const name = edgeId !== undefined ? `edge "${edgeId}"` : `edge ${index + 1}`;
	const missing = [
		[from, a, 'fromID'],
		[to, b, 'toID']
	] as const;
	const what = missing
		.filter(([, node]) => !node)
		.map(([id, , key]) =>
			id === undefined
				? `has no ${key}`
				: `${key === 'fromID' ? 'comes from' : 'goes to'} node "${id}", which is not in the file`
		)
		.join(' and ');
	return error(
		file,
		at.edgeLine(raw, index),
		`${name} ${what}`,
		'every edge must join two nodes listed under "nodes"; remove the edge or add the node'
	);
}

/**
 * The graph the edges make of the nodes, or (the file is damaged) an error for each edge, up to
 * twenty, with an end that is not a node of the file.
 */
export function readEdges(
	rawEdges: Json[],
	nodes: Map<string, AifNode>,
	at: Positions,
	file: string
): { ok: true; graph: Graph } | { ok: false; errors: Diagnostic[] } {
	const incoming = new Map<string, AifNode[]>();
	const outgoing = new Map<string, AifNode[]>();
	const errors: Diagnostic[] = [];
	rawEdges.forEach((raw, index) => {
		const from = isObject(raw) ? idOf(own(raw, 'fromID')) : undefined;
		const to = isObject(raw) ? idOf(own(raw, 'toID')) : undefined;
		const a = from === undefined ? undefined : nodes.get(from);
		const b = to === undefined ? undefined : nodes.get(to);
		if (a && b) {
			push(outgoing, a.id, b);
			push(incoming, b.id, a);
		} else if (errors.length < 20) errors.push(edgeError(raw, index, [from, a, to, b], at, file));
	});
	if (errors.length > 0) return { ok: false, errors };
	return {
		ok: true,
		graph: {
			ordered: [...nodes.values()],
			ins: (id) => incoming.get(id) ?? [],
			outs: (id) => outgoing.get(id) ?? []
		}
	};
}
