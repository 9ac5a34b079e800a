import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { debateFiles, loadDebateFile } from '../../src/cli/debate-files';
import { formatDiagnostic } from '../../src/lib/core/load';
import { buildGraph, countSides, maxDepth } from '../../src/lib/core/model';
import type { Debate } from '../../src/lib/core/schema';

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

	it('links sources only over http(s) and says how each was checked', () => {
		for (const s of debate.sources) {
			if (s.url) expect(s.url).toMatch(/^https?:\/\//);
			expect(['confirmed', 'secondary', 'unconfirmed']).toContain(s.status);
		}
	});
});
