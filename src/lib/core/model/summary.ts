import type { Debate } from '../schema/debate';
import { buildGraph, countSides, maxDepth } from './graph';

/** What the library page shows of a debate. */
export interface DebateSummary {
	id: string;
	title: Debate['title'];
	summary: Debate['summary'];
	language: string;
	claims: number;
	pro: number;
	con: number;
	depth: number;
}

/** Counts for the library page: claims, how many argue for and against, how deep it goes. */
export function summarise(debate: Debate): DebateSummary {
	const graph = buildGraph(debate);
	const { pro, con } = countSides(graph);
	return {
		id: debate.id,
		title: debate.title,
		summary: debate.summary,
		language: debate.language,
		claims: debate.claims.length,
		pro,
		con,
		depth: maxDepth(graph)
	};
}
