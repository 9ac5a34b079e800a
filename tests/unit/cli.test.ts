import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Runs `npm run convert -- …` the way a user would (through tsx), with optional stdin. */
function convert(args: string[], input?: string) {
	const r = spawnSync('node', ['--import', 'tsx', 'src/cli/convert.ts', ...args], {
		input,
		encoding: 'utf8',
		timeout: 60_000
	});
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run convert', () => {
	it('writes a debate in another format to a file, detecting the input format', () => {
		const out = join(mkdtempSync(join(tmpdir(), 'cp-')), 'valid.md');
		const r = convert(['tests/fixtures/debates/valid.yaml', '--to', 'markdown', '-o', out]);
		expect(r.code).toBe(0);
		expect(r.stderr).toMatch(/valid\.yaml \(yaml\) → .*valid\.md \(markdown\): 4 claims/);
		expect(readFileSync(out, 'utf8')).toContain('**Thesis:** Schools should require uniforms.');
	});

	it("writes the handout's words in the language asked for, from the messages", () => {
		const zh = JSON.parse(readFileSync('messages/zh.json', 'utf8')) as Record<string, string>;
		const r = convert(['arguments/llama-open-weights.yaml', '--to', 'markdown', '--lang', 'zh']);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain(`**${zh.markdown_thesis}:**`);
		expect(r.stdout).toContain(`## ${zh.markdown_claims}`);
	});

	it('reads standard input and writes standard output with -', () => {
		const yaml = readFileSync('tests/fixtures/debates/valid.yaml', 'utf8');
		const r = convert(['-', '--to', 'json'], yaml);
		expect(r.code).toBe(0);
		expect(JSON.parse(r.stdout).id).toBe('valid');
	});

	it('prints located errors and exits 1 on a bad debate', () => {
		const r = convert(['tests/fixtures/debates/unknown-target.yaml', '--to', 'json']);
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(/unknown-target\.yaml:\d+:\d+ claims\[\d+\]\.target: /);
		expect(r.stdout).toBe('');
	});

	it('lists what the target format has no place for, on standard error only', () => {
		const out = join(mkdtempSync(join(tmpdir(), 'cp-')), 'valid.aif.json');
		const r = convert(['tests/fixtures/debates/valid.yaml', '--to', 'aif', '-o', out]);
		expect(r.code).toBe(0);
		expect(r.stderr).toMatch(/AIF JSON .* has no place for these/);
		expect(r.stderr).toMatch(/^ {2}- texts in other languages: \d+$/m);
		// AIF keeps evidence and the sources it cites, as I-nodes.
		expect(r.stderr).not.toMatch(/evidence|sources/);
		expect(JSON.parse(readFileSync(out, 'utf8')).nodes.length).toBeGreaterThan(0);
		const lossless = convert(['tests/fixtures/debates/valid.yaml', '--to', 'json']);
		expect(lossless.stderr).not.toMatch(/no place/);
	});

	it('exits 2 with the usage on a bad command line', () => {
		const r = convert(['tests/fixtures/debates/valid.yaml', '--to', 'docx']);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/--to must be one of: yaml, json/);
	});
});
