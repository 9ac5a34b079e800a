import type { IArgdownResponse } from '@argdown/core/dist/index.js';
import type { IArgument, IEquivalenceClass, IStatement } from '@argdown/core/dist/model/model.js';
import { Id } from '../../schema/debate';
import { makeId } from '../build';
import { byLine, isObject, keyOf, memberText, type Key, type Node, type Warn } from './model';

/** The keys of the titles the author wrote, as opposed to "Untitled 3" made up by the model. */
function explicitTitles(response: IArgdownResponse): Set<Key> {
	const explicit = new Set<Key>();
	for (const t of response.tokens ?? []) {
		const name = t.tokenType.name;
		const m =
			name === 'StatementDefinition' || name === 'StatementReference'
				? /\[(.+)\]/.exec(t.image)
				: name === 'ArgumentDefinition' || name === 'ArgumentReference'
					? /<(.+)>/.exec(t.image)
					: null;
		if (m) explicit.add(`${name.startsWith('Statement') ? 's' : 'a'}:${m[1]}`);
	}
	return explicit;
}

/** A statement or argument as a claim-to-be, its text that of `member`, on `line`. */
function toNode(
	el: IEquivalenceClass | IArgument,
	member: IStatement | undefined,
	line: number,
	explicit: Set<Key>
): Node {
	const key = keyOf(el);
	return {
		key,
		kind: el.type === 'argument' ? 'argument' : 'statement',
		title: el.title ?? '',
		explicit: explicit.has(key),
		text: member ? memberText(member) : '',
		line,
		data: isObject(el.data) ? el.data : {},
		tags: el.tags ?? [],
		id: ''
	};
}

/**
 * A statement (all `[Title]` with one title) as a claim-to-be, its text that of its first
 * defining member; or, for an untitled paragraph with no relation (Argdown's running prose), the
 * line it starts on.
 */
function statementNode(ec: IEquivalenceClass, explicit: Set<Key>): Node | number {
	const members = [...ec.members].sort(byLine);
	const inPcs =
		ec.isUsedAsPremise || ec.isUsedAsMainConclusion || ec.isUsedAsIntermediaryConclusion;
	if (!explicit.has(keyOf(ec)) && (ec.relations ?? []).length === 0 && !inPcs)
		return members[0]?.startLine ?? 0;
	const defining =
		members.find((m) => !m.isReference && memberText(m) !== '') ??
		members.find((m) => memberText(m) !== '') ??
		members.find((m) => !m.isReference) ??
		members[0];
	return toNode(ec, defining, defining?.startLine ?? 0, explicit);
}

/** An argument (`<Title>`) as a claim-to-be, its text that of its first described member. */
function argumentNode(a: IArgument, explicit: Set<Key>): Node {
	const members = [...a.members].sort(byLine);
	const described = members.find((m) => memberText(m) !== '');
	const line = described?.startLine ?? members[0]?.startLine ?? a.startLine ?? 0;
	return toNode(a, described, line, explicit);
}

/**
 * The statements and arguments of the model that become claims, in file order, and the lines
 * of the untitled paragraphs skipped as prose (counted in one warning).
 */
export function readNodes(
	response: IArgdownResponse,
	warn: Warn
): { nodes: Node[]; prose: number[] } {
	const explicit = explicitTitles(response);
	const nodes: Node[] = [];
	const prose: number[] = [];
	for (const ec of Object.values(response.statements ?? {})) {
		const node = statementNode(ec, explicit);
		if (typeof node === 'number') prose.push(node);
		else nodes.push(node);
	}
	for (const a of Object.values(response.arguments ?? {})) nodes.push(argumentNode(a, explicit));
	nodes.sort((a, b) => a.line - b.line || (a.key < b.key ? -1 : 1));
	if (prose.length > 0) {
		const n = prose.length;
		warn(
			Math.min(...prose),
			`${n} untitled paragraph${n > 1 ? 's' : ''} without relations ${n > 1 ? 'were' : 'was'} read as prose, not as claims, and left out`,
			'give a paragraph a [Title]: or a relation to make it a claim'
		);
	}
	return { nodes, prose };
}

/**
 * Gives every node its claim id: the `{id: …}` of its data when valid and unused (else a
 * warning), otherwise one made from its title.
 */
export function assignIds(nodes: Node[], warn: Warn): void {
	const taken = new Set<string>();
	for (const n of nodes) {
		const wanted = n.data.id;
		if (wanted === undefined) continue;
		const id = typeof wanted === 'number' ? String(wanted) : wanted;
		if (typeof id === 'string' && Id.safeParse(id).success && !taken.has(id)) {
			n.id = id;
			taken.add(id);
		} else
			warn(
				n.line,
				`the id ${JSON.stringify(wanted)} of "${n.title}" is not a valid, unused id; another was made`
			);
	}
	for (const n of nodes)
		if (!n.id) n.id = makeId(n.title, taken, n.kind === 'argument' ? 'a' : 's');
}
