import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORMATS, WRITABLE } from '../../../src/lib/core/formats/catalog';
import { codecById, exportDebate } from '../../../src/lib/core/formats';
import {
	CLAIM_FIELD_PART,
	countLeftOut,
	fullText,
	LEFT_OUT_CODES,
	type LeftOutCode
} from '../../../src/lib/core/formats/left-out';
import type { Debate } from '../../../src/lib/core/schema';
import { textIn } from '../../../src/lib/core/schema/localised';
import { expectGolden } from './golden';
import { everyField, loadDebateFile, readWith, shippedDebate, validDebate } from './read';

/** Issue 18, items 6–8: an export writes what the format holds and lists the rest. */

const en = (d: Debate, v: Parameters<typeof textIn>[0]) => textIn(v, 'en', d.language);

async function read(format: 'kialo' | 'aif', file: string) {
	return (await readWith(codecById(format)!, readFileSync(file, 'utf8'), file)).debate;
}

describe('long claim texts survive Kialo and AIF exports whole', () => {
	for (const [format, file] of [
		['kialo', 'tests/fixtures/formats/kialo/long-texts.txt'],
		['aif', 'tests/fixtures/formats/aif/long-texts.json']
	] as const) {
		it(`${format}: writes the whole text, and reading it back gives the same claims`, async () => {
			const first = await read(format, file);
			const cut = first.claims.filter((c) => c.detail !== undefined);
			expect(cut.length).toBe(2);
			const out = exportDebate(first, format);
			for (const c of cut) {
				const whole = en(first, c.detail);
				expect(whole.length).toBeGreaterThan(160);
				expect(out.text).toContain(format === 'aif' ? JSON.stringify(whole) : whole);
				expect(fullText(c, 'en', first.language)).toBe(whole);
			}
			// The details held only the whole text: nothing is reported lost.
			expect(out.leftOut.map((l) => l.code)).not.toContain('details');
			const again = (await readWith(codecById(format)!, out.text, `again.${format}`)).debate;
			expect(again.claims.map((c) => [en(again, c.text), en(again, c.detail)])).toEqual(
				first.claims.map((c) => [en(first, c.text), en(first, c.detail)])
			);
			expectGolden(
				`tests/golden/${format}/long-texts${FORMATS[format].fileSuffix}.${FORMATS[format].extensions[0]}`,
				out.text
			);
		});
	}

	it('writes a detail of its own as left out, never as the text', () => {
		const debate = shippedDebate();
		const withDetail = debate.claims.filter((c) => c.detail !== undefined);
		expect(withDetail.length).toBeGreaterThan(0);
		for (const format of ['kialo', 'aif'] as const) {
			const out = exportDebate(debate, format, { lang: 'en' });
			for (const c of withDetail)
				expect(out.text).not.toContain(en(debate, c.detail).replace(/\s+/g, ' ').slice(0, 80));
			expect(out.leftOut).toContainEqual({ code: 'details', count: withDetail.length });
		}
	});
});

describe('every export lists what it leaves out', () => {
	const debate = shippedDebate();

	it('counts the parts the debate has, for each format that has no place for them', () => {
		for (const f of WRITABLE) {
			const out = exportDebate(debate, f.id, { lang: 'en' });
			expect(out.leftOut, f.id).toEqual(countLeftOut(debate, f.leavesOut, 'en'));
			if (f.lossless) expect(out.leftOut, f.id).toEqual([]);
		}
		const kialo = exportDebate(debate, 'kialo', { lang: 'en' }).leftOut;
		const count = (code: string) => kialo.find((l) => l.code === code)?.count;
		expect(count('titles')).toBe(debate.claims.filter((c) => c.title).length);
		expect(count('notes')).toBe(debate.claims.filter((c) => c.note).length);
		expect(count('tags')).toBe(debate.claims.filter((c) => c.tags?.length).length);
		// AIF writes evidence and the sources it cites (as I-nodes); only an uncited source is lost.
		const aif = exportDebate(debate, 'aif', { lang: 'en' }).leftOut.map((l) => l.code);
		expect(aif).not.toContain('evidence');
		expect(aif).not.toContain('sources');
		const uncited = {
			...debate,
			sources: [...debate.sources, { ...debate.sources[0]!, id: 'unused' }]
		};
		expect(exportDebate(uncited, 'aif', { lang: 'en' }).leftOut).toContainEqual({
			code: 'uncited_sources',
			count: 1
		});
	});

	it('says undercuts in a Kialo export become plain objections', () => {
		const debate = loadDebateFile('tests/fixtures/debates/coverage-gaps.yaml');
		const undercuts = debate.claims.filter((c) => c.target && typeof c.target !== 'string');
		expect(undercuts.length).toBeGreaterThan(0);
		expect(exportDebate(debate, 'kialo').leftOut).toContainEqual({
			code: 'undercuts',
			count: undercuts.length
		});
		expect(exportDebate(debate, 'aif').leftOut.map((l) => l.code)).not.toContain('undercuts');
	});

	// Holds each format to its list: a part it does not list as left out must come back, at least
	// as many times (Kialo makes one source per cited address, which may be more). A format that
	// leaves out the sources leaves out their details with them.
	for (const f of WRITABLE.filter((f) => f.reads)) {
		it(`${f.id}: whatever it does not list as left out comes back from a round trip`, async () => {
			const debates = [shippedDebate(), validDebate()];
			debates.push(loadDebateFile('tests/fixtures/debates/coverage-gaps.yaml'));
			for (const original of debates) {
				const out = exportDebate(original, f.id, { lang: 'en' });
				const back = (await readWith(codecById(f.id)!, out.text, `x.${f.extensions[0]}`)).debate;
				const listed = (code: LeftOutCode) =>
					f.leavesOut.includes(code) ||
					(code === 'source_details' && f.leavesOut.includes('sources'));
				const count = (d: Debate, code: LeftOutCode) =>
					countLeftOut(d, [code], 'en')[0]?.count ?? 0;
				for (const code of LEFT_OUT_CODES.filter((c) => !listed(c) && c !== 'translations'))
					expect(count(back, code), `${f.id} ${code} (${original.id})`).toBeGreaterThanOrEqual(
						count(original, code)
					);
			}
		});
	}
});

describe('every field of a claim comes back from a round trip, or its part is listed as left out', () => {
	// A field added to a claim must be given its part in CLAIM_FIELD_PART (type check) and a value
	// in everyField (type check); then each format either writes it or says it leaves it out.
	for (const f of WRITABLE.filter((f) => f.reads)) {
		it(f.id, async () => {
			const d = validDebate();
			const every = everyField(d);
			const debate: Debate = { ...d, claims: [...d.claims, every] };
			const out = exportDebate(debate, f.id, { lang: 'en' });
			const back = (await readWith(codecById(f.id)!, out.text, `x.${f.extensions[0]}`)).debate;
			const again = back.claims.find((c) => en(back, c.text) === every.text);
			expect(again, 'the claim is read back').toBeDefined();
			for (const key of Object.keys(every) as (keyof typeof every)[]) {
				const part = CLAIM_FIELD_PART[key];
				if (part !== 'kept' && f.leavesOut.includes(part)) continue;
				expect(again![key], `${f.id}: ${key} (${part})`).toBeDefined();
			}
		});
	}
});

describe('imports say all they leave out (issue 18, item 8)', () => {
	it('Kialo: past 100 notes, says how many more, and every link to another discussion stays a claim note', async () => {
		const links = 130;
		const lines = ['Discussion Name:', 'Many links', '', '1. Thesis:', 'A thesis.', ''];
		for (let i = 1; i <= links; i++)
			lines.push(
				`  1.${i}. Pro:`,
				`  This is one of the reasons why the thesis is true, number ${i}.`,
				'',
				`    1.${i}.1. Con:`,
				`    -> See discussion #${1000 + i}: Another question ${i}?`,
				''
			);
		const { debate, warnings } = await readWith(codecById('kialo')!, lines.join('\n'), 'many.txt');
		expect(warnings.length).toBe(101);
		expect(warnings[100]!.message).toBe(`and ${links - 100} more notes, not listed`);
		for (let i = 1; i <= links; i++)
			expect(String(debate.claims[i]!.note)).toContain(`discussion #${1000 + i}:`);
	});

	it('Kialo: a claim with more discussion links than a note holds keeps what fits and counts the rest', async () => {
		const links = 130;
		const lines = ['Discussion Name:', 'Many links', '', '1. Thesis:', 'A thesis.', ''];
		for (let i = 1; i <= links; i++)
			lines.push(`  1.${i}. Con:`, `  -> See discussion #${1000 + i}: Another question ${i}?`, '');
		const { debate } = await readWith(codecById('kialo')!, lines.join('\n'), 'one.txt');
		const note = String(debate.claims[0]!.note);
		const kept = note.match(/discussion #\d+:/g)!.length;
		expect(kept).toBeGreaterThan(50);
		expect(note).toMatch(
			new RegExp(`\\(and ${links - kept} more notes like these, which did not fit\\)$`)
		);
	});

	it('SADFace: the description, notes and analyst go into the summary', async () => {
		const file = 'tests/fixtures/formats/aif/sadface-hangback.json';
		const { debate } = await readWith(codecById('aif')!, readFileSync(file, 'utf8'), file);
		const summary = en(debate, debate.summary);
		expect(summary).toContain('argument analysis of the Hangback cycle safety campaign');
		expect(summary).toContain('Notes: This is incomplete because');
		expect(summary).toContain('Analysed by Simon Wells.');
		expect(summary).toContain('Imported from SADFace');
	});
});
