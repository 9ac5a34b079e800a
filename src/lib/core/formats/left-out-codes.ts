/**
 * The parts of a debate an export may leave out, declared once: the codes, and which of them a
 * format holding only claim texts and relations has no place for. Kept free of imports so the
 * format catalog, which the map page loads at once, can list each format's `leavesOut` from
 * them; `left-out.ts` counts and words them.
 */

/**
 * Every part of a debate an export may leave out (the UI words each as `export_left_<code>`),
 * each marked with whether a format that holds one text per claim and the relations between
 * claims (Kialo, AIF, GraphML) leaves it out: `true` for the parts such a format has no place
 * for. Evidence, sources and undercuts depend on the format (Kialo keeps evidence as footnotes,
 * AIF keeps undercuts and evidence as I-nodes with their whole source), so each format names
 * those itself.
 */
const PARTS = {
	translations: true,
	titles: true,
	details: true,
	notes: true,
	tags: true,
	actors: true,
	evidence: false,
	sources: false,
	uncited_sources: false,
	source_details: false,
	undercuts: false,
	questions: true,
	summary: true,
	scores: true,
	contributors: true,
	tour: true,
	poll: true,
	claims: false
} as const satisfies Record<string, boolean>;

/** A part of a debate an export may leave out. */
export type LeftOutCode = keyof typeof PARTS;

/** Every part of a debate an export may leave out, in the order exports list them. */
export const LEFT_OUT_CODES = Object.keys(PARTS) as readonly LeftOutCode[];

/** What a format holding one text per claim and the relations between claims has no place for. */
export const CLAIM_TEXTS_ONLY: readonly LeftOutCode[] = LEFT_OUT_CODES.filter((c) => PARTS[c]);
