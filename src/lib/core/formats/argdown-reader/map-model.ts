import type { IArgdownResponse } from '@argdown/core/dist/index.js';
import type { Diagnostic } from '../../load/diagnostic';
import { error, warning } from '../build';
import type { DecodeResult, Locate } from '../codec';
import { Edges } from './edges';
import { DebateTags, readFrontMatter } from './front-matter';
import type { Warn } from './model';
import { readClaim } from './read-claims';
import { readDebate } from './read-debate';
import { assignIds, readNodes } from './read-nodes';
import { readPremiseConclusionStructures, readRelations } from './read-relations';
import { chooseTargets } from './read-targets';
import { chooseThesis } from './read-thesis';
import { applyUndercutHints, readUndercuts } from './read-undercuts';

/**
 * The debate made of `@argdown/core`'s model (see `argdown.ts` for the mapping), in steps whose
 * order is that of the warnings: statements and arguments become claims with ids; relations,
 * premise–conclusion structures and undercuts become edges; each claim's main target is
 * chosen without circles; the front matter's lists are read; then the claims, the thesis and
 * the debate around them.
 */
export function mapModel(response: IArgdownResponse, file: string): DecodeResult {
	const warnings: Diagnostic[] = [];
	const warn: Warn = (line, message, hint) => warnings.push(warning(file, line, message, hint));
	const args = response.arguments ?? {};

	const { nodes, prose } = readNodes(response, warn);
	if (nodes.length === 0)
		return {
			ok: false,
			errors: [
				error(
					file,
					prose[0] ?? 0,
					'the file has no statements or arguments to read',
					'write statements as [Title]: text, with relations indented under them: + supports, - attacks'
				)
			],
			warnings
		};
	const nodeOf = new Map(nodes.map((n) => [n.key, n]));
	assignIds(nodes, warn);
	const keyOfId = new Map(nodes.map((n) => [n.id, n.key]));

	const edges = new Edges(nodeOf, warn);
	const pending = readRelations(response, edges, warn);
	readPremiseConclusionStructures(args, edges, nodeOf, warn);
	applyUndercutHints(edges, { nodeOf, keyOfId });
	readUndercuts(pending, args, edges, { nodeOf, keyOfId }, warn);
	const targets = chooseTargets(nodes, edges.list, warn);

	const front = readFrontMatter(response, warn);
	const tags = new DebateTags(front.tags);
	const context = {
		nodeOf,
		targets,
		tags,
		actorIds: new Set(front.actors.map((a) => a.id)),
		sourceIds: new Set(front.sources.map((s) => s.id)),
		warn
	};
	const claims = nodes.map((n) => readClaim(n, context));
	const thesis = chooseThesis(nodes, targets);
	const ids = new Set(nodes.map((n) => n.id));
	const data = readDebate(
		response,
		front,
		tags.list,
		{ claims, ids, thesis: thesis.id },
		file,
		warn
	);

	const lines = nodes.map((n) => n.line);
	const locate: Locate = (path) => {
		const at = (line: number) => ({ line, column: line > 0 ? 1 : 0 });
		if (path[0] === 'claims' && typeof path[1] === 'number') return at(lines[path[1]] ?? 0);
		if (path[0] === 'thesis') return at(thesis.line);
		return at(front.line);
	};
	return { ok: true, data, warnings, locate };
}
