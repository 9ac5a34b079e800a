import { describe, expect, it } from 'vitest';
import { checkDraft } from '../../../../src/lib/core/author/check';
import {
	branchOf,
	claimTree,
	claimKey,
	debateInput,
	deletionOf,
	draftOf,
	entriesOf,
	HEAD_KEY,
	newDebateEntries,
	targetsFor,
	type DraftClaim
} from '../../../../src/lib/core/author/draft';
import {
	authorHistory,
	foldEntries,
	revertEntries,
	type EntryValue
} from '../../../../src/lib/core/author/entries';
import { problemsAt } from '../../../../src/lib/core/author/problems';
import { debateToYaml } from '../../../../src/lib/core/formats/native-text';
import { loadAuthoredDebate } from '../../../../src/lib/core/load';
import { readOps } from '../../../../src/lib/core/oplog/checks';
import type { AuthorOp, Op } from '../../../../src/lib/core/oplog/op';
import { shippedGraph } from '../../graphs';

let n = 0;
function op(tab: string, key: string, value: unknown, base: string | null, more = {}): AuthorOp {
	const id = `op-${String(++n).padStart(6, '0')}`;
	const envelope = {
		id,
		actor: 'person-1',
		tab: `tab-${tab}-0000`,
		at: n,
		group: id,
		key,
		base,
		...more
	};
	return value === undefined
		? { ...envelope, kind: 'unset' }
		: { ...envelope, kind: 'set', value: value as EntryValue };
}
const claim = (id: string, target?: string, stance: 'pro' | 'con' = 'pro'): DraftClaim => ({
	id,
	text: { en: `Claim ${id}` },
	...(target ? { target, stance } : {})
});

describe('a debate written as a log', () => {
	it('folds entries in the order they were made; a deleted one keeps its place', () => {
		const a = op('t', claimKey('a'), claim('a'), null);
		const b = op('t', claimKey('b'), claim('b', 'a'), null);
		const gone = op('t', claimKey('a'), undefined, a.id);
		const back = op('t', claimKey('a'), claim('a'), gone.id, { undoes: gone.group });
		expect([...foldEntries([a, b, gone]).entries.keys()]).toEqual(['claim:a', 'claim:b']);
		expect(draftOf(foldEntries([a, b, gone]).entries).claims.map((c) => c.id)).toEqual(['b']);
		expect(draftOf(foldEntries([back, a, gone, b]).entries).claims.map((c) => c.id)).toEqual([
			'a',
			'b'
		]);
	});

	it('is read back by the same checks as a class log, and refuses what is not an entry', () => {
		const good = op('t', 'claim:a', claim('a'), null);
		const bad = { ...op('t', 'claims', claim('a'), null) };
		const huge = op('t', 'claim:b', { text: { en: 'x'.repeat(300_000) } }, null);
		const { ops, unreadable } = readOps([good, bad, huge]);
		expect(ops.map((o: Op) => o.id)).toEqual([good.id]);
		expect(unreadable.map((u) => u.index)).toEqual([1, 2]);
	});

	it('undoes a step only while what it changed is unchanged since', () => {
		const a = op('tab-a', claimKey('a'), claim('a'), null);
		const edit = op('tab-a', claimKey('a'), { ...claim('a'), text: { en: 'Mine' } }, a.id);
		let authored = foldEntries([a, edit]);
		const step = authorHistory(authored, 'tab-tab-a-0000').undo.at(-1)!;
		const r = revertEntries(authored, step);
		expect(r).toEqual({
			ok: true,
			changes: [{ key: 'claim:a', base: edit.id, to: a.kind === 'set' ? a.value : undefined }]
		});
		// Another tab changed the claim meanwhile: undoing would overwrite it.
		const other = op('tab-b', claimKey('a'), { ...claim('a'), text: { en: 'Theirs' } }, edit.id);
		authored = foldEntries([a, edit, other]);
		expect(revertEntries(authored, step)).toEqual({ ok: false, changedSince: ['claim:a'] });
		// An undo made on a version that is no longer the latest is refused when folded.
		const stale = op('tab-a', claimKey('a'), claim('a'), edit.id, { undoes: edit.group });
		authored = foldEntries([a, edit, other, stale]);
		expect(authored.refused.has(stale.id)).toBe(true);
		expect(draftOf(authored.entries).claims[0]!.text).toEqual({ en: 'Theirs' });
	});

	it('puts a redo back on the undo stack, and a new step clears redo', () => {
		const a = op('t', claimKey('a'), claim('a'), null);
		const undo = op('t', claimKey('a'), undefined, a.id, { undoes: a.group });
		let h = authorHistory(foldEntries([a, undo]), 'tab-t-0000');
		expect([h.undo.length, h.redo.length]).toEqual([0, 1]);
		const redo = op('t', claimKey('a'), claim('a'), undo.id, { redoes: undo.group });
		h = authorHistory(foldEntries([a, undo, redo]), 'tab-t-0000');
		expect([h.undo.length, h.redo.length]).toEqual([1, 0]);
	});
});

describe('moving and deleting claims', () => {
	const claims = [
		claim('t'),
		claim('a', 't'),
		claim('a1', 'a', 'con'),
		claim('a2', 'a1'),
		claim('b', 't', 'con'),
		{ ...claim('u', 'b'), target: { from: 'a1', to: 'a' }, stance: 'con' as const },
		{ ...claim('x', 'b'), also: [{ target: 'a2', stance: 'con' as const }] }
	];
	const head = draftOf(new Map(newDebateEntries('d', ['en']))).head!;
	const draft = { head: { ...head, thesis: 't', tour: ['a', 'b', 'a2'] }, claims, sources: [] };

	it('takes a claim’s branch with it, undercuts of it included', () => {
		expect(branchOf(claims, 'a').sort()).toEqual(['a1', 'a2', 'u']);
	});

	it('offers as targets every claim but the one moved and its branch', () => {
		expect(targetsFor(claims, 'a').map((c) => c.id)).toEqual(['t', 'b', 'x']);
	});

	it('deletes the branch and every relation and tour stop that named it, never the thesis', () => {
		expect(deletionOf(draft, 't')).toBeUndefined();
		const d = deletionOf(draft, 'a')!;
		expect(d.claims.sort()).toEqual(['a', 'a1', 'a2', 'u']);
		const changed = new Map(d.changes);
		expect(changed.get(claimKey('x'))).toEqual({ ...claim('x', 'b') });
		expect((changed.get(HEAD_KEY) as unknown as { tour: string[] }).tour).toEqual(['b']);
	});
});

describe('checking a debate being written', () => {
	it('places each problem beside its field, as `npm run validate` words it', () => {
		const entries = new Map(newDebateEntries('my-debate', ['en', 'zh']));
		const check = checkDraft(draftOf(entries));
		expect(check.ok).toBe(false);
		expect(problemsAt(check.problems, 'debate', 'title').map((p) => p.field)).toEqual(['title.en']);
		expect(problemsAt(check.problems, 'claim:thesis', 'text')[0]!.message).toMatch(
			/must not be empty/
		);
		// The thesis answering nothing and an unknown target are reference problems, as in a file.
		entries.set(claimKey('c-1'), { ...claim('c-1', 'nowhere') } as unknown as EntryValue);
		const draft = draftOf(entries);
		draft.head!.title = { en: 'T' };
		draft.head!.summary = { en: 'S' };
		draft.claims[0]!.text = { en: 'Thesis' };
		const refs = checkDraft(draft);
		expect(problemsAt(refs.problems, 'claim:c-1', 'target')[0]!.message).toBe(
			'unknown claim "nowhere"'
		);
	});

	it('lists the gaps to fill as a to-do list once the debate passes', () => {
		const entries = new Map(newDebateEntries('my-debate', ['en']));
		const draft = draftOf(entries);
		draft.head!.title = { en: 'T' };
		draft.head!.summary = { en: 'S' };
		draft.claims[0]!.text = { en: 'Thesis' };
		draft.claims.push(claim('p', 'thesis'), claim('c', 'thesis', 'con'));
		const check = checkDraft(draft);
		expect(check.ok).toBe(true);
		expect(check.todo).toEqual([
			{ kind: 'unanswered', claim: 'p' },
			{ kind: 'unrebutted', claim: 'c' },
			{ kind: 'noEvidence', claim: 'thesis' },
			{ kind: 'noEvidence', claim: 'p' },
			{ kind: 'noEvidence', claim: 'c' }
		]);
	});

	it('leaves empty optional fields out of the file', () => {
		const entries = new Map(newDebateEntries('d', ['en', 'zh']));
		entries.set(claimKey('p'), {
			...claim('p', 'thesis'),
			title: { en: '', zh: '  ' },
			actor: '',
			tags: [],
			baseScore: Number.NaN
		} as unknown as EntryValue);
		const file = debateInput(draftOf(entries)) as { claims: object[]; languages?: unknown };
		expect(file.claims[1]).toEqual({ ...claim('p', 'thesis'), text: 'Claim p' });
		expect(file.languages).toBeUndefined();
	});

	it('copies a shipped debate whole: its download reads back as the same debate', () => {
		const shipped = shippedGraph().debate;
		const entries = new Map(entriesOf(shipped, shipped.id, ['en', 'zh']));
		const check = checkDraft(draftOf(entries));
		expect(check.problems.filter((p) => p.severity === 'error')).toEqual([]);
		const yaml = debateToYaml(check.debate!);
		const back = loadAuthoredDebate(yaml, `${shipped.id}.yaml`);
		expect(back.ok && back.value).toEqual(shipped);
	});
});

describe('the claims as a tree', () => {
	it('lists each claim below what it answers, the thesis first, and claims in a circle last', () => {
		const claims = [
			claim('b', 't', 'con'),
			claim('a1', 'a'),
			claim('t'),
			claim('a', 't'),
			claim('x', 'y'),
			claim('y', 'x')
		];
		expect(claimTree(claims, 't').map(({ claim, depth }) => `${claim.id}:${depth}`)).toEqual([
			't:0',
			'b:1',
			'a:1',
			'a1:2',
			'x:0',
			'y:1'
		]);
	});
});
