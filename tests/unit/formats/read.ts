import { readFileSync } from 'node:fs';
import type { Codec, Locate } from '../../../src/lib/core/formats';
import { formatDiagnostic, loadDebate, validateDebateData } from '../../../src/lib/core/load';
import type { Claim, Debate } from '../../../src/lib/core/schema';
import { Claim as ClaimSchema } from '../../../src/lib/core/schema/debate';

/** A debate file that must be valid; the test fails with its messages otherwise. */
export function loadDebateFile(file: string): Debate {
	const r = loadDebate(readFileSync(file, 'utf8'), { file });
	if (!r.ok) throw new Error(r.errors.map(formatDiagnostic).join('\n'));
	return r.value;
}
export const shippedDebate = () => loadDebateFile('arguments/llama-open-weights.yaml');
export const validDebate = () => loadDebateFile('tests/fixtures/debates/valid.yaml');

/**
 * A claim with a value for every field a claim may have, answering the thesis of `valid.yaml`
 * (`d`): a field added to the schema must be given one here (this does not compile without it),
 * and every format must then carry it back or list it as left out.
 */
export function everyField(
	d: Debate
): Required<{ [K in keyof typeof ClaimSchema.shape]: Claim[K] }> {
	return {
		id: 'x',
		kind: 'argument',
		text: 'Uniforms save time every morning.',
		title: 'Mornings',
		detail: 'Families said choosing clothes caused arguments before school.',
		stance: 'pro',
		target: 't',
		also: [{ target: 'c1', stance: 'con' }],
		actor: 'head',
		tags: ['cost'],
		evidence: [d.claims[1]!.evidence![0]!],
		note: 'Asked in the spring survey.',
		baseScore: 0.7,
		contributor: { name: 'Sam', at: '2026-03-01T10:00:00Z' }
	};
}

/**
 * Decodes with `codec` and validates like an import does, failing the test with the messages
 * when either goes wrong. Warnings are the decoder's and the validator's together.
 */
export async function readWith(codec: Codec, text: string, file: string) {
	const decoded = await codec.decode!(text, { file });
	if (!decoded.ok) throw new Error(decoded.errors.map(formatDiagnostic).join('\n'));
	const checked = validateDebateData(decoded.data, { file, locate: decoded.locate });
	if (!checked.ok) throw new Error(checked.errors.map(formatDiagnostic).join('\n'));
	return {
		debate: checked.value,
		warnings: [...decoded.warnings, ...checked.warnings],
		decoded,
		locate: decoded.locate!
	};
}

/**
 * What validation finds wrong with decoded data, leaving out text carrying control characters or
 * characters that are not text (U+FFFF, half of an emoji): validation refuses those itself,
 * located, so a decoder may pass them through.
 */
export function unexpectedProblems(data: unknown, locate?: Locate): string[] {
	const checked = validateDebateData(data, { file: 'x', locate });
	if (checked.ok) return [];
	return checked.errors
		.filter((e) => !/invisible control character|is not text|half of a character/.test(e.message))
		.map(formatDiagnostic);
}
