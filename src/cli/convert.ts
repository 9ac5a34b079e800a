/**
 * `npm run convert -- <input> --to <format> [-o <output>] [--from <format>] [--lang <lang>]`
 *
 * Reads a debate in any format Counterpoint knows (detected from the name and content unless
 * `--from` says), validates it like a file in arguments/, and writes it in another. `-` reads
 * standard input or writes standard output. Problems are printed located, and what the target
 * format has no place for is listed (on standard error); exit code 1 on bad input, 2 on a bad
 * command line.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isFormatId, READABLE, WRITABLE } from '../lib/core/formats/catalog';
import { describeLeftOut, exportDebate, importDebate } from '../lib/core/formats';
import { formatDiagnostic } from '../lib/core/load';
import { markdownWords } from '../lib/locale/markdown-words';

const ids = (formats: readonly { id: string }[]) => formats.map((f) => f.id);
const USAGE = `usage: npm run convert -- <input|-> --to <${ids(WRITABLE).join('|')}> [-o <output|->] [--from <${ids(READABLE).join('|')}>] [--lang <en|zh>]`;

function die(message: string, code = 2): never {
	console.error(message);
	process.exit(code);
}

let parsed;
try {
	parsed = parseArgs({
		allowPositionals: true,
		options: {
			to: { type: 'string' },
			from: { type: 'string' },
			output: { type: 'string', short: 'o' },
			lang: { type: 'string' },
			help: { type: 'boolean', short: 'h' }
		}
	});
} catch (e) {
	die(`${(e as Error).message}\n${USAGE}`);
}
const { values, positionals } = parsed;
if (values.help) die(USAGE, 0);
const input = positionals[0];
if (!input || positionals.length > 1) die(USAGE);
const to = WRITABLE.find((f) => f.id === values.to);
if (!to) die(`--to must be one of: ${ids(WRITABLE).join(', ')}\n${USAGE}`);
const from = values.from;
if (from !== undefined && !(isFormatId(from) && READABLE.some((f) => f.id === from)))
	die(`--from must be one of: ${ids(READABLE).join(', ')}\n${USAGE}`);

let text: string;
try {
	text = readFileSync(input === '-' ? 0 : input, 'utf8');
} catch (e) {
	die(`cannot read ${input}: ${(e as Error).message}`, 1);
}
const file = input === '-' ? 'standard input' : input;
const result = await importDebate(text, { file, format: from });
for (const w of result.warnings) console.error(formatDiagnostic(w));
if (!result.ok) {
	for (const e of result.errors) console.error(formatDiagnostic(e));
	die(`✗ ${file}: ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}`, 1);
}
// The handout's words in the language written: the interface's messages, as in the page.
const out = exportDebate(result.value, to.id, {
	lang: values.lang,
	markdownWords: markdownWords(values.lang ?? result.value.language)
});
// Said like an import's notes, on standard error: the written file stays clean.
if (out.leftOut.length > 0)
	console.error(
		`${to.label} has no place for these, left out of ${values.output && values.output !== '-' ? values.output : 'the output'}:\n${out.leftOut.map((l) => `  - ${describeLeftOut(l)}`).join('\n')}`
	);
const target = values.output ?? '-';
if (target === '-') process.stdout.write(out.text);
else {
	writeFileSync(target, out.text);
	console.error(
		`✓ ${file} (${result.format}) → ${target} (${to.id}): ${result.value.claims.length} claims`
	);
}
