import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ENGLISH_MAP_WORDS } from '../../src/lib/map/elements';
import { ENGLISH_STANDING_WORDS } from '../../src/lib/map/standing';

/**
 * The UI's messages (Paraglide, inlang message format): every message in both languages, none
 * empty, the same parameters and the same markup in each. Read from the JSON files themselves,
 * so this runs without the compiled messages.
 */
type Messages = Record<string, string>;

function read(lang: string): Messages {
	const json = JSON.parse(readFileSync(`messages/${lang}.json`, 'utf8')) as Record<string, unknown>;
	const { $schema: _schema, ...messages } = json;
	return messages as Messages;
}

const en = read('en');
const zh = read('zh');
const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8')) as {
	baseLocale: string;
	locales: string[];
};

/** `{name}` parameters, sorted and without repeats. */
function params(message: string): string[] {
	return [
		...new Set([...message.matchAll(/\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}/g)].map((m) => m[1]!))
	].sort();
}

/** The `<b>…</b>` / `<kbd>…</kbd>` tags, in order (the components render them, never as HTML). */
function tags(message: string): string[] {
	return [...message.matchAll(/<\/?([a-z]+)>/g)].map((m) => m[0]);
}

// Every language of the project is checked below; a new one needs no change here.
const all = settings.locales.map((lang) => [lang, read(lang)] as const);

test('the project has English (the base) and Chinese, with a message file for each', () => {
	expect(settings.baseLocale).toBe('en');
	expect(settings.locales).toEqual(expect.arrayContaining(['en', 'zh']));
	expect(Object.keys(en).length).toBeGreaterThan(300);
});

test('every message exists in every language', () => {
	for (const [lang, messages] of all) {
		expect(
			Object.keys(messages).filter((k) => !(k in en)),
			lang
		).toEqual([]);
		expect(
			Object.keys(en).filter((k) => !(k in messages)),
			lang
		).toEqual([]);
	}
});

test('keys are identifiers Paraglide can export as functions', () => {
	for (const key of Object.keys(en)) expect(key, key).toMatch(/^[a-z][a-z0-9_]*$/);
});

describe.each(all)('%s', (_lang, messages) => {
	test('no message is empty, and every one is a plain string', () => {
		for (const [key, value] of Object.entries(messages)) {
			expect(typeof value, key).toBe('string');
			expect(value.length, key).toBeGreaterThan(0);
		}
	});

	test('braces only ever hold a parameter', () => {
		for (const [key, value] of Object.entries(messages)) {
			const stripped = value.replace(/\{\s*[A-Za-z_][A-Za-z0-9_]*\s*\}/g, '');
			expect(stripped, key).not.toMatch(/[{}]/);
		}
	});
});

test('parameters and markup are the same in every language', () => {
	for (const [lang, messages] of all)
		for (const key of Object.keys(en)) {
			const [e, z] = [en[key]!, messages[key] ?? ''];
			expect(params(z), `${lang} ${key}: ${z}`).toEqual(params(e));
			expect(tags(z), `${lang} ${key}: ${z}`).toEqual(tags(e));
		}
});

test('the Chinese is Chinese: apart from names and symbols, no message is left in English', () => {
	// Messages that are the same in both languages on purpose: format names, symbols, separators.
	const same = Object.keys(en).filter((k) => en[k] === zh[k]);
	expect(same.sort()).toEqual(['format_argdown', 'format_json', 'format_yaml', 'language_zh']);
	for (const [key, value] of Object.entries(zh)) {
		if (same.includes(key) || key === 'find_placeholder') continue;
		const words = value
			.replace(/\{[^}]*\}/g, '')
			.replace(/<\/?[a-z]+>/g, '')
			.replace(
				/Counterpoint|Argdown|Kialo|AIF|JSON|YAML|PNG|AIFdb|OVA3|xAIF|CSL|Markdown|GraphML|yEd|Gephi|Cytoscape|NetworkX|Letter|MB|Esc|Enter|http|https|F|C|IN|OUT|UNDEC|DF-QuAD/g,
				''
			);
		expect(words, key).not.toMatch(/[A-Za-z]{3,}/);
	}
});

test('English map words are the messages the map is drawn with', () => {
	expect(en.map_thesis).toBe(ENGLISH_MAP_WORDS.thesis);
	expect(en.map_pro).toBe(ENGLISH_MAP_WORDS.pro);
	expect(en.map_con).toBe(ENGLISH_MAP_WORDS.con);
	expect(en.map_for_thesis).toBe(ENGLISH_MAP_WORDS.forThesis);
	expect(en.map_against_thesis).toBe(ENGLISH_MAP_WORDS.againstThesis);
	expect(en.map_answers_objection).toBe(ENGLISH_MAP_WORDS.answersObjection);
	expect(en.map_backs_objection).toBe(ENGLISH_MAP_WORDS.backsObjection);
	expect(en.map_folded!.replace('{total}', '4').replace('{pro}', '3').replace('{con}', '1')).toBe(
		ENGLISH_MAP_WORDS.hidden({ for: 3, against: 1 })
	);
	expect(en.map_standing_in).toBe(ENGLISH_STANDING_WORDS.labels.IN);
	expect(en.map_standing_out).toBe(ENGLISH_STANDING_WORDS.labels.OUT);
	expect(en.map_standing_undec).toBe(ENGLISH_STANDING_WORDS.labels.UNDEC);
	expect(en.map_struck).toBe(ENGLISH_STANDING_WORDS.struck);
});

test('the class vocabulary is used consistently in Chinese', () => {
	expect(zh.thesis).toBe('论题');
	// The plain words a class reads; the precise terms (IN, OUT, UNDEC) are one click away.
	expect(zh.label_in).toBe('站得住');
	expect(zh.label_out).toBe('受质疑');
	expect(zh.label_undec).toBe('悬而未决');
	for (const key of ['map_standing_in', 'map_standing_out', 'map_standing_undec'])
		expect(zh[key], key).toContain(zh[key.replace('map_standing', 'label')]);
	expect(zh.standing_strength).toBe('强度');
	expect(zh.drawer_pro).toBe('支持');
	expect(zh.drawer_con).toBe('反对');
	expect(zh.strike).toContain('删去');
	expect(zh.strike).toContain('假设');
	expect(zh.drawer_evidence).toContain('证据');
	// "Argument" is always 论点 for a claim, never another word.
	for (const key of ['form_your_claim', 'field_text', 'claims_other', 'drawer_no_evidence'])
		expect(zh[key], key).toContain('论点');
});
