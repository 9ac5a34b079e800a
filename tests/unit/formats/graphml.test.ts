import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectCodec, exportDebate, importDebate } from '../../../src/lib/core/formats';
import { graphmlCodec } from '../../../src/lib/core/formats/graphml';
import { buildGraph } from '../../../src/lib/core/model/graph';
import type { Debate } from '../../../src/lib/core/schema';
import { textIn } from '../../../src/lib/core/schema/localised';
import { expectGolden } from './golden';
import { loadDebateFile, readWith, shippedDebate, validDebate } from './read';

const YED = 'tests/fixtures/formats/graphml/yed-town-centre.graphml';
const read = (text: string, file = 'map.graphml') => readWith(graphmlCodec, text, file);

describe('GraphML import of a yEd argument map', () => {
	it('reads labels as claims and sides from colour and label, noting an edge that says neither', async () => {
		const { debate, warnings } = await read(readFileSync(YED, 'utf8'), YED);
		expect(detectCodec(YED, readFileSync(YED, 'utf8'))?.id).toBe('graphml');
		expect(detectCodec(undefined, readFileSync(YED, 'utf8'))?.id).toBe('graphml');
		const by = (id: string) => debate.claims.find((c) => c.id === id)!;
		expect(debate.thesis).toBe('n0');
		expect(by('n0').text).toBe('The town centre should be closed to private cars.');
		expect(by('n1')).toMatchObject({ stance: 'pro', target: 'n0' }); // green line
		expect(by('n2')).toMatchObject({ stance: 'con', target: 'n0' }); // red line
		expect(by('n3')).toMatchObject({ stance: 'con', target: 'n1' }); // label "attacks"
		expect(by('n3').text).toBe('Traffic would only move to the ring road & its houses.');
		expect(by('n3').note).toBe('Description: A traffic study & a survey');
		expect(by('n4')).toMatchObject({ stance: 'con', target: 'n2' }); // label "objection"
		expect(by('n5')).toMatchObject({ stance: 'pro', target: 'n4' }); // black, unlabelled
		const line =
			readFileSync(YED, 'utf8')
				.split('\n')
				.findIndex((l) => l.includes('id="e4"')) + 1;
		expect(warnings).toEqual([
			expect.objectContaining({ line, message: expect.stringMatching(/read as support: "e4"/) })
		]);
		expect(debate.language).toBe('en');
	});

	it('refuses what is not GraphML, or is damaged, with located errors', async () => {
		const bad = async (text: string) => {
			const r = await graphmlCodec.decode!(text, { file: 'bad.graphml' });
			return r.ok ? [] : r.errors.map((e) => [e.line, e.message]);
		};
		// The line of the element left open.
		expect(await bad('<graphml><graph>\n<node id="a">\n</graph></graphml>')).toEqual([
			[2, expect.stringMatching(/^not valid XML: .*"node"/)]
		]);
		expect(await bad('<svg/>')).toEqual([
			[1, expect.stringMatching(/root element is not <graphml>/)]
		]);
		expect(
			await bad(
				'<graphml>\n<graph>\n<node id="a"/>\n<edge source="a" target="z"/>\n</graph></graphml>'
			)
		).toEqual([[4, 'edge "a → z" goes to node "z", which is not in the file']]);
		expect(await bad('<graphml><graph/></graphml>')).toEqual([
			[1, 'the GraphML file has no nodes']
		]);
	});
});

describe('GraphML export', () => {
	it('matches the golden file', () => {
		expectGolden('tests/golden/graphml/valid.graphml', exportDebate(validDebate(), 'graphml').text);
	});

	it('reads back the same claims, whole texts, relations, undercuts and kinds', async () => {
		const en = (d: Debate, v: Parameters<typeof textIn>[0]) => textIn(v, 'en', d.language);
		for (const original of [
			shippedDebate(),
			loadDebateFile('tests/fixtures/debates/coverage-gaps.yaml')
		]) {
			const text = exportDebate(original, 'graphml', { lang: 'en' }).text;
			const back = (await read(text, `${original.id}.graphml`)).debate;
			const shape = (d: Debate) =>
				d.claims.map((c) => ({
					id: c.id,
					kind: c.kind === 'question' ? 'question' : undefined,
					text: en(d, c.text),
					stance: c.stance,
					target: c.target,
					also: c.also
				}));
			expect(shape(back)).toEqual(shape(original));
			expect(back.thesis).toBe(original.thesis);
		}
	});

	// NetworkX from the first Python that has it (Debian's python3-networkx is /usr/bin/python3's;
	// .ci/run installs it). Outside CI a machine without it skips this one test, saying why.
	const python = ['python3', '/usr/bin/python3'].find(
		(bin) => spawnSync(bin, ['-c', 'import networkx'], { timeout: 60_000 }).status === 0
	);
	it.skipIf(!python && !process.env.CI)(
		'parses with a second, independent GraphML reader (NetworkX), styled as the map' +
			(python ? '' : ' (skipped: no Python with networkx; apt-get install python3-networkx)'),
		() => {
			const debate = shippedDebate();
			const dir = mkdtempSync(join(tmpdir(), 'cp-graphml-'));
			const file = join(dir, 'map.graphml');
			writeFileSync(file, exportDebate(debate, 'graphml', { lang: 'en' }).text);
			const script = [
				'import json, sys, networkx as nx',
				'g = nx.read_graphml(sys.argv[1])',
				'print(json.dumps({"nodes": {n: d for n, d in g.nodes(data=True)}, "edges": [[u, v, d] for u, v, d in g.edges(data=True)]}))'
			].join('\n');
			if (!python) throw new Error('no Python with networkx: apt-get install python3-networkx');
			const r = spawnSync(python, ['-c', script, file], { encoding: 'utf8', timeout: 60_000 });
			if (r.status !== 0)
				throw new Error(`NetworkX (${python}) could not read the file: ${r.stderr}`);
			const read = JSON.parse(r.stdout) as {
				nodes: Record<string, Record<string, string>>;
				edges: [string, string, Record<string, string>][];
			};
			const graph = buildGraph(debate);
			expect(Object.keys(read.nodes).sort()).toEqual(debate.claims.map((c) => c.id).sort());
			expect(read.edges.length).toBe(graph.relations.length);
			for (const c of debate.claims) {
				const node = read.nodes[c.id]!;
				// yEd's label, position and shape, as NetworkX reads yEd files.
				expect(node.label).toBe(node.text);
				expect(Number.isFinite(Number(node.x)) && Number.isFinite(Number(node.y))).toBe(true);
				expect(node.side).toBe(
					graph.roots.includes(c.id) ? 'root' : graph.side.get(c.id) === -1 ? 'against' : 'for'
				);
				if (c.target !== undefined) {
					const to = typeof c.target === 'string' ? c.target : c.target.from;
					expect(read.edges).toContainEqual([
						c.id,
						to,
						expect.objectContaining({ stance: c.stance })
					]);
				}
			}
			// Positions follow the tree: a claim sits below the claim it answers.
			for (const c of debate.claims.filter((c) => typeof c.target === 'string'))
				expect(Number(read.nodes[c.id]!.y)).toBeGreaterThan(
					Number(read.nodes[c.target as string]!.y)
				);
		},
		60_000
	);

	it('colours each claim by its side of the thesis, as the map does', () => {
		const text = exportDebate(validDebate(), 'graphml').text;
		const graph = buildGraph(validDebate());
		for (const c of validDebate().claims) {
			const at = text.indexOf(`<node id="${c.id}">`);
			const fill = /<y:Fill color="(#[0-9A-F]{6})"/.exec(text.slice(at))![1];
			const side = graph.roots.includes(c.id)
				? '#FFFFFF'
				: graph.side.get(c.id) === -1
					? '#FCEEE6'
					: '#EAF3FA';
			expect(fill, c.id).toBe(side);
		}
	});

	it('imports through the same entry as every format, from a .graphml file or pasted', async () => {
		const text = exportDebate(validDebate(), 'graphml').text;
		for (const file of ['valid.graphml', 'pasted text']) {
			const r = await importDebate(text, { file });
			expect(r.ok && r.format).toBe('graphml');
		}
	});
});
