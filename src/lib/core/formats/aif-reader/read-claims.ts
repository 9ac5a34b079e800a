import { fitClaimText } from '../build';
import type { AifNode, Rel } from './model';

/** What the claims are read from besides their I-nodes. */
export interface ClaimSources {
	claimId: Map<string, string>;
	relations: Map<string, Rel[]>;
	primary: Map<string, Rel>;
	thesis: string;
	actorOf: Map<string, string>;
	evidenceOf: Map<string, Record<string, unknown>[]>;
	isQuestion: (n: AifNode) => boolean;
}

/** The claims, and the I-nodes read in ways worth a warning. */
export interface ClaimsRead {
	claims: ReturnType<typeof readClaim>[];
	/** Related to no other claim: kept as separate roots. */
	isolated: string[];
	/** Roots other than the thesis, and those of them that are questions. */
	otherRoots: string[];
	otherQuestions: string[];
	/** Texts longer than a claim may be: cut, the whole kept as detail. */
	long: string[];
	/** Without text: given a placeholder. */
	empty: string[];
}

/** Every claim id that some relation starts at or points to. */
function relatedClaims(relations: Map<string, Rel[]>): Set<string> {
	const relatedTo = new Set<string>();
	for (const rels of relations.values())
		for (const r of rels) {
			relatedTo.add(r.from);
			if (typeof r.target === 'string') relatedTo.add(r.target);
			else relatedTo.add(r.target.from).add(r.target.to);
		}
	return relatedTo;
}

/**
 * The claim an I-node becomes: its text (cut to a claim's length, the whole as detail; a
 * placeholder when it has none), a question's kind when it stands at the top, its main relation
 * and the others (`also`), its speaker as actor, its evidence.
 */
function readClaim(n: AifNode, from: ClaimSources, found: ClaimsRead, relatedTo: Set<string>) {
	const id = from.claimId.get(n.id)!;
	let fitted = fitClaimText(n.text);
	if (!fitted.text) {
		found.empty.push(n.id);
		fitted = { text: '(an I-node without text)', shortened: false };
	} else if (fitted.shortened) found.long.push(n.id);
	if (!relatedTo.has(id) && id !== from.thesis) found.isolated.push(n.id);
	const main = from.primary.get(id);
	const also = (from.relations.get(id) ?? [])
		.filter((r) => r !== main)
		.map((r) => ({ target: r.target, stance: r.stance }));
	const actor = from.actorOf.get(n.id);
	// A question at the top is drawn and listed as one (map, outline), not as another thesis.
	const question = !main && from.isQuestion(n);
	if (!main && id !== from.thesis) (question ? found.otherQuestions : found.otherRoots).push(n.id);
	return {
		id,
		...(question ? { kind: 'question' as const } : {}),
		text: fitted.text,
		...(fitted.detail ? { detail: fitted.detail } : {}),
		...(main ? { stance: main.stance, target: main.target } : {}),
		...(also.length > 0 ? { also } : {}),
		...(actor ? { actor } : {}),
		...(from.evidenceOf.has(n.id) ? { evidence: from.evidenceOf.get(n.id) } : {})
	};
}

/** The claims, one per I-node in node order. */
export function readClaims(inodes: AifNode[], from: ClaimSources): ClaimsRead {
	const found: ClaimsRead = {
		claims: [],
		isolated: [],
		otherRoots: [],
		otherQuestions: [],
		long: [],
		empty: []
	};
	const relatedTo = relatedClaims(from.relations);
	found.claims = inodes.map((n) => readClaim(n, from, found, relatedTo));
	return found;
}
