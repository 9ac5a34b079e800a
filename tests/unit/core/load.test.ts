import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, loadDebate, missingLanguages } from '../../../src/lib/core/load';

const fixture = (name: string) => `tests/fixtures/debates/${name}.yaml`;
function load(name: string) {
	const file = fixture(name);
	return loadDebate(readFileSync(file, 'utf8'), { file, expectedId: name, authored: true });
}
/** Every error of a fixture as the author would read it on the command line. */
function errorsOf(name: string): string[] {
	const result = load(name);
	expect(result.ok).toBe(false);
	return result.ok ? [] : result.errors.map(formatDiagnostic);
}

describe('loading a debate file', () => {
	it('accepts a valid debate and fills in nothing it was not given', () => {
		const result = load('valid');
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.warnings).toEqual([]);
		expect(result.value.claims.map((c) => c.id)).toEqual(['t', 'p1', 'c1', 'c2']);
		expect(result.value.claims[3]!.also).toEqual([{ target: 't', stance: 'pro' }]);
	});

	it('locates an unknown target and suggests the closest id', () => {
		expect(errorsOf('unknown-target')).toEqual([
			'tests/fixtures/debates/unknown-target.yaml:39:13 claims[2].target: unknown claim "p2" (did you mean "p1"?)'
		]);
	});

	it('reports a duplicate id with where the first one is', () => {
		expect(errorsOf('duplicate-id')[0]).toBe(
			'tests/fixtures/debates/duplicate-id.yaml:47:9 claims[3].id: duplicate claim id "c1" (claims[2] already uses it; give each claim its own id)'
		);
	});

	it('refuses a second root beside the thesis in an authored debate', () => {
		expect(errorsOf('two-theses')).toEqual([
			'tests/fixtures/debates/two-theses.yaml:37:5 claims[2]: claim "c1" has no target, so it is a second root beside the thesis (give it a stance and a target, or make it the thesis)'
		]);
	});

	it('allows several roots in an imported (not authored) debate', () => {
		const file = fixture('two-theses');
		expect(loadDebate(readFileSync(file, 'utf8'), { file }).ok).toBe(true);
	});

	it('finds claims that go round in a circle and never reach the thesis', () => {
		expect(errorsOf('cycle')).toEqual([
			'tests/fixtures/debates/cycle.yaml:39:13 claims[2].target: claims "c1" → "c2" → "c1" go round in a circle and never reach the thesis (point one of them at a claim that leads to the thesis)'
		]);
	});

	it('refuses a claim aimed at itself, once', () => {
		expect(errorsOf('self-target')).toEqual([
			'tests/fixtures/debates/self-target.yaml:39:13 claims[2].target: claim "c1" targets itself (a claim supports or attacks another claim)'
		]);
	});

	it('refuses a javascript: link in a source', () => {
		expect(errorsOf('bad-url-scheme')).toEqual([
			'tests/fixtures/debates/bad-url-scheme.yaml:18:10 sources[0].url: must be an http:// or https:// address'
		]);
	});

	it('points a YAML syntax error at the quote that was never closed', () => {
		expect(errorsOf('yaml-syntax-error')).toEqual([
			'tests/fixtures/debates/yaml-syntax-error.yaml:28:11 not valid YAML: a quoted text starts here and is never closed (add the closing quote at the end of the text)'
		]);
	});

	it('says how long an over-long claim text is', () => {
		expect(errorsOf('text-too-long')).toEqual([
			'tests/fixtures/debates/text-too-long.yaml:40:11 claims[2].text: must be at most 160 characters (it has 203)'
		]);
	});

	it('suggests the right name for a misspelt field', () => {
		expect(errorsOf('misspelt-field')).toContain(
			'tests/fixtures/debates/misspelt-field.yaml:46:9 claims[2].evidence[0].locatr: unknown field "locatr" (did you mean "locator"?)'
		);
	});

	it('lists the allowed values for a wrong stance', () => {
		expect(errorsOf('bad-stance')).toEqual([
			'tests/fixtures/debates/bad-stance.yaml:38:13 claims[2].stance: must be one of: pro, con, not the text "against"'
		]);
	});

	it('refuses a file from a newer format version with a way out', () => {
		expect(errorsOf('newer-version')[0]).toMatch(
			/newer-version\.yaml:1:16 formatVersion: format version 7 is newer than this Counterpoint understands \(1\)/
		);
	});

	it('requires the id to match the file name', () => {
		const file = fixture('valid');
		const result = loadDebate(readFileSync(file, 'utf8'), { file, expectedId: 'other' });
		expect(result.ok ? [] : result.errors.map(formatDiagnostic)).toEqual([
			'tests/fixtures/debates/valid.yaml:2:5 id: id "valid" does not match the file name (rename the file to valid.yaml, or set id: other)'
		]);
	});

	it('reports all errors at once, never throwing, for empty, binary and non-mapping input', () => {
		for (const text of [
			'',
			'   \n',
			'\u0000\u0001\u0002garbage',
			'- just\n- a list\n',
			'42',
			'null'
		]) {
			const result = loadDebate(text, { file: 'x.yaml' });
			expect(result.ok).toBe(false);
			if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
		}
	});

	it('names every missing required field of an almost empty file', () => {
		const result = loadDebate('formatVersion: 1\n', { file: 'x.yaml' });
		const messages = result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
		for (const field of ['id', 'title', 'summary', 'language', 'thesis', 'claims']) {
			expect(messages).toContain(`${field}: missing required field "${field}"`);
		}
	});

	it('reads JSON as well as YAML, and ignores a byte-order mark', () => {
		const yaml = readFileSync(fixture('valid'), 'utf8');
		const first = loadDebate(yaml);
		if (!first.ok) throw new Error('fixture invalid');
		const json = '\ufeff' + JSON.stringify(first.value);
		const again = loadDebate(json);
		expect(again.ok && again.value).toEqual(first.value);
	});

	it('refuses a YAML alias bomb instead of expanding it', () => {
		const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
		for (let i = 0; i < 8; i++) {
			const prev = String.fromCharCode(97 + i);
			const next = String.fromCharCode(98 + i);
			bomb.push(`${next}: &${next} [${Array(10).fill(`*${prev}`).join(',')}]`);
		}
		const result = loadDebate(bomb.join('\n'), { file: 'bomb.yaml' });
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.errors[0]!.message).toMatch(/could not be read/);
	});
});

describe('missing languages', () => {
	it('lists each text a class reading in a language would see in another', () => {
		const r = loadDebate(readFileSync('tests/fixtures/debates/valid.yaml', 'utf8'));
		if (!r.ok) throw new Error('fixture invalid');
		const missing = missingLanguages(r.value, ['en', 'zh']);
		expect(missing.map((m) => m.path.join('.'))).toEqual([
			'summary',
			'claims.1.text',
			'claims.2.text',
			'claims.3.text'
		]);
		expect(missing[0]!.message).toBe('no zh text (readers of zh see the en one)');
		const shipped = loadDebate(readFileSync('arguments/llama-open-weights.yaml', 'utf8'));
		expect(shipped.ok && missingLanguages(shipped.value, ['en', 'zh'])).toEqual([]);
	});
});
