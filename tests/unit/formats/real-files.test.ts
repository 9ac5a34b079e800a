import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../src/lib/core/formats/language';
import { detectCodec, importDebate } from '../../../src/lib/core/formats';

/** Issue 18, items 1–4: files from other tools, in the shapes they really have. */

/** A QT30-shaped AIFdb nodeset: many dialogue nodes, the edges listed after them. */
function qt30(locutions: number, order: 'nodes-first' | 'locutions-first') {
	const nodes: Record<string, string>[] = [];
	const edges: Record<string, string | null>[] = [];
	const locs: Record<string, string | null>[] = [];
	let id = 100_000;
	const node = (type: string, text: string) => {
		const nodeID = String(id++);
		nodes.push({ nodeID, text, type, timestamp: '2021-05-20 21:12:03' });
		return nodeID;
	};
	const edge = (fromID: string, toID: string) =>
		edges.push({ edgeID: String(id++), fromID, toID, formEdgeID: null });
	const claims: string[] = [];
	for (let i = 0; i < locutions; i++) {
		const l = node('L', `Speaker ${i % 4} : a turn of the Question Time debate number ${i}`);
		locs.push({
			nodeID: l,
			personID: String(i % 4),
			timestamp: '2021-05-20 21:12:03',
			start: null,
			end: null,
			source: null
		});
		const claim = node('I', `a turn of the Question Time debate number ${i}`);
		const ya = node('YA', 'Asserting');
		edge(l, ya);
		edge(ya, claim);
		// A tree, as an analysis is: each turn supports one made earlier.
		if (i > 0) {
			const ra = node('RA', 'Default Inference');
			edge(claim, ra);
			edge(ra, claims[Math.floor((i - 1) / 2)]!);
		}
		claims.push(claim);
	}
	const body =
		order === 'nodes-first' ? { nodes, locutions: locs, edges } : { locutions: locs, edges, nodes };
	return JSON.stringify(body, null, 4);
}

describe('AIF is recognised by its structure, whatever the key order and size', () => {
	for (const order of ['nodes-first', 'locutions-first'] as const) {
		it(`a large nodeset whose edges start after 64 KiB (${order})`, async () => {
			const text = qt30(400, order);
			expect(text.indexOf('"edges"')).toBeGreaterThan(66 * 1024);
			for (const name of [undefined, 'qt30-nodeset23345.json']) {
				expect(detectCodec(name, text)?.id, String(name)).toBe('aif');
				const r = await importDebate(text, { file: name ?? 'pasted text' });
				expect(r.ok, String(name)).toBe(true);
				if (r.ok) expect(r.value.claims.length).toBe(400);
			}
		});
	}

	it('an OVA3 save whose long text comes before "AIF"', () => {
		const text = JSON.stringify({
			text: `<p>${'A long transcript of the debate. '.repeat(3000)}</p>`,
			AIF: { nodes: [{ nodeID: 1, text: 'A claim', type: 'I' }], edges: [] },
			OVA: {}
		});
		expect(text.indexOf('"AIF"')).toBeGreaterThan(64 * 1024);
		expect(detectCodec('save.json', text)?.id).toBe('aif');
		expect(detectCodec(undefined, text)?.id).toBe('aif');
	});

	it('still refuses JSON that is not AIF', () => {
		const text = JSON.stringify({
			rows: Array.from({ length: 5000 }, (_, i) => ({ i })),
			nodes: []
		});
		expect(detectCodec(undefined, text)).toBeUndefined();
	});
});

describe('the language of an import is found, never assumed without a word', () => {
	it('a German Argdown file is German', async () => {
		const file = 'tests/fixtures/formats/argdown/german-speed-limit.argdown';
		const r = await importDebate(readFileSync(file, 'utf8'), { file });
		expect(r.ok && r.value.language).toBe('de');
		expect(r.warnings.map((w) => w.message)).not.toContainEqual(expect.stringMatching(/language/));
	});

	it.each([
		[
			'en',
			'The town centre should be closed to private cars because the air in the centre is bad.'
		],
		[
			'fr',
			"Le centre de la ville doit être fermé aux voitures, parce que l'air y est mauvais pour les enfants."
		],
		[
			'es',
			'El centro de la ciudad debe cerrarse a los coches porque el aire es malo para los niños y los mayores.'
		],
		['zh', '市中心应该禁止私家车通行，因为那里的空气对孩子们有害。'],
		['ja', '町の中心部は自家用車を禁止すべきです。空気が子どもに悪いからです。'],
		['ru', 'Центр города нужно закрыть для машин, потому что это вредно для детей и для всех.']
	])('%s texts are read as %s', (lang, text) => {
		expect(detectLanguage([text])).toEqual({ language: lang, sure: true });
	});

	it('says so when the texts do not tell', async () => {
		expect(detectLanguage(['Brexit', 'NATO 2030', 'Ja / Nein'])).toEqual({
			language: 'en',
			sure: false
		});
		const r = await importDebate('Discussion Name:\nX\n\n1. Thesis:\nBrexit\n', { file: 'k.txt' });
		expect(r.warnings.map((w) => w.message)).toContainEqual(
			expect.stringMatching(/language of the texts could not be told/)
		);
	});
});

describe('a forest of AIF roots (issue 18, item 3, in part)', () => {
	it('is named after the thesis chosen, not the first node of the file', async () => {
		const nodes: { nodeID: string; text: string; type: string }[] = [];
		const edges: { edgeID: string; fromID: string; toID: string }[] = [];
		let id = 1;
		for (let r = 0; r < 5; r++) {
			const root = String(id++);
			nodes.push({
				nodeID: root,
				text: `The root claim number ${r} of this forest of claims`,
				type: 'I'
			});
			for (let k = 0; k < r; k++) {
				const c = String(id++);
				const ra = String(id++);
				nodes.push({ nodeID: c, text: `A reason for the root claim number ${r}`, type: 'I' });
				nodes.push({ nodeID: ra, text: 'Default Inference', type: 'RA' });
				edges.push({ edgeID: String(id++), fromID: c, toID: ra });
				edges.push({ edgeID: String(id++), fromID: ra, toID: root });
			}
		}
		const r = await importDebate(JSON.stringify({ nodes, edges }), { file: 'forest.json' });
		if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
		const thesis = r.value.claims.find((c) => c.id === r.value.thesis)!;
		expect(thesis.text).toBe('The root claim number 4 of this forest of claims');
		expect(r.value.title).toBe(thesis.text);
	});
});
