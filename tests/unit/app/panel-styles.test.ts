import { readFileSync } from 'node:fs';
import { parse } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';

/**
 * The side panel's claim lists (Strongest, Next to argue) look alike because they share one
 * stylesheet (claim-list.css), not because each component repeats the same rules: a change to
 * the look is made once.
 */
type Node = { type: string; prelude?: string; block?: { children: Node[] }; children?: Node[] };

/** Each style rule of a component as its declarations, normalised ("color:#000;margin:0"). */
function ruleBodies(file: string): string[] {
	const ast = parse(readFileSync(file, 'utf8'), { modern: true }) as unknown as {
		css: { children: Node[] } | null;
	};
	const out: string[] = [];
	const walk = (nodes: Node[]) => {
		for (const node of nodes) {
			if (node.type === 'Rule') {
				const decls = (node.block?.children ?? [])
					.filter((d) => d.type === 'Declaration')
					.map((d) => {
						const { property, value } = d as unknown as { property: string; value: string };
						return `${property}:${value.replace(/\s+/g, ' ').trim()}`;
					})
					.sort();
				if (decls.length >= 2) out.push(decls.join(';'));
			} else if (node.type === 'Atrule' && node.block) walk(node.block.children);
		}
	};
	walk(ast.css?.children ?? []);
	return out;
}

describe('the claim-list panels share their styles', () => {
	it('no rule of two or more declarations stands in both Strongest and Next to argue', () => {
		const strongest = new Set(ruleBodies('src/lib/components/StrongestPanel.svelte'));
		const gaps = ruleBodies('src/lib/components/GapsPanel.svelte');
		expect(gaps.filter((body) => strongest.has(body))).toEqual([]);
	});

	it('both use the shared stylesheet', () => {
		for (const file of ['StrongestPanel', 'GapsPanel']) {
			const source = readFileSync(`src/lib/components/${file}.svelte`, 'utf8');
			expect(source, file).toContain("import './claim-list.css';");
			expect(source, file).toContain('class="claim-list"');
		}
	});
});
