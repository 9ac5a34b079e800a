import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aifCodec, speakerInText } from '../../../src/lib/core/formats/aif';
import { jsonErrorAt } from '../../../src/lib/core/load/json';
import type { DecodeResult } from '../../../src/lib/core/formats/codec';
import { jsonCodec } from '../../../src/lib/core/formats/native';
import { formatDiagnostic, loadDebate, type Diagnostic } from '../../../src/lib/core/load';
import { Debate } from '../../../src/lib/core/schema/debate';
import { textIn } from '../../../src/lib/core/schema/localised';
import { arbitraryDebate, buildGraph } from './arbitrary';
import { expectGolden } from './golden';
import { readWith, unexpectedProblems } from './read';

const DIR = 'tests/fixtures/formats/aif';
const read = (path: string) => readFileSync(path, 'utf8');
const fixture = (name: string) => read(`${DIR}/${name}.json`);

async function decode(text: string, file = 'test.json'): Promise<DecodeResult> {
	return aifCodec.decode!(text, { file });
}

const importText = (text: string, file = 'test.json') => readWith(aifCodec, text, file);
const importFixture = (name: string) => importText(fixture(name), `${DIR}/${name}.json`);

async function errorsOf(name: string): Promise<string[]> {
	const decoded = await decode(fixture(name), `${name}.json`);
	expect(decoded.ok).toBe(false);
	return decoded.ok ? [] : decoded.errors.map(formatDiagnostic);
}

const messages = (warnings: Diagnostic[]) => warnings.map((w) => w.message).join('\n');

function loadFile(path: string): Debate {
	const result = loadDebate(read(path), { file: path });
	if (!result.ok) throw new Error(result.errors.map(formatDiagnostic).join('\n'));
	return result.value;
}

/**
 * The relations of a debate by claim text, undercuts included, sorted: two debates with the same
 * structure give the same list whatever their ids.
 */
function structure(debate: Debate, lang = debate.language): string[] {
	const graph = buildGraph(debate);
	const text = (id: string) => textIn(graph.claims.get(id)!.text, lang, debate.language);
	return graph.relations
		.map(
			(r) =>
				`${text(r.from)} -${r.stance}-> ${r.undercuts ? `[${text(r.undercuts.from)} => ${text(r.undercuts.to)}]` : text(r.to)}`
		)
		.sort();
}

/** A claim by its text. */
function byText(debate: Debate, text: string) {
	const claim = debate.claims.find((c) => textIn(c.text, 'en') === text);
	if (!claim) throw new Error(`no claim "${text}"`);
	return claim;
}

interface AifJson {
	nodes: { nodeID: string; text: string; type: string; timestamp: string; schemeID?: string }[];
	edges: { edgeID: string; fromID: string; toID: string; formEdgeID: null }[];
	locutions: unknown[];
}

/** A debate with an undercut, for what the shipped fixtures lack. */
const UNDERCUT: Debate = Debate.parse({
	formatVersion: 1,
	id: 'undercut',
	title: 'Homework',
	summary: 'A debate with an undercut.',
	language: 'en',
	thesis: 't',
	claims: [
		{ id: 't', text: 'Homework should be abolished.' },
		{ id: 'p', stance: 'con', target: 't', text: 'Pupils who do homework get better marks.' },
		{
			id: 'u',
			stance: 'con',
			target: { from: 'p', to: 't' },
			text: 'Better marks come from richer homes, not from homework.'
		},
		{ id: 'q', stance: 'pro', target: 't', text: 'Homework takes time from sleep and play.' },
		{
			id: 'v',
			stance: 'con',
			target: 'u',
			also: [{ target: { from: 'q', to: 't' }, stance: 'con' }],
			text: 'Sleep matters less than practice.'
		}
	]
});

describe('AIF export', () => {
	it('writes the valid fixture exactly as the golden file', () => {
		const debate = loadFile('tests/fixtures/debates/valid.yaml');
		const text = aifCodec.encode!(debate);
		expectGolden('tests/golden/aif/valid.aif.json', text);
	});

	it('writes an AIFdb nodeset: digit-string ids, AIFdb timestamps, an RA per support and a CA per attack', () => {
		const debate = loadFile('tests/fixtures/debates/valid.yaml');
		const aif = JSON.parse(aifCodec.encode!(debate)) as AifJson;
		expect(Object.keys(aif)).toEqual(['nodes', 'edges', 'locutions']);
		expect(aif.locutions).toEqual([]);
		for (const n of aif.nodes) {
			expect(n.nodeID).toMatch(/^\d+$/);
			expect(n.timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
		}
		for (const e of aif.edges) {
			expect(e.edgeID).toMatch(/^\d+$/);
			expect(e.formEdgeID).toBeNull();
		}
		// Newest source date, never the clock.
		expect(aif.nodes[0]!.timestamp).toBe('2024-05-01 00:00:00');
		const count = (type: string) => aif.nodes.filter((n) => n.type === type).length;
		// p1 → t, c2 → t (also): supports; c1 → p1, c2 → c1: attacks; each piece of evidence an
		// I-node supporting its claim.
		const pieces = debate.claims.reduce((n, c) => n + (c.evidence?.length ?? 0), 0);
		expect(pieces).toBeGreaterThan(0);
		expect([count('I'), count('RA'), count('CA')]).toEqual([4 + pieces, 2 + pieces, 2]);
		expect(aif.nodes.find((n) => n.type === 'RA')).toMatchObject({
			text: 'Default Inference',
			scheme: 'Default Inference',
			schemeID: '72'
		});
		expect(aif.nodes.find((n) => n.type === 'CA')).toMatchObject({
			text: 'Default Conflict',
			scheme: 'Default Conflict',
			schemeID: '71'
		});
		expect(aif.edges).toHaveLength(8 + 2 * pieces);
	});

	it('writes an undercut as a CA aimed at the RA/CA of the relation it attacks', () => {
		const aif = JSON.parse(aifCodec.encode!(UNDERCUT)) as AifJson;
		const node = (id: string) => aif.nodes.find((n) => n.nodeID === id)!;
		const iOf = (text: string) => aif.nodes.find((n) => n.type === 'I' && n.text === text)!.nodeID;
		const from = (id: string) => aif.edges.filter((e) => e.fromID === id).map((e) => e.toID);
		// u → CA → (the CA of p → t)
		const [ca] = from(iOf('Better marks come from richer homes, not from homework.'));
		expect(node(ca!).type).toBe('CA');
		const [attacked] = from(ca!);
		expect(node(attacked!).type).toBe('CA');
		expect(from(iOf('Pupils who do homework get better marks.'))).toEqual([attacked]);
		expect(from(attacked!)).toEqual([iOf('Homework should be abolished.')]);
	});

	it('writes the texts in the language asked for', () => {
		const debate = loadFile('tests/fixtures/debates/valid.yaml');
		const zh = JSON.parse(aifCodec.encode!(debate, { lang: 'zh' })) as AifJson;
		expect(zh.nodes[0]!.text).toBe('学校应当要求穿校服。');
		// A claim without a Chinese text falls back to the debate's language.
		expect(zh.nodes[1]!.text).toBe('Uniforms cost families less than fashionable clothes.');
		expect((JSON.parse(aifCodec.encode!(debate)) as AifJson).nodes[0]!.text).toBe(
			'Schools should require uniforms.'
		);
	});

	it('is deterministic', () => {
		const debate = loadFile('arguments/llama-open-weights.yaml');
		expect(aifCodec.encode!(debate)).toBe(aifCodec.encode!(structuredClone(debate)));
	});
});

describe('AIF import: every fixture', () => {
	const good = [
		'aifdb-nodeset6064-moralmaze',
		'sadface-hangback',
		'ova3-wrapper',
		'xaif-integer-ids',
		'multi-premise',
		'undercut',
		'conflict-on-conflict',
		'dangling',
		'rephrase',
		'dialogue',
		'cycle',
		'minified',
		'unicode-escapes'
	];
	it.each(good)('%s decodes and validates', async (name) => {
		const { debate } = await importFixture(name);
		expect(debate.claims.length).toBeGreaterThan(0);
		expect(debate.claims.find((c) => c.id === debate.thesis)?.target).toBeUndefined();
	});
});

describe('AIF import: mapping', () => {
	it('reads the AIFdb Moral Maze nodeset: claims, supports, speakers as actors', async () => {
		const { debate, warnings } = await importFixture('aifdb-nodeset6064-moralmaze');
		expect(debate.claims).toHaveLength(9);
		expect(structure(debate)).toHaveLength(5);
		expect(structure(debate).every((r) => r.includes(' -pro-> '))).toBe(true);
		expect(debate.actors).toEqual([
			{ id: 'cl', name: 'CL' },
			{ id: 'nl', name: 'NL' }
		]);
		expect(byText(debate, 'By the 50s, the Empire is going').actor).toBe('nl');
		expect(byText(debate, 'you often have public inquiries and open investigations').actor).toBe(
			'cl'
		);
		// The thesis is the root with the most claims under it.
		expect(debate.thesis).toBe('n29054');
		// An I-node with two RAs: the first is its target, the second goes to `also`.
		const key = debate.claims.find((c) => c.id === 'n111809')!;
		expect(key.target).toBe('n111805');
		expect(key.also).toEqual([{ target: 'n111816', stance: 'pro' }]);
		// A text over 160 characters is cut, the whole kept as detail.
		const long = debate.claims.find((c) => c.id === 'n111805')!;
		expect((long.text as string).length).toBeLessThanOrEqual(160);
		expect(long.detail).toMatch(/not now, then$/);
		const all = messages(warnings);
		expect(all).toMatch(/dialogue layer dropped: 38 nodes \(16 L, 14 YA, 8 TA\)/);
		expect(all).toMatch(/separate roots beside the thesis: "29045", "111829"/);
		expect(all).toMatch(/longer than 160 characters/);
		// Warnings are located at the node.
		expect(warnings.find((w) => w.message.includes('160'))!.line).toBe(76);
	});

	it('reads a QT30-style forest: one thesis titled by it, the other roots top-level claims and questions', async () => {
		const { debate, warnings } = await importFixture('qt30-style-forest');
		const roots = debate.claims.filter((c) => c.target === undefined);
		expect(roots).toHaveLength(50);
		// The thesis: the root with the most claims under it, and the debate is named after it.
		const thesis = debate.claims.find((c) => c.id === debate.thesis)!;
		expect(thesis.text).toBe('The council should build the northern bypass.');
		expect(debate.title).toBe(thesis.text);
		// The moderator's questions (asked with "Pure Questioning") are questions, not theses.
		const questions = roots.filter((c) => c.kind === 'question').map((c) => c.text);
		expect(questions).toEqual([
			'Should drivers pay a toll to use the bypass?',
			'Who should decide the final route?',
			'Will the bypass be finished before the new estate opens?'
		]);
		// Nothing below the top is marked a question.
		expect(debate.claims.filter((c) => c.target !== undefined && c.kind)).toEqual([]);
		expect(messages(warnings)).toMatch(
			/the file has 50 top-level claims: the thesis is I-node "1" .*46 other top-level claims and 3 questions are drawn beside it/
		);
	});

	it('reads an OVA3 save: wrapper, participants, locutions, HTML text as the title', async () => {
		const { debate, warnings } = await importFixture('ova3-wrapper');
		expect(debate.title).toBe('Four-day week debate & school year');
		expect(debate.summary).toMatch(/OVA3/);
		expect(debate.claims).toHaveLength(3);
		expect(debate.thesis).toBe('n4_1700000000123');
		expect(structure(debate)).toEqual([
			'A four-day week would leave working parents without childcare. -con-> Our school should have a four-day week.',
			"Trials showed pupils' attendance went up with a four-day week. -pro-> Our school should have a four-day week."
		]);
		// personID → participant: both as string and as integer.
		expect(debate.actors).toEqual([
			{ id: 'alice-smith', name: 'Alice Smith' },
			{ id: 'bob-jones', name: 'Bob Jones' }
		]);
		expect(byText(debate, 'Our school should have a four-day week.').actor).toBe('alice-smith');
		expect(
			byText(debate, 'A four-day week would leave working parents without childcare.').actor
		).toBe('bob-jones');
		expect(messages(warnings)).toMatch(
			/dialogue layer dropped: 12 nodes \(4 L, 6 YA, 2 TA\); 2 speakers kept as claim actors/
		);
	});

	it('reads xAIF: integer ids, null lists, {txt} text, lower-case ova', async () => {
		const { debate } = await importFixture('xaif-integer-ids');
		expect(debate.claims.map((c) => c.id)).toEqual(['n1', 'n2', 'n3', 'n7']);
		expect(debate.title).toBe(
			'Schools should start later in the morning. Teenagers are biologically inclined…'
		);
		expect(debate.summary).toMatch(/xAIF/);
		expect(structure(debate)).toEqual([
			'Later starts make it harder for parents to get to work. -con-> Schools should start later in the morning.',
			'Parents can drop children at breakfast clubs. -con-> Later starts make it harder for parents to get to work.',
			'Teenagers are biologically inclined to sleep late. -pro-> Schools should start later in the morning.'
		]);
	});

	it('turns a linked argument (multi-premise RA) into one support per premise, with a warning', async () => {
		const { debate, warnings } = await importFixture('multi-premise');
		expect(debate.claims).toHaveLength(5);
		const supports = debate.claims.filter((c) => c.stance === 'pro' && c.target === 'n10');
		expect(supports.map((c) => c.id)).toEqual(['n11', 'n12', 'n13', 'n14']);
		expect(messages(warnings)).toMatch(
			/linked argument with several premises \(S-node "20"\) became one relation per premise/
		);
		expect(warnings.find((w) => w.message.startsWith('linked'))!.line).toBe(28);
	});

	it('turns I → CA → RA into an undercut of the relation the RA stands for', async () => {
		const { debate } = await importFixture('undercut');
		expect(byText(debate, 'Better marks come from richer homes, not from homework.')).toMatchObject(
			{ stance: 'con', target: { from: 'n4', to: 'n1' } }
		);
		expect(byText(debate, 'Homework takes time from sleep and play.')).toMatchObject({
			stance: 'pro',
			target: 'n1'
		});
		expect(buildGraph(debate).relations.filter((r) => r.undercuts)).toHaveLength(1);
	});

	it('turns a conflict on a conflict (CA → CA) into an undercut of the attack', async () => {
		const { debate } = await importFixture('conflict-on-conflict');
		expect(debate.thesis).toBe('n1');
		expect(byText(debate, 'Opening on Sundays costs too much.')).toMatchObject({
			stance: 'con',
			target: 'n1'
		});
		expect(
			byText(debate, 'Volunteers have offered to staff Sunday opening for free.')
		).toMatchObject({ stance: 'con', target: { from: 'n2', to: 'n1' } });
	});

	it('skips S-nodes without a premise or a conclusion and names them', async () => {
		const { debate, warnings } = await importFixture('dangling');
		expect(structure(debate)).toEqual([
			'Phones distract pupils. -pro-> Phones should be banned in class.'
		]);
		const w = warnings.find((x) => x.message.startsWith('S-nodes without'))!;
		expect(w.message).toBe('S-nodes without a premise or a conclusion skipped: "5", "6"');
		expect(w.line).toBeGreaterThan(0);
		// The premise of the dangling RA stays, alone.
		expect(messages(warnings)).toMatch(/kept as separate root beside the thesis: "3"/);
	});

	it('keeps both claims of a rephrase (MA) and links them as a support, with a warning', async () => {
		const { debate, warnings } = await importFixture('rephrase');
		expect(debate.claims).toHaveLength(3);
		expect(byText(debate, 'If buses cost nothing, fewer people drive.')).toMatchObject({
			stance: 'pro',
			target: 'n2'
		});
		expect(messages(warnings)).toMatch(/rephrase \(MA node "5"\) became support/);
	});

	it('drops the dialogue layer but keeps its speakers (L → YA → I), analysts ignored', async () => {
		const { debate, warnings } = await importFixture('dialogue');
		expect(debate.claims.map((c) => c.id)).toEqual(['n1', 'n2', 'n3']);
		expect(debate.actors.map((a) => a.name)).toEqual(['Fiona Bruce', 'Ann Lee', 'Tom Ray']);
		expect(debate.claims.map((c) => c.actor)).toEqual(['fiona-bruce', 'ann-lee', 'tom-ray']);
		expect(structure(debate)).toEqual([
			'Most sixteen-year-olds do not pay income tax. -con-> Sixteen-year-olds pay taxes.',
			'Sixteen-year-olds pay taxes. -pro-> The voting age should be lowered to sixteen.'
		]);
		const dropped = warnings.filter((w) => w.message.startsWith('dialogue layer'));
		expect(dropped.map((w) => w.message)).toEqual([
			'dialogue layer dropped: 12 nodes (4 L, 6 YA, 2 TA); 3 speakers kept as claim actors'
		]);
	});

	it('breaks a circle of relations by moving the closing relation to also', async () => {
		const { debate, warnings } = await importFixture('cycle');
		expect(structure(debate)).toEqual([
			'Empathetic people read more fiction. -pro-> Reading fiction builds empathy.',
			'Reading fiction builds empathy. -pro-> Empathetic people read more fiction.',
			'Studies link fiction reading with empathy scores. -pro-> Reading fiction builds empathy.'
		]);
		expect(debate.claims.find((c) => c.id === 'n1')).toMatchObject({
			stance: 'pro',
			target: 'n2'
		});
		expect(debate.claims.find((c) => c.id === 'n2')).toMatchObject({
			also: [{ target: 'n1', stance: 'pro' }]
		});
		expect(debate.claims.find((c) => c.id === 'n2')!.target).toBeUndefined();
		expect(debate.thesis).toBe('n2');
		expect(messages(warnings)).toMatch(/circle of relations broken at I-node "2"/);
	});

	it('reads minified JSON and locates claims on its only line', async () => {
		const text = fixture('minified');
		expect(text.trim().split('\n')).toHaveLength(1);
		const decoded = await decode(text);
		expect(decoded.ok).toBe(true);
		if (!decoded.ok) return;
		expect(decoded.locate!(['claims', 1, 'target'])).toEqual({ line: 1, column: 1 });
		const { debate } = await importText(text);
		expect(structure(debate)).toEqual([
			'Animals suffer in small enclosures. -pro-> Zoos should be closed.',
			'Zoos protect endangered species. -con-> Zoos should be closed.'
		]);
	});

	it('reads \\uXXXX escapes and guesses the language', async () => {
		const text = fixture('unicode-escapes');
		expect(text).toContain('\\u5e94');
		const { debate } = await importText(text);
		expect(debate.language).toBe('zh');
		expect(debate.claims[0]!.text).toBe('应当开放模型权重。');
		expect(debate.claims[2]!.text).toContain('“naïve”');
	});

	it('reads SADFace (atoms and schemes) the same way', async () => {
		const { debate, warnings } = await importFixture('sadface-hangback');
		expect(debate.title).toBe('Hangback Example');
		expect(debate.claims).toHaveLength(4);
		expect(structure(debate).filter((r) => r.includes('-pro->'))).toHaveLength(2);
		expect(structure(debate).filter((r) => r.includes('-con->'))).toHaveLength(1);
		expect(messages(warnings)).toMatch(/linked argument/);
	});

	it('locates schema problems at the node they come from', async () => {
		const decoded = await decode(fixture('undercut'));
		expect(decoded.ok).toBe(true);
		if (!decoded.ok) return;
		// claims[2] is I-node "3", the fourth node of the file (line 16).
		expect(decoded.locate!(['claims', 2, 'text'])).toEqual({ line: 16, column: 1 });
		expect(decoded.locate!(['thesis'])).toEqual({ line: 4, column: 1 });
		expect(decoded.locate!(['title'])).toEqual({ line: 0, column: 0 });
	});
});

describe('AIF import: broken files', () => {
	it('locates invalid JSON', async () => {
		expect(await errorsOf('broken-invalid-json')).toEqual([
			'broken-invalid-json.json:9:3 not valid JSON: expected "," or "]", found "{" (AIF files are JSON: check the punctuation here)'
		]);
	});

	it('refuses nodes that are not a list', async () => {
		expect(await errorsOf('broken-nodes-not-array')).toEqual([
			'broken-nodes-not-array.json:2:1 "nodes" must be a list, not an object (write "nodes": [ … ])'
		]);
	});

	it('refuses an edge to a node that is not in the file, at the edge', async () => {
		expect(await errorsOf('broken-edge-missing-node')).toEqual([
			'broken-edge-missing-node.json:32:1 edge "12" goes to node "99", which is not in the file (every edge must join two nodes listed under "nodes"; remove the edge or add the node)'
		]);
	});

	it('says an empty OVA3 template has no claims', async () => {
		const errors = await errorsOf('ova3-empty-template');
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(/has no claims/);
	});

	it('refuses a Counterpoint debate and JSON that is not AIF, with a clear message', async () => {
		const native = jsonCodec.encode!(loadFile('tests/fixtures/debates/valid.yaml'));
		const r = await decode(native);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors[0]!.message).toMatch(/Counterpoint debate/);
		for (const text of ['[]', '42', '{"a": 1}', '{"AIF": []}', '{"nodes": [{"nodeID": "1"}]}']) {
			const result = await decode(text);
			expect(result.ok, text).toBe(false);
		}
	});

	it.each([
		['{"a":1,}', 1, 8, /comma before "}"/],
		['{\n  "a" 1\n}', 2, 7, /expected ":"/],
		['[1,2', 1, 5, /ends before a "\[" is closed/],
		['{"a": "x\n"}', 1, 7, /not closed on its line/],
		["{'a': 1}", 1, 2, /property name in double quotes/],
		['{"a": 1} x', 1, 10, /after the end of the data/],
		['{"a": "\\q"}', 1, 8, /escape/],
		['{"a": tru}', 1, 7, /where a value was expected/],
		['', 1, 1, /empty/]
	])('locates the JSON error in %j', async (text, line, column, message) => {
		const r = await decode(text);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors[0]).toMatchObject({ line, column });
		expect(r.errors[0]!.message).toMatch(message);
	});
});

describe('AIF helpers', () => {
	it('finds the speaker in a locution text, skipping an analyst prefix', () => {
		expect(speakerInText('Fiona Bruce : Tonight: what next?')).toBe('Fiona Bruce');
		expect(speakerInText('Nicole: Fiona Bruce : Tonight')).toBe('Fiona Bruce');
		expect(speakerInText('M: CL : and therefore')).toBe('CL');
		expect(speakerInText('no speaker here')).toBeUndefined();
	});

	it('scans valid JSON without an error', () => {
		for (const text of ['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "\\u00e9"]} ', '"x"'])
			expect(jsonErrorAt(text)).toBeUndefined();
	});

	it('sniffs AIF and only AIF', () => {
		const sniff = aifCodec.sniff!;
		expect(sniff(fixture('aifdb-nodeset6064-moralmaze'))).toBeGreaterThanOrEqual(0.9);
		expect(sniff(fixture('ova3-empty-template'))).toBeGreaterThanOrEqual(0.9);
		expect(sniff(fixture('xaif-integer-ids'))).toBeGreaterThanOrEqual(0.9);
		expect(sniff(fixture('minified'))).toBeGreaterThanOrEqual(0.9);
		expect(sniff(aifCodec.encode!(UNDERCUT))).toBeGreaterThanOrEqual(0.9);
		expect(sniff(jsonCodec.encode!(UNDERCUT))).toBe(0);
		expect(sniff('nodes: []')).toBe(0);
		expect(sniff('{"nodes": [], "edges": []}')).toBe(0);
	});
});

describe('AIF round trip', () => {
	const roundTrip = async (debate: Debate, lang?: string) => {
		const text = aifCodec.encode!(debate, { lang });
		return (await importText(text, `${debate.id}.aif.json`)).debate;
	};

	it.each(['arguments/llama-open-weights.yaml', 'tests/fixtures/debates/valid.yaml'])(
		'%s keeps its claims and relations',
		async (path) => {
			const debate = loadFile(path);
			const back = await roundTrip(debate);
			expect(back.claims).toHaveLength(debate.claims.length);
			expect(structure(back)).toEqual(structure(debate));
			expect(back.thesis).toBe(
				back.claims[debate.claims.findIndex((c) => c.id === debate.thesis)]!.id
			);
		}
	);

	it('keeps every piece of evidence with its whole source, as I-nodes that other AIF tools show', async () => {
		const debate = loadFile('arguments/llama-open-weights.yaml');
		const text = aifCodec.encode!(debate, { lang: 'en' });
		const back = await roundTrip(debate, 'en');
		const pieces = debate.claims.reduce((n, c) => n + (c.evidence?.length ?? 0), 0);
		expect(pieces).toBeGreaterThan(10);
		// Evidence comes back on the claims it backs, not as claims of its own.
		expect(back.claims).toHaveLength(debate.claims.length);
		expect(back.claims.map((c) => c.evidence ?? [])).toEqual(
			debate.claims.map((c) => c.evidence ?? [])
		);
		const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
		expect([...back.sources].sort(byId)).toEqual([...debate.sources].sort(byId));
		// A tool that knows nothing of Counterpoint sees the quote and the source in the text,
		// supporting the claim through an RA node.
		const aif = JSON.parse(text) as {
			nodes: { nodeID: string; text: string; type: string }[];
			edges: { fromID: string; toID: string }[];
		};
		const claim = debate.claims.find((c) => c.evidence?.length)!;
		const ev = claim.evidence![0]!;
		const source = debate.sources.find((s) => s.id === ev.source)!;
		const node = aif.nodes.find((n) => n.type === 'I' && n.text.startsWith(`“${ev.quote}”`))!;
		expect(node.text).toContain(textIn(source.title, 'en', debate.language));
		if (source.url) expect(node.text).toContain(source.url);
		const ra = aif.edges.find((e) => e.fromID === node.nodeID)!.toID;
		expect(aif.nodes.find((n) => n.nodeID === ra)!.type).toBe('RA');
		const claimNode = aif.nodes.find((n) => n.text === textIn(claim.text, 'en', 'en'))!;
		expect(aif.edges).toContainEqual(
			expect.objectContaining({ fromID: ra, toID: claimNode.nodeID })
		);
	});

	it('reads evidence whose field is damaged as a claim, said, so nothing is lost', async () => {
		const debate = loadFile('tests/fixtures/debates/valid.yaml');
		const aif = JSON.parse(aifCodec.encode!(debate)) as {
			nodes: { nodeID: string; evidence?: { kind: string } }[];
		};
		const damaged = aif.nodes.find((n) => n.evidence)!;
		damaged.evidence!.kind = 'rumour';
		const damagedText = JSON.stringify(aif, null, '\t');
		const { debate: back, warnings } = await importText(damagedText, 'damaged.json');
		expect(back.claims).toHaveLength(debate.claims.length + 1);
		expect(messages(warnings)).toMatch(
			new RegExp(
				`I-node "${damaged.nodeID}" has an "evidence" field that is not valid evidence \\("kind"`
			)
		);
		expect(warnings.find((w) => w.message.includes('not valid evidence'))!.line).toBeGreaterThan(1);
	});

	it('keeps undercuts, main targets and extra relations apart', async () => {
		const back = await roundTrip(UNDERCUT);
		expect(structure(back)).toEqual(structure(UNDERCUT));
		back.claims.forEach((c, i) => {
			expect(c.also?.length ?? 0).toBe(UNDERCUT.claims[i]!.also?.length ?? 0);
			expect(typeof c.target).toBe(typeof UNDERCUT.claims[i]!.target);
		});
	});

	it('keeps the relation structure of random debates', async () => {
		await fc.assert(
			fc.asyncProperty(arbitraryDebate({ also: true }), async (debate) => {
				const back = await roundTrip(debate);
				expect(back.claims).toHaveLength(debate.claims.length);
				expect(structure(back)).toEqual(structure(debate));
				expect(back.claims.map((c) => c.text)).toEqual(debate.claims.map((c) => c.text));
			}),
			{ numRuns: 100 }
		);
	});
});

describe('AIF import never throws', () => {
	/** Decodes, and when that succeeds, checks the data is a valid debate. */
	const survives = async (text: string) => {
		const decoded = await decode(text);
		if (decoded.ok) {
			const problems = unexpectedProblems(decoded.data, decoded.locate);
			if (problems.length) throw new Error(problems.join('\n'));
		} else expect(decoded.errors.length).toBeGreaterThan(0);
	};

	it('on random strings', async () => {
		await fc.assert(fc.asyncProperty(fc.string({ maxLength: 200 }), survives), { numRuns: 300 });
	});

	it('on random JSON values', async () => {
		await fc.assert(
			fc.asyncProperty(fc.jsonValue(), (v) => survives(JSON.stringify(v))),
			{ numRuns: 300 }
		);
	});

	it('on exports with characters cut out or put in', async () => {
		await fc.assert(
			fc.asyncProperty(
				arbitraryDebate(),
				fc.nat(),
				fc.nat({ max: 20 }),
				fc.string({ maxLength: 5 }),
				async (debate, at, cut, put) => {
					const text = aifCodec.encode!(debate);
					const i = at % (text.length + 1);
					await survives(text.slice(0, i) + put + text.slice(i + cut));
				}
			),
			{ numRuns: 200 }
		);
	});

	it('on random AIF graphs (any types, any edges, cycles, S-nodes on S-nodes)', async () => {
		const types = ['I', 'I', 'I', 'RA', 'CA', 'MA', 'L', 'YA', 'TA', 'PA', ''];
		await fc.assert(
			fc.asyncProperty(
				fc.array(
					fc.record({
						type: fc.constantFrom(...types),
						text: fc.constantFrom('', 'A : claim', 'x'.repeat(200), 'Some claim', '  '),
						intId: fc.boolean()
					}),
					{ minLength: 1, maxLength: 25 }
				),
				fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 60 }),
				fc.boolean(),
				async (nodes, pairs, wrap) => {
					const id = (i: number) => (nodes[i]!.intId ? i + 1 : String(i + 1));
					const aif = {
						nodes: nodes.map((n, i) => ({ nodeID: id(i), text: n.text, type: n.type })),
						edges: pairs.map(([a, b], i) => ({
							edgeID: i,
							fromID: id(a % nodes.length),
							toID: id(b % nodes.length)
						})),
						locutions: nodes
							.map((n, i) => (n.type === 'L' ? { nodeID: id(i), personID: i % 3 } : null))
							.filter(Boolean),
						participants: wrap ? [{ participantID: 1, firstname: 'Ann', surname: 'Lee' }] : null
					};
					await survives(JSON.stringify(wrap ? { AIF: aif, text: '<b>x</b>', OVA: {} } : aif));
				}
			),
			{ numRuns: 500 }
		);
	});
});
