import type { Claim, Debate, RelationTarget } from '../schema/debate';
import { textIn } from '../schema/localised';
import type { LeftOutCode } from './left-out-codes';

export { CLAIM_TEXTS_ONLY, LEFT_OUT_CODES, type LeftOutCode } from './left-out-codes';

/**
 * What an export leaves out: each codec that cannot hold every part of a debate names the parts
 * it drops (`Codec.leavesOut`), and the export counts those the debate actually has, so the
 * export menu and the CLI say "claim notes: 12" instead of losing them without a word. The parts
 * themselves are declared in `left-out-codes.ts`.
 */

/** One part an export left out, and how many of it the debate had. */
export interface LeftOut {
	code: LeftOutCode;
	count: number;
}

/**
 * The claim's whole text in `lang`: its detail when its text is that detail cut short (as an
 * import cuts a long text to the 160 characters a claim shows, keeping the whole as detail,
 * see `fitClaimText`), else its text. Formats that hold long texts (Kialo, AIF, GraphML) write
 * this, so a long claim survives a round trip whole.
 */
export function fullText(claim: Pick<Claim, 'text' | 'detail'>, lang: string, primary: string) {
	const text = textIn(claim.text, lang, primary);
	const detail = claim.detail === undefined ? '' : textIn(claim.detail, lang, primary);
	return holdsWhole(text, detail) ? detail.replace(/\s+/g, ' ').trim() : text;
}

/** Whether `detail` is the whole of a text that `text` shows cut short with "…". */
function holdsWhole(text: string, detail: string): boolean {
	if (!text.endsWith('…') || !detail) return false;
	const start = text.slice(0, -1).trimEnd();
	return start.length > 0 && detail.replace(/\s+/g, ' ').trim().startsWith(start);
}

/** A claim's detail that is more than the whole of its cut text: an elaboration of its own. */
const ownDetail = (c: Claim, lang: string, primary: string) =>
	c.detail !== undefined &&
	!holdsWhole(textIn(c.text, lang, primary), textIn(c.detail, lang, primary));

const translated = (v: unknown, lang: string) =>
	typeof v === 'object' && v !== null && Object.keys(v).some((k) => k !== lang);

const isLink = (t: RelationTarget) => typeof t !== 'string';

const COUNT: Record<LeftOutCode, (d: Debate, lang: string) => number> = {
	translations: (d, lang) =>
		[d.title, d.summary, ...d.claims.flatMap((c) => [c.text, c.title])].filter((v) =>
			translated(v, lang)
		).length,
	titles: (d) => d.claims.filter((c) => c.title !== undefined).length,
	details: (d, lang) => d.claims.filter((c) => ownDetail(c, lang, d.language)).length,
	notes: (d) => d.claims.filter((c) => c.note !== undefined).length,
	tags: (d) => d.claims.filter((c) => (c.tags?.length ?? 0) > 0).length,
	actors: (d) => d.claims.filter((c) => c.actor !== undefined).length,
	evidence: (d) => d.claims.reduce((n, c) => n + (c.evidence?.length ?? 0), 0),
	sources: (d) => d.sources.length,
	uncited_sources: (d) => {
		const cited = new Set(d.claims.flatMap((c) => (c.evidence ?? []).map((e) => e.source)));
		return d.sources.filter((s) => !cited.has(s.id)).length;
	},
	// Every source has a type and a status at least.
	source_details: (d) => d.sources.length,
	undercuts: (d) =>
		d.claims.reduce(
			(n, c) =>
				n +
				(c.target !== undefined && isLink(c.target) ? 1 : 0) +
				(c.also ?? []).filter((r) => isLink(r.target)).length,
			0
		),
	questions: (d) => d.claims.filter((c) => c.kind === 'question' && c.id !== d.thesis).length,
	summary: (d, lang) => (textIn(d.summary, lang, d.language).trim() ? 1 : 0),
	scores: (d) => d.claims.filter((c) => c.baseScore !== undefined).length,
	contributors: (d) => d.claims.filter((c) => c.contributor !== undefined).length,
	tour: (d) => (d.tour?.length ? 1 : 0),
	poll: (d) => (d.handIn ? 1 : 0),
	claims: (d) => d.claims.length
};

/**
 * The part of a debate each field of a claim belongs to, as an export lists it when left out;
 * `kept` for what every format keeps (a claim's id, its text, what it answers and how). A field
 * added to a claim does not compile until it is given its part here, and then a format that
 * neither carries it back nor lists that part as left out fails its round-trip test
 * (`tests/unit/formats/export-fidelity.test.ts`).
 */
export const CLAIM_FIELD_PART = {
	id: 'kept',
	kind: 'questions',
	text: 'kept',
	title: 'titles',
	detail: 'details',
	stance: 'kept',
	target: 'kept',
	also: 'kept',
	actor: 'actors',
	tags: 'tags',
	evidence: 'evidence',
	note: 'notes',
	baseScore: 'scores',
	contributor: 'contributors'
} as const satisfies { [K in keyof Required<Claim>]: LeftOutCode | 'kept' };

/** The parts among `codes` that `debate` has, counted; parts it does not have are not listed. */
export function countLeftOut(
	debate: Debate,
	codes: readonly LeftOutCode[],
	lang = debate.language
): LeftOut[] {
	return codes
		.map((code) => ({ code, count: COUNT[code](debate, lang) }))
		.filter((l) => l.count > 0);
}

/** The part in English, for the CLI: the UI has its own words in messages. */
const WORDS: Record<LeftOutCode, string> = {
	translations: 'texts in other languages',
	titles: 'claim titles',
	details: 'claim details',
	notes: 'claim notes',
	tags: 'claims with tags',
	actors: 'claims with an actor',
	evidence: 'pieces of evidence',
	sources: 'sources',
	uncited_sources: 'sources no claim cites',
	source_details: 'source details (author, date, type, status, note; the address or title is kept)',
	undercuts: 'undercuts (written as plain objections)',
	questions: 'questions below the root (written as claims)',
	summary: 'the debate summary',
	scores: 'base scores',
	contributors: 'contributors',
	tour: 'the guided tour',
	poll: 'the hand-in poll',
	claims: 'claims and relations (a bibliography holds sources only)'
};

/** "claim notes: 12", for the CLI. */
export function describeLeftOut(l: LeftOut): string {
	return `${WORDS[l.code]}: ${l.count}`;
}
