import { readFileSync } from 'node:fs';
import { loadDebate } from '../../src/lib/core/load';
import { buildGraph, type ArgumentGraph } from '../../src/lib/core/model';
import type { Claim, Debate } from '../../src/lib/core/schema';

/** The graph of a debate file (a fixture or a shipped debate); throws if the file is invalid. */
export function graphOfFile(file: string): ArgumentGraph {
	const result = loadDebate(readFileSync(file, 'utf8'), { file });
	if (!result.ok) throw new Error(`${file} is invalid`);
	return buildGraph(result.value);
}

/** The graph of `tests/fixtures/debates/<name>.yaml`. */
export const fixtureGraph = (name: string) => graphOfFile(`tests/fixtures/debates/${name}.yaml`);

/** The shipped debate's graph. */
export const shippedGraph = () => graphOfFile('arguments/llama-open-weights.yaml');

/** The graph of a debate made of `claims` (text made up when missing), the first the thesis. */
export function graphOfClaims(...claims: (Omit<Claim, 'text'> & { text?: Claim['text'] })[]) {
	const debate: Debate = {
		formatVersion: 1,
		id: 'test',
		title: 'Test',
		summary: 'Built in code by the tests.',
		language: 'en',
		thesis: claims[0]!.id,
		tags: [],
		actors: [],
		sources: [],
		claims: claims.map((c) => ({ ...c, text: c.text ?? `Claim ${c.id}.` }))
	};
	return buildGraph(debate);
}
