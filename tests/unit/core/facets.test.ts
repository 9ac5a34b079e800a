import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
	computeVisibility,
	emptyFilters,
	FACET_DESCRIPTORS,
	FACETS,
	facetValues,
	isFixedFacet,
	readViewParams,
	writeViewParams,
	type Facet,
	type Filters
} from '../../../src/lib/core/view';
import { Filters as FiltersSchema, ViewState } from '../../../src/lib/core/view/view-state';
import { fixtureGraph } from '../graphs';

/**
 * Every filter facet, from its one descriptor (`core/view/facets.ts`): whatever is derived from
 * the table — URL parameters, the schema, empty filters, the panel's counts and words — works for
 * each entry, so a new facet that is missing a piece fails here by name.
 */

// The fixture has a value of every facet; a new facet needs a claim in it that has one.
const graph = fixtureGraph('branches');
const withFilter = (facet: Facet, values: string[]): Filters =>
	({ ...emptyFilters(), [facet]: values }) as Filters;

const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8')) as {
	locales: string[];
};
const messages = (locale: string) =>
	JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, unknown>;

describe.each(FACETS.map((f) => [f]))('the %s facet', (facet) => {
	const values = facetValues(graph, facet);

	it('has values in the fixture, and a filter on one of them keeps some claims and hides others', () => {
		expect(values.length).toBeGreaterThan(0);
		const narrowing = values.filter((v) => {
			const n = computeVisibility(graph, { filters: withFilter(facet, [v]) }).matched.size;
			return n > 0 && n < graph.order.length;
		});
		expect(narrowing.length, `no value of ${facet} narrows the fixture`).toBeGreaterThan(0);
	});

	it('counts for each value the claims its filter keeps (the number beside each box)', () => {
		const counts = computeVisibility(graph, { filters: emptyFilters() }).counts[facet];
		expect([...counts.keys()]).toEqual(values);
		for (const v of values) {
			const matched = computeVisibility(graph, { filters: withFilter(facet, [v]) }).matched;
			expect(counts.get(v), `${facet}=${v}`).toBe(matched.size);
		}
	});

	it('goes into a link under its own name and comes back the same, for every value', () => {
		for (const v of values) {
			const state = readViewParams(new URLSearchParams(), graph).state;
			state.filters = withFilter(facet, [v]);
			const params = writeViewParams(state);
			expect(params.get(facet), `${facet}=${v}`).toBe(v);
			const back = readViewParams(params, graph);
			expect(back.dropped).toEqual([]);
			expect(back.state).toEqual(state);
			expect(ViewState.parse(back.state)).toEqual(state);
		}
		const both = readViewParams(new URLSearchParams({ [facet]: values.join(',') }), graph);
		expect(both.state.filters[facet]).toEqual(values);
	});

	it('drops a value it does not have from a link, and says so', () => {
		const bad = 'no-such-value';
		const { state, dropped } = readViewParams(new URLSearchParams({ [facet]: bad }), graph);
		expect(state.filters[facet]).toEqual([]);
		expect(dropped).toEqual([`${facet}=${bad}`]);
		expect(FiltersSchema.safeParse({ [facet]: ['not a value!'] }).success).toBe(false);
	});

	it.each(settings.locales)('has its heading and value words in %s', (locale) => {
		const d = FACET_DESCRIPTORS[facet];
		const words = messages(locale);
		const keys = [d.title, ...(isFixedFacet(d) ? Object.values(d.words) : [])];
		for (const key of keys) expect(words[key], `${locale}: ${key}`).toMatch(/\S/);
		if (isFixedFacet(d)) expect(Object.keys(d.words).sort()).toEqual([...d.values].sort());
	});
});

describe('filters as a whole', () => {
	it('start empty in every facet, and the schema agrees', () => {
		expect(Object.keys(emptyFilters())).toEqual(FACETS);
		expect(FiltersSchema.parse({})).toEqual(emptyFilters());
		expect(Object.keys(FiltersSchema.shape)).toEqual(FACETS);
		expectTypeOf<z.infer<typeof FiltersSchema>>().toEqualTypeOf<Filters>();
	});

	it('write the facets into a link in the order of the table', () => {
		const state = readViewParams(new URLSearchParams(), graph).state;
		state.filters = Object.fromEntries(
			FACETS.map((f) => [f, facetValues(graph, f).slice(0, 1)])
		) as Filters;
		expect([...writeViewParams(state).keys()]).toEqual(FACETS);
	});
});
