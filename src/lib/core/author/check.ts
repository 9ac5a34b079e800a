import type { Diagnostic } from '../load/diagnostic';
import { validateDebateData } from '../load/load';
import { buildGraph } from '../model/graph';
import { coverage, type Coverage } from '../evaluate/coverage';
import type { DraftCheck, FieldProblem } from './problems';
import { claimKey, debateInput, HEAD_KEY, sourceKey, type DraftDebate } from './draft';

/**
 * The debate being written, held to the rules `npm run validate` holds a file in `arguments/`
 * to: the same zod schema and the same reference checks, run on the file the download would
 * write. Brings zod: loaded by the editor when it first checks, not with any page.
 */

const TODO_ORDER: (keyof Coverage)[] = [
	'unanswered',
	'unrebutted',
	'noEvidence',
	'onlyUnconfirmed'
];

/** Checks the debate being written as `npm run validate` would check its download. */
export function checkDraft(draft: DraftDebate): DraftCheck {
	const input = debateInput(draft);
	const id = typeof input.id === 'string' ? input.id : '';
	const result = validateDebateData(input, {
		file: `${id || 'debate'}.yaml`,
		expectedId: id,
		authored: true
	});
	const place = placer(draft);
	// A claim without evidence is in the to-do list; saying it again beside the claim is noise.
	const warnings = result.warnings.filter((w) => !/ has no evidence$/.test(w.message));
	const problems = [...(result.ok ? [] : result.errors), ...warnings].map(place);
	if (!result.ok) return { ok: false, problems, todo: [] };
	const gaps = coverage(buildGraph(result.value));
	const todo = TODO_ORDER.flatMap((kind) => gaps[kind].map((claim) => ({ kind, claim })));
	return { ok: true, debate: result.value, problems, todo };
}

/** Turns a diagnostic's path (`claims[3].text.en`) into the entry and field it is about. */
function placer(draft: DraftDebate) {
	return (d: Diagnostic): FieldProblem => {
		const m = /^(claims|sources)\[(\d+)\]\.?(.*)$/.exec(d.path);
		let entry = HEAD_KEY;
		let field = d.path;
		if (m) {
			const i = Number(m[2]);
			const item = m[1] === 'claims' ? draft.claims[i] : draft.sources[i];
			if (item) {
				entry = m[1] === 'claims' ? claimKey(item.id) : sourceKey(item.id);
				field = m[3]!;
			}
		}
		return {
			severity: d.severity,
			entry,
			field,
			message: d.message,
			...(d.hint ? { hint: d.hint } : {})
		};
	};
}
