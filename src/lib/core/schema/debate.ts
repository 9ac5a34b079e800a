import { z } from './zod';
import { Poll } from './poll';
import {
	boundedText,
	countedText,
	IsoDateTime,
	LanguageTag,
	LocalisedText,
	localised,
	LONG_TEXT_MAX,
	NAME_MAX,
	TITLE_MAX,
	URL_MAX
} from './localised';
import {
	CLAIM_TEXT_MAX,
	CLAIM_TITLE_MAX,
	EVIDENCE_KINDS,
	ID_PATTERN,
	SOURCE_STATUSES,
	SOURCE_TYPES,
	STANCES
} from './vocabulary';
import { webAddress } from './web-address';
import { withProblem } from './problem';

/** The format version this code writes. Older files are migrated on load (see `migrate.ts`). */
export const FORMAT_VERSION = 1;

export { CLAIM_TEXT_MAX, CLAIM_TITLE_MAX } from './vocabulary';

/** Ids name things inside one debate and appear in URLs (`?claim=p01`). */
export const Id = z
	.string()
	.regex(
		ID_PATTERN,
		'must be 1–64 letters, digits, "-", "_" or ".", starting with a letter or digit'
	);

/**
 * Refuses an address over the limit once written out (a zod check, after `webAddress`):
 * percent-encoding makes an address up to nine times longer, and the stored form must fit too, or
 * a file Counterpoint wrote would be refused when read back.
 */
export function writtenOutFits(ctx: z.core.ParsePayload<string | undefined>) {
	const length = ctx.value?.length ?? 0;
	if (length > URL_MAX)
		ctx.issues.push({
			code: 'custom',
			message: `written as a web address it has ${length.toLocaleString('en-US')} characters (spaces, quotes and letters outside A–Z become %XX codes); at most ${URL_MAX.toLocaleString('en-US')}`,
			input: ctx.value,
			...withProblem({ code: 'address_too_long', length, max: URL_MAX })
		});
}

/** How a web address field refuses what is not one (for `.refine(isWebAddress, …)`). */
export const NOT_WEB_ADDRESS = {
	message: 'must be an http:// or https:// address',
	abort: true,
	...withProblem({ code: 'not_web_address' })
};

/** Whether a text reads as an http:// or https:// address. */
export const isWebAddress = (s: string | undefined) => !!s && webAddress(s) !== undefined;

/**
 * Only web links: anything else (`javascript:`, `data:`, `file:`) is refused. Stored in the form
 * every reader agrees on (`webAddress`), so an address cannot break out of an exported link.
 */
export const WebUrl = z
	.string()
	.trim()
	.max(URL_MAX, {
		message: `must be at most ${URL_MAX.toLocaleString('en-US')} characters`,
		abort: true
	})
	.refine(isWebAddress, NOT_WEB_ADDRESS)
	.overwrite((s) => webAddress(s) ?? s)
	.check(writtenOutFits);

/** A calendar date, as precise as known: `2024`, `2024-07` or `2024-07-23`. */
export const IsoDate = z
	.string()
	.regex(
		/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/,
		'must be an ISO date: "YYYY", "YYYY-MM" or "YYYY-MM-DD"'
	);

export const Stance = z.enum(STANCES);
export type Stance = z.infer<typeof Stance>;

/**
 * What a relation points at: a claim (by id), or — for an undercut — the relation
 * from claim `from` to claim `to`, i.e. the inference rather than either claim.
 */
export const RelationTarget = z.union([
	Id,
	z.strictObject({ from: Id, to: Id }).describe('an undercut: the relation from `from` to `to`')
]);
export type RelationTarget = z.infer<typeof RelationTarget>;

/** An extra relation of a claim beyond its main `target`, so the map can be a graph. */
export const Relation = z.strictObject({ target: RelationTarget, stance: Stance });
export type Relation = z.infer<typeof Relation>;

export const EvidenceKind = z.enum(EVIDENCE_KINDS);

/** One piece of backing for a claim: a verbatim passage of a source and where it stands there. */
export const Evidence = z.strictObject({
	source: Id.describe('id of an entry in `sources`'),
	kind: EvidenceKind,
	quote: boundedText(LONG_TEXT_MAX).describe('verbatim, in its own language'),
	quoteLang: LanguageTag,
	translation: LocalisedText.optional(),
	locator: boundedText(TITLE_MAX).describe(
		'where in the source: paragraph, page, timestamp, or the first characters of the sentence'
	)
});
export type Evidence = z.infer<typeof Evidence>;

export const SourceType = z.enum(SOURCE_TYPES);

/** Whether we saw the primary: in a stored copy, only through a secondary report, or not at all. */
export const SourceStatus = z.enum(SOURCE_STATUSES);

export const Source = z
	.strictObject({
		id: Id,
		title: localised(TITLE_MAX),
		author: boundedText(NAME_MAX).optional(),
		organisation: boundedText(NAME_MAX).optional(),
		publisher: boundedText(NAME_MAX).optional(),
		date: IsoDate.optional(),
		url: WebUrl.optional(),
		type: SourceType,
		language: LanguageTag,
		status: SourceStatus,
		note: LocalisedText.optional()
	})
	.refine((s) => s.author !== undefined || s.organisation !== undefined, {
		message: 'give an `author` or an `organisation`',
		path: ['author']
	});
export type Source = z.infer<typeof Source>;

export const Actor = z.strictObject({
	id: Id,
	name: localised(NAME_MAX),
	role: localised(TITLE_MAX).optional(),
	organisation: boundedText(NAME_MAX).optional()
});
export type Actor = z.infer<typeof Actor>;

export const Tag = z.strictObject({ id: Id, label: localised(NAME_MAX) });
export type Tag = z.infer<typeof Tag>;

/** Who added a claim in class, and when. */
export const Contributor = z.strictObject({
	name: z.string().trim().min(1).max(80).optional(),
	at: IsoDateTime.describe('when it was added, ISO 8601 date and time')
});
export type Contributor = z.infer<typeof Contributor>;

export const Claim = z
	.strictObject({
		id: Id,
		/**
		 * A question (a Kialo "1. Question:" root) is answered rather than argued. An argument
		 * (an Argdown `<Argument>`, a reason made of premises) is drawn and weighed like a claim,
		 * and written back to Argdown as an argument.
		 */
		kind: z.enum(['claim', 'question', 'argument']).optional(),
		text: localised(CLAIM_TEXT_MAX, countedText(CLAIM_TEXT_MAX)),
		/** A short title (≤ 48 characters) shown when the map is zoomed out too far to read `text`. */
		title: localised(CLAIM_TITLE_MAX).optional(),
		detail: LocalisedText.optional(),
		stance: Stance.optional(),
		target: RelationTarget.optional(),
		also: z.array(Relation).optional(),
		actor: Id.optional(),
		tags: z.array(Id).optional(),
		evidence: z.array(Evidence).optional(),
		note: LocalisedText.optional(),
		/** Base score τ in [0, 1] for gradual evaluation; 0.5 when absent. */
		baseScore: z.number().min(0).max(1).optional(),
		/** Set when the claim was added in class (a student's contribution), not written by the author. */
		contributor: Contributor.optional()
	})
	.refine((c) => (c.stance === undefined) === (c.target === undefined), {
		message: 'give `stance` and `target` together, or neither (a root claim)',
		path: ['stance']
	});
export type Claim = z.infer<typeof Claim>;

/**
 * The only `$schema` a debate may name: the JSON Schema beside it (`arguments/schema.json`, made
 * by `npm run schema`). Any other address would be written unchanged into every export, and an
 * editor that follows it fetches it: a tracking address, or a `javascript:` link.
 */
export const SCHEMA_PATH = './schema.json';

/** A debate: one thesis, the claims for and against it, and who said what where. */
export const Debate = z.strictObject({
	$schema: z
		.literal(SCHEMA_PATH, { error: `must be "${SCHEMA_PATH}", Counterpoint's own schema` })
		.optional(),
	formatVersion: z.literal(FORMAT_VERSION),
	id: Id,
	title: localised(TITLE_MAX),
	summary: LocalisedText,
	language: LanguageTag,
	thesis: Id.describe('id of the claim the debate is about; drawn at the top'),
	tags: z.array(Tag).default([]),
	actors: z.array(Actor).default([]),
	sources: z.array(Source).default([]),
	claims: z.array(Claim).min(1, 'a debate needs at least its thesis'),
	tour: z.array(Id).optional(),
	/** In a student's hand-in: their stance poll (the additions are the claims marked `contributor`). */
	handIn: z.strictObject({ poll: Poll }).optional()
});
export type Debate = z.infer<typeof Debate>;
/** The shape a file may have before defaults are filled in. */
export type DebateInput = z.input<typeof Debate>;
