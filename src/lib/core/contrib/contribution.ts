import { z } from '../schema/zod';
import { formatPath } from '../load/diagnostic';
import {
	Claim,
	CLAIM_TEXT_MAX,
	Id,
	isWebAddress,
	NOT_WEB_ADDRESS,
	Source,
	Stance,
	writtenOutFits,
	type Debate
} from '../schema/debate';
import { webAddress } from '../schema/web-address';
import { codePointOf, firstNotText } from '../schema/characters';
import { countedText, IsoDateTime, URL_MAX } from '../schema/localised';
import { problemOf, withProblem, type CodedProblem } from '../schema/problem';

/**
 * A student's addition to a debate, made in class and kept in their browser: one claim that
 * supports or objects to a claim of the debate (or to another addition), with an optional
 * source. Stored apart from the debate file and laid over it when the debate is shown.
 */

/** What the form says of a character that is not text (U+FFFF…): the one to take out. */
const notTextMessage = (code: string) => `remove the character ${code}: it is not text`;

/** A short text of the form: at most `max` characters, and nothing that is not text. */
function formText(max: number) {
	return z
		.string()
		.trim()
		.max(max, `at most ${max.toLocaleString('en-US')} characters`)
		.check((ctx) => {
			const notText = firstNotText(ctx.value);
			if (notText) {
				const char = codePointOf(notText);
				ctx.issues.push({
					code: 'custom',
					message: notTextMessage(char),
					input: ctx.value,
					...withProblem({ code: 'not_text', char })
				});
			}
		});
}

/** What the "add a claim" form collects, checked before anything is stored. */
export const ContributionDraft = z.object({
	target: Id,
	stance: Stance,
	// Counted as the form's counter counts (characters as a reader sees them), and stored in NFC.
	text: countedText(CLAIM_TEXT_MAX, {
		empty: 'write the claim',
		// Nothing shows in the box: to the student, the claim is still to be written.
		invisible: () => 'write the claim',
		tooLong: () => `keep it to ${CLAIM_TEXT_MAX} characters; put the rest in a source`,
		notText: notTextMessage
	}),
	author: formText(80).optional(),
	source: z
		.object({
			title: formText(300).optional(),
			url: z
				.string()
				.trim()
				.max(URL_MAX, `at most ${URL_MAX.toLocaleString('en-US')} characters`)
				.optional()
				.refine((u) => !u || isWebAddress(u), NOT_WEB_ADDRESS)
				// Kept as every reader will read it (see `WebUrl`), within the limit once written out.
				.overwrite((u) => (u ? (webAddress(u) ?? u) : u))
				.check(writtenOutFits),
			quote: formText(2000).optional()
		})
		.optional()
});
export type ContributionDraft = z.infer<typeof ContributionDraft>;

/** A stored addition: the claim, its source, and when it last changed (for merging tabs). */
export const Contribution = z.strictObject({
	id: Id,
	claim: Claim,
	source: Source.optional(),
	/** Milliseconds since 1970: the newer version of an addition wins when two tabs disagree. */
	updatedAt: z.number().int().nonnegative(),
	/** A deleted addition stays as a marker, so a deletion is not undone by an older copy. */
	deleted: z.boolean().optional(),
	/**
	 * Where an addition merged from a student's hand-in came from: the name the student gave (none
	 * if they gave none), and the claim's id and time of adding in their file. A later hand-in of
	 * the same claim (a re-submission) updates this addition instead of copying it.
	 */
	origin: z
		.strictObject({
			contributor: z.string().max(80).optional(),
			id: Id,
			at: IsoDateTime.optional()
		})
		.optional()
});
export type Contribution = z.infer<typeof Contribution>;
export const Contributions = z.array(Contribution).max(10_000);

/** Field → what is wrong with it, for inline errors in the form (which words it from the code). */
export type DraftErrors = Partial<
	Record<'text' | 'author' | 'url' | 'title' | 'quote', CodedProblem>
>;

export type DraftResult =
	{ ok: true; contribution: Contribution } | { ok: false; errors: DraftErrors };

/**
 * Checks a draft and turns it into an addition. `id` names the new claim (and `s-<id>` its
 * source); `lang` is the language it was written in.
 */
export function contributionFromDraft(
	input: unknown,
	options: { id: string; now: number; lang: string; debate: Debate; previous?: Contribution }
): DraftResult {
	const parsed = ContributionDraft.safeParse(input);
	if (!parsed.success) {
		const errors: DraftErrors = {};
		for (const issue of parsed.error.issues) {
			const field = (issue.path.at(-1) as keyof DraftErrors) ?? 'text';
			errors[field] ??= problemOf(issue);
		}
		return { ok: false, errors };
	}
	const d = parsed.data;
	const at = options.previous?.claim.contributor?.at ?? new Date(options.now).toISOString();
	const source =
		d.source && (d.source.url || d.source.title || d.source.quote) ? d.source : undefined;
	if (source && !source.url && !source.title)
		return {
			ok: false,
			errors: {
				title: { code: 'source_unnamed', message: 'give the title or the address of the source' }
			}
		};
	const sourceId = `s-${options.id}`;
	const claim: Claim = {
		id: options.id,
		text: { [options.lang]: d.text },
		stance: d.stance,
		target: d.target,
		contributor: { ...(d.author ? { name: d.author } : {}), at }
	};
	let src: Source | undefined;
	if (source) {
		const title = source.title || new URL(source.url!).host;
		src = {
			id: sourceId,
			title,
			...(d.author ? { author: d.author } : { organisation: 'Added in class' }),
			...(source.url ? { url: source.url } : {}),
			type: 'other',
			language: options.lang,
			// Nobody has checked a source added in class yet.
			status: 'unconfirmed'
		};
		claim.evidence = [
			source.quote
				? {
						source: sourceId,
						kind: 'quote',
						quote: source.quote,
						quoteLang: options.lang,
						locator: 'given in class'
					}
				: {
						source: sourceId,
						kind: 'document',
						quote: source.url ?? title,
						quoteLang: options.lang,
						locator: 'the whole source'
					}
		];
	}
	const contribution = { id: options.id, claim, source: src, updatedAt: options.now };
	const checked = Contribution.safeParse(contribution);
	if (!checked.success)
		return {
			ok: false,
			errors: {
				text: {
					code: 'other',
					message: checked.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`)[0]!
				}
			}
		};
	return { ok: true, contribution: checked.data };
}
