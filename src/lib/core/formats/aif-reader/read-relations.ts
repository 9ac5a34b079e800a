import type { RelationTarget, Stance } from '../../schema/debate';
import { ARGUMENT, DIALOGUE, push, STANCE, type AifNode, type Graph, type Rel } from './model';

/** The relations the S-nodes stand for, and the S-nodes read in ways worth a warning. */
export interface RelationsRead {
	/** Each claim's relations (by claim id), in the order of the S-nodes that made them. */
	relations: Map<string, Rel[]>;
	/** S-nodes with several premises: one relation each. */
	linked: string[];
	/** MA nodes: a rephrase read as support. */
	rephrases: string[];
	/** S-nodes without a premise or a conclusion: skipped. */
	dangling: string[];
	/** S-nodes aimed at an S-node that is not one premise to one conclusion: skipped. */
	unresolved: string[];
	/** S-nodes with several conclusions. */
	multiConclusion: string[];
	/** S-nodes relating a claim to itself: that relation skipped. */
	selfLoops: string[];
	/** Relations made again by another S-node: merged. */
	duplicateRelations: number;
}

/** What reading an S-node needs: the graph, claim ids by I-node, and where relations go. */
interface Reader {
	graph: Graph;
	claimId: Map<string, string>;
	found: RelationsRead;
	add: (from: string, target: RelationTarget, stance: Stance) => void;
}

/** The single relation an S-node stands for, when it has one premise and one conclusion I. */
function single(s: AifNode, { graph, claimId }: Reader): { from: string; to: string } | undefined {
	const p = graph.ins(s.id).filter((n) => n.type === 'I');
	const c = graph.outs(s.id).filter((n) => n.type === 'I');
	if (p.length !== 1 || c.length !== 1 || p[0] === c[0]) return undefined;
	return { from: claimId.get(p[0]!.id)!, to: claimId.get(c[0]!.id)! };
}

/**
 * The relations one argument S-node stands for: from each premise I to each conclusion, a
 * conclusion I directly, a conclusion S-node as an undercut of the relation it stands for.
 */
function readSNode(s: AifNode, reader: Reader): void {
	const { graph, claimId, found, add } = reader;
	const premises = [...new Set(graph.ins(s.id).filter((n) => n.type === 'I'))];
	const conclusions = [
		...new Set(graph.outs(s.id).filter((n) => n.type === 'I' || ARGUMENT.has(n.type)))
	];
	if (premises.length === 0 || conclusions.length === 0) {
		found.dangling.push(s.id);
		return;
	}
	if (premises.length > 1) found.linked.push(s.id);
	if (conclusions.length > 1) found.multiConclusion.push(s.id);
	if (s.type === 'MA') found.rephrases.push(s.id);
	const stance = STANCE[s.type]!;
	for (const c of conclusions) {
		if (c.type === 'I') {
			for (const p of premises) {
				if (p === c) found.selfLoops.push(s.id);
				else add(claimId.get(p.id)!, claimId.get(c.id)!, stance);
			}
			continue;
		}
		const link = single(c, reader);
		if (!link) {
			found.unresolved.push(s.id);
			continue;
		}
		for (const p of premises) {
			const from = claimId.get(p.id)!;
			if (from === link.from) found.selfLoops.push(s.id);
			else add(from, { ...link }, stance);
		}
	}
}

/**
 * The relations between claims, one per premise of each argument S-node (RA `pro`, CA `con`,
 * MA `pro`), in node order, each once. S-nodes fed by evidence I-nodes are not read here: that
 * evidence goes onto claims.
 */
export function readRelations(
	graph: Graph,
	claimId: Map<string, string>,
	isEvidence: (id: string) => boolean
): RelationsRead {
	const found: RelationsRead = {
		relations: new Map(),
		linked: [],
		rephrases: [],
		dangling: [],
		unresolved: [],
		multiConclusion: [],
		selfLoops: [],
		duplicateRelations: 0
	};
	const seen = new Set<string>();
	const add = (from: string, target: RelationTarget, stance: Stance) => {
		const key = `${from}|${typeof target === 'string' ? target : `${target.from}->${target.to}`}|${stance}`;
		if (seen.has(key)) return void found.duplicateRelations++;
		seen.add(key);
		push(found.relations, from, { from, target, stance });
	};
	const snodes = graph.ordered.filter(
		(n) => ARGUMENT.has(n.type) && !graph.ins(n.id).some((p) => isEvidence(p.id))
	);
	for (const s of snodes) readSNode(s, { graph, claimId, found, add });
	return found;
}

/** The nodes neither claims nor S-nodes, counted by type: the dialogue layer, and the rest. */
export function countUnread(ordered: AifNode[]): {
	dialogue: Map<string, number>;
	otherTypes: Map<string, number>;
} {
	const dialogue = new Map<string, number>();
	const otherTypes = new Map<string, number>();
	for (const n of ordered) {
		if (n.type === 'I' || ARGUMENT.has(n.type)) continue;
		const counts = DIALOGUE.has(n.type) ? dialogue : otherTypes;
		counts.set(n.type, (counts.get(n.type) ?? 0) + 1);
	}
	return { dialogue, otherTypes };
}
