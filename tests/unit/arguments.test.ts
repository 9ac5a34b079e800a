import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { debateFiles, loadDebateFile } from '../../src/cli/debate-files';
import { formatDiagnostic } from '../../src/lib/core/load';
import { evaluate } from '../../src/lib/core/evaluate';
import { buildGraph, countSides, maxDepth, type ArgumentGraph } from '../../src/lib/core/model';
import type { Debate } from '../../src/lib/core/schema';
import { debateJsonSchema } from '../../src/lib/core/schema/json-schema';

describe('every debate in arguments/', () => {
	const files = debateFiles();
	it('there is at least one', () => expect(files.length).toBeGreaterThan(0));
	for (const file of files) {
		it(`${file} validates with no errors and no warnings`, () => {
			const result = loadDebateFile(file);
			expect(result.ok ? [] : result.errors.map(formatDiagnostic)).toEqual([]);
			expect(result.warnings.map(formatDiagnostic)).toEqual([]);
		});
	}
});

describe('arguments/schema.json', () => {
	it('is the JSON Schema the zod schema gives today (after a change to the schema, run `npm run schema`)', () => {
		// An editor checks debate files against this file: a field added to the schema but not
		// here would be flagged as unknown while writing, though Counterpoint reads it.
		const written = JSON.parse(readFileSync('arguments/schema.json', 'utf8'));
		expect(written).toEqual(JSON.parse(JSON.stringify(debateJsonSchema())));
	});
});

function shipped(): Debate {
	const result = loadDebateFile('arguments/llama-open-weights.yaml');
	if (!result.ok) throw new Error(result.errors.map(formatDiagnostic).join('\n'));
	return result.value;
}

describe('the shipped Llama debate', () => {
	const debate = shipped();
	const graph = buildGraph(debate);

	it('has every claim of the inventory (P1–P31, C1–C18) and at least 45 claims', () => {
		const ids = new Set(debate.claims.map((c) => c.id));
		for (let i = 1; i <= 31; i++) expect(ids, `p${i}`).toContain(`p${String(i).padStart(2, '0')}`);
		for (let i = 1; i <= 18; i++) expect(ids, `c${i}`).toContain(`c${String(i).padStart(2, '0')}`);
		expect(debate.claims.length).toBeGreaterThanOrEqual(45);
	});

	it('has one root, the thesis, and chains four levels deep', () => {
		expect(graph.roots).toEqual([debate.thesis]);
		expect(maxDepth(graph)).toBeGreaterThanOrEqual(4);
	});

	it('argues both sides', () => {
		const { pro, con } = countSides(graph);
		expect(pro).toBeGreaterThan(10);
		expect(con).toBeGreaterThan(10);
	});

	it('gives every claim evidence and every text in English and Chinese', () => {
		for (const c of debate.claims) {
			expect(c.evidence?.length, c.id).toBeGreaterThan(0);
			for (const field of [c.text, c.title]) {
				expect(typeof field === 'object' && field.en && field.zh, `${c.id} en+zh`).toBeTruthy();
			}
		}
	});

	it('quotes the article in Chinese with an English translation and a locator at the start of the quote', () => {
		const article = debate.sources.find((s) => s.language === 'zh' && s.type === 'article')!;
		const quotes = debate.claims
			.flatMap((c) => c.evidence ?? [])
			.filter((e) => e.source === article.id);
		expect(quotes.length).toBeGreaterThan(40);
		for (const q of quotes) {
			expect(q.quoteLang).toBe('zh');
			expect(q.translation, q.locator).toBeTruthy();
			expect(q.quote.startsWith(q.locator), q.locator).toBe(true);
		}
	});

	// The seed article lives beside the repository (shared material), not in it: when it is there,
	// every quote attributed to it must be found in it word for word.
	const seed = '../shared/seed/000_591f396a4df44537.txt';
	it.runIf(existsSync(seed))('quotes the article verbatim', () => {
		const text = readFileSync(seed, 'utf8');
		const article = debate.sources.find((s) => s.language === 'zh' && s.type === 'article')!;
		for (const c of debate.claims) {
			for (const e of c.evidence ?? [])
				if (e.source === article.id) expect(text, `${c.id}: ${e.locator}`).toContain(e.quote);
		}
	});

	it('carries the fact-check notes a teacher will look for', () => {
		const notes = debate.claims.filter((c) => c.note).map((c) => c.id);
		// Facts 2, 3, 4, 5, 8, 9 and 10 of the inventory sit on these claims.
		for (const id of ['c11', 'c07', 'c02', 'p08', 'p26', 'c17', 'c13']) expect(notes).toContain(id);
	});

	// Balance: a reason for the thesis that nobody answers looks settled to a student. Each one
	// gets an objection with evidence, unless the file tags it `undisputed` (shown to students as
	// "Not disputed by any source") — and that tag must stay true.
	it('answers every first-level reason for the thesis with a sourced objection, or tags it undisputed', () => {
		const reasons = firstLevel(graph, 1);
		expect(reasons.length).toBeGreaterThan(10);
		const unanswered: string[] = [];
		for (const id of reasons) {
			const tagged = graph.claims.get(id)!.tags?.includes('undisputed') ?? false;
			const replies = sourcedObjections(graph, id);
			if (tagged) expect(replies, `${id} is tagged undisputed but answered`).toEqual([]);
			else if (replies.length === 0) unanswered.push(id);
		}
		expect(unanswered).toEqual([]);
		// The tag is the exception: most reasons are answered.
		const tagged = reasons.filter((id) => graph.claims.get(id)!.tags?.includes('undisputed'));
		expect(tagged.length * 4).toBeLessThanOrEqual(reasons.length);
	});

	it('tags as undisputed only claims nothing objects to', () => {
		for (const c of debate.claims)
			if (c.tags?.includes('undisputed')) expect(sourcedObjections(graph, c.id), c.id).toEqual([]);
	});

	it('tours the strongest claim on each side, by computed strength', () => {
		const { strength } = evaluate(graph);
		const tour = new Set(debate.tour ?? []);
		for (const side of [1, -1] as const) {
			for (const pool of [firstLevel(graph, side), allOnSide(graph, side)]) {
				const best = Math.max(...pool.map((id) => strength.get(id)!));
				const top = pool.filter((id) => strength.get(id) === best);
				expect(
					top.some((id) => tour.has(id)),
					`side ${side}: one of ${top.join(', ')} (strength ${best.toFixed(3)}) is toured`
				).toBe(true);
			}
		}
	});

	it('cites every source it lists, so none is invisible to readers', () => {
		const cited = new Set(debate.claims.flatMap((c) => (c.evidence ?? []).map((e) => e.source)));
		expect(debate.sources.map((s) => s.id).filter((id) => !cited.has(id))).toEqual([]);
	});

	it('gives every source a title, an author or organisation, and a date and link or a note saying why not', () => {
		for (const s of debate.sources) {
			const note = typeof s.note === 'object' ? (s.note.en ?? '') : (s.note ?? '');
			expect(s.title, s.id).toBeTruthy();
			expect(s.author ?? s.organisation, s.id).toBeTruthy();
			if (!s.date) expect(note, `${s.id} has no date`).toMatch(/no date/);
			if (!s.url) expect(note, `${s.id} has no link`).toMatch(/no link/);
		}
	});

	it("labels Meta speaking for itself: a claim quoting Meta's own publications is argued by someone at Meta", () => {
		const metaSources = new Set(
			debate.sources.filter((s) => /^Meta\b/.test(s.organisation ?? '')).map((s) => s.id)
		);
		const actors = new Map(debate.actors.map((a) => [a.id, a]));
		const quoting = debate.claims.filter((c) =>
			(c.evidence ?? []).some((e) => e.kind === 'quote' && metaSources.has(e.source))
		);
		expect(quoting.length).toBeGreaterThan(0);
		for (const c of quoting) expect(actors.get(c.actor ?? '')?.organisation, c.id).toBe('Meta');
	});

	it('does not repeat a claim: no claim’s evidence is all found in another claim on its side', () => {
		const key = (e: { source: string; quote: string }) => `${e.source}\n${e.quote}`;
		const quotes = new Map(debate.claims.map((c) => [c.id, new Set((c.evidence ?? []).map(key))]));
		const repeats: string[] = [];
		for (const a of debate.claims)
			for (const b of debate.claims) {
				if (a.id === b.id || graph.side.get(a.id) !== graph.side.get(b.id)) continue;
				const mine = [...quotes.get(a.id)!];
				if (mine.length > 0 && mine.every((q) => quotes.get(b.id)!.has(q)))
					repeats.push(`${a.id} ⊆ ${b.id}`);
			}
		expect(repeats).toEqual([]);
	});

	it('links sources only over http(s) and says how each was checked', () => {
		for (const s of debate.sources) {
			if (s.url) expect(s.url).toMatch(/^https?:\/\//);
			expect(['confirmed', 'secondary', 'unconfirmed']).toContain(s.status);
		}
	});
});

/** Claims directly under the thesis on one side: its reasons (1) or its objections (−1). */
function firstLevel(graph: ArgumentGraph, side: 1 | -1): string[] {
	return graph.order.filter((id) => graph.depth.get(id) === 1 && graph.side.get(id) === side);
}

/** Every claim below the thesis on one side. */
function allOnSide(graph: ArgumentGraph, side: 1 | -1): string[] {
	return graph.order.filter((id) => (graph.depth.get(id) ?? 0) >= 1 && graph.side.get(id) === side);
}

/** Claims objecting to `id` (as their target or under `also`) that carry evidence of their own. */
function sourcedObjections(graph: ArgumentGraph, id: string): string[] {
	return (graph.incoming.get(id) ?? [])
		.filter((r) => r.stance === 'con' && !r.undercuts)
		.map((r) => r.from)
		.filter((from) => (graph.claims.get(from)?.evidence?.length ?? 0) > 0);
}
