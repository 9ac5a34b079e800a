import { describe, expect, it } from 'vitest';
import { arrange } from '../../../src/lib/map/arrange';
import { toElements } from '../../../src/lib/map/elements';
import { sceneOfLayout, sceneToSvg, type Scene } from '../../../src/lib/map/svg';
import { expectGolden } from '../formats/golden';
import { fixtureGraph, graphOfClaims } from '../graphs';

/** A scene as the map would draw it: the classroom layout with its routed relations. */
function sceneOf(graph: ReturnType<typeof fixtureGraph>): Scene {
	const elements = toElements(graph, { lang: 'en' });
	return sceneOfLayout(elements, arrange(graph, elements, 16 / 9));
}

describe('the SVG picture of the map', () => {
	it('matches the golden file for the small fixture', () => {
		expectGolden('tests/golden/svg/valid.svg', sceneToSvg(sceneOf(fixtureGraph('valid'))));
	});

	it('draws every claim with every line of its text, and tells pro from con by more than colour', () => {
		const scene = sceneOf(fixtureGraph('branches'));
		const svg = sceneToSvg(scene, { background: '#ffffff' });
		for (const node of scene.nodes) {
			const group = svg.match(new RegExp(`<g id="claim-${node.id}"[\\s\\S]*?</g>`))![0];
			for (const line of node.label.split('\n'))
				expect(group).toContain(`>${line.replace(/'/g, '&#39;')}</tspan>`);
			const outline = [...group.matchAll(/<rect [^>]*fill="none"[^>]*>/g)].at(-1)![0];
			// Objections have a dashed border; support a solid one.
			expect(outline.includes('stroke-dasharray'), node.id).toBe(node.classes.includes('con'));
		}
		const paths = [...svg.matchAll(/<path d="M[^"]*" fill="none"[^>]*>/g)].map((m) => m[0]);
		expect(paths).toHaveLength(scene.edges.length);
		for (const p of paths) {
			if (p.includes('#0072B2')) expect(p).toMatch(/marker-start="url\(#arrow-/);
			else expect(p).toMatch(/stroke-dasharray="10 6".*marker-start="url\(#bar-/);
		}
		expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="\d+" height="\d+"/);
	});

	it('writes hostile text as text', () => {
		const g = graphOfClaims(
			{ id: 't', text: 'A <script>alert("x")</script> & more' },
			{ id: 'c', stance: 'con', target: 't', text: "]]></text><text>' injected" }
		);
		const svg = sceneToSvg(sceneOf(g));
		expect(svg).not.toContain('<script>');
		expect(svg).toContain('&lt;script&gt;');
		expect(svg).not.toContain('</text><text>&#39;');
		expect(svg.match(/<text /g)).toHaveLength(2);
	});
});
