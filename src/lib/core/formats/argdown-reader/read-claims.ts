import { Claim, Evidence } from '../../schema/debate';
import { LocalisedText, LONG_TEXT_MAX } from '../../schema/localised';
import { fitClaimText, fitTitle } from '../build';
import type { DebateTags } from './front-matter';
import type { Targets } from './read-targets';
import type { Key, Node, Target, Warn } from './model';

/** A claim being read, its fields set in the order a debate file writes them. */
type ClaimData = Record<string, unknown>;

/** What reading a claim needs beyond its node: the relations chosen, the front matter's lists. */
export interface ClaimContext {
	nodeOf: Map<Key, Node>;
	targets: Targets;
	tags: DebateTags;
	actorIds: Set<string>;
	sourceIds: Set<string>;
	warn: Warn;
}

/** "not text of at most 10,000 characters": why a detail or note was left out. */
const NOT_LONG_TEXT = `not text of at most ${LONG_TEXT_MAX.toLocaleString('en-US')} characters`;

/**
 * The claim's `kind` from its data, checked by the debate schema's own rules (so a kind added
 * there is read here); else `argument` for an Argdown argument. One not valid is warned.
 */
function readKind(claim: ClaimData, n: Node, warn: Warn): void {
	const d = n.data;
	const kind = Claim.shape.kind.safeParse(d.kind);
	if (d.kind !== undefined && kind.success) claim.kind = kind.data;
	else if (n.kind === 'argument') claim.kind = 'argument';
	if (d.kind !== undefined && !kind.success)
		warn(
			n.line,
			`the kind of "${n.title}" is not ${Claim.shape.kind
				.unwrap()
				.options.map((o) => `"${o}"`)
				.join(', ')}; it was left out`
		);
}

/**
 * The claim's text (its title when it has none), its title when the author wrote one that is not
 * its id, and its detail: from the data, or the whole text when the text had to be cut (warned).
 */
function readText(claim: ClaimData, n: Node, warn: Warn): void {
	const d = n.data;
	const fitted = fitClaimText(n.text || n.title);
	claim.text = fitted.text;
	if (n.explicit && n.title !== n.id) claim.title = fitTitle(n.title);
	const detail =
		d.detail !== undefined && LocalisedText.safeParse(d.detail).success ? d.detail : undefined;
	if (d.detail !== undefined && detail === undefined)
		warn(n.line, `the detail of "${n.title}" is ${NOT_LONG_TEXT}; it was left out`);
	if (fitted.shortened) {
		warn(
			n.line,
			`the text of "${n.title}" is longer than a claim may be; it was shortened, and the whole text kept as its detail`
		);
		claim.detail = detail ?? fitted.detail;
	} else if (detail !== undefined) claim.detail = detail;
}

/** The claim's main relation (`stance`, `target`) and its others (`also`), by claim id. */
function readTargets(claim: ClaimData, n: Node, { nodeOf, targets }: ClaimContext): void {
	const main = targets.primary.get(n.key);
	const toTarget = (t: Target) =>
		'to' in t
			? nodeOf.get(t.to)!.id
			: { from: nodeOf.get(t.link.from)!.id, to: nodeOf.get(t.link.to)!.id };
	if (main) {
		claim.stance = main.stance;
		claim.target = toTarget(main.target);
	}
	const also = targets.outgoing
		.get(n.key)!
		.filter((e) => e !== main)
		.map((e) => ({ target: toTarget(e.target), stance: e.stance }));
	if (also.length > 0) claim.also = also;
}

/** The claim's evidence from its data: entries valid and citing a known source; others warned. */
function readEvidence(claim: ClaimData, n: Node, sourceIds: Set<string>, warn: Warn): void {
	const d = n.data;
	if (d.evidence === undefined) return;
	const list = Array.isArray(d.evidence) ? d.evidence : [d.evidence];
	const kept = list.flatMap((item) => {
		const parsed = Evidence.safeParse(item);
		return parsed.success && sourceIds.has(parsed.data.source) ? [parsed.data] : [];
	});
	const dropped = list.length - kept.length;
	if (kept.length < list.length)
		warn(
			n.line,
			`${dropped} evidence entr${dropped > 1 ? 'ies' : 'y'} of "${n.title}" ${dropped > 1 ? 'are' : 'is'} not valid or name${dropped > 1 ? '' : 's'} an unknown source; left out`
		);
	if (kept.length > 0) claim.evidence = kept;
}

/** The claim's note and base score from its data; one not valid is left out, warned. */
function readNoteAndScore(claim: ClaimData, n: Node, warn: Warn): void {
	const d = n.data;
	if (d.note !== undefined) {
		if (LocalisedText.safeParse(d.note).success) claim.note = d.note;
		else warn(n.line, `the note of "${n.title}" is ${NOT_LONG_TEXT}; it was left out`);
	}
	if (d.baseScore !== undefined) {
		const score = Claim.shape.baseScore.safeParse(d.baseScore);
		if (score.success) claim.baseScore = score.data;
		else warn(n.line, `the baseScore of "${n.title}" is not a number from 0 to 1; it was left out`);
	}
}

/**
 * The claim a node becomes: its id, kind, text, title and detail, relations, actor (one of the
 * front matter's), `#tags`, evidence, note and base score. Fields of the data are checked by the
 * debate schema's own rules; what fails is left out with a warning on the node's line.
 */
export function readClaim(n: Node, context: ClaimContext): ClaimData {
	const { warn } = context;
	const claim: ClaimData = { id: n.id };
	readKind(claim, n, warn);
	readText(claim, n, warn);
	readTargets(claim, n, context);
	if (n.data.actor !== undefined) {
		if (typeof n.data.actor === 'string' && context.actorIds.has(n.data.actor))
			claim.actor = n.data.actor;
		else warn(n.line, `the actor of "${n.title}" is not in counterpoint.actors; it was left out`);
	}
	const claimTags = [...new Set(n.tags.map((name) => context.tags.tagFor(name)))];
	if (claimTags.length > 0) claim.tags = claimTags;
	readEvidence(claim, n, context.sourceIds, warn);
	readNoteAndScore(claim, n, warn);
	return claim;
}
