/**
 * `npm run validate [files…] [-- --langs en,zh]`: checks debate files (default: every file in
 * arguments/) and prints each problem as `file:line:col path: message (hint)`. Exits 1 on any
 * error. With `--langs`, also lists every text missing one of those languages (as warnings).
 */
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { formatDiagnostic, formatPath, missingLanguages } from '../lib/core/load';
import { SourceMap } from '../lib/core/load/locate';
import { debateFiles, loadDebateFile } from './debate-files';

const argv = process.argv.slice(2);
const langsAt = argv.findIndex((a) => a === '--langs' || a.startsWith('--langs='));
const langs =
	langsAt < 0
		? []
		: (argv[langsAt]!.includes('=') ? argv[langsAt]!.split('=')[1]! : (argv[langsAt + 1] ?? ''))
				.split(',')
				.map((l) => l.trim())
				.filter(Boolean);
const files = argv.filter(
	(a, i) =>
		!a.startsWith('--') && !(langsAt >= 0 && i === langsAt + 1 && !argv[langsAt]!.includes('='))
);
const targets = files.length > 0 ? files : debateFiles();
let failed = 0;
for (const path of targets) {
	const result = loadDebateFile(path);
	for (const w of result.warnings) console.log(formatDiagnostic(w));
	if (result.ok) {
		if (langs.length) {
			const lines = new LineCounter();
			const map = new SourceMap(
				parseDocument(readFileSync(path, 'utf8'), { lineCounter: lines }),
				lines
			);
			const missing = missingLanguages(result.value, langs);
			for (const m of missing) {
				const at = map.locate(m.path);
				console.log(
					formatDiagnostic({
						severity: 'warning',
						file: path,
						line: at.line,
						column: at.column,
						path: formatPath(m.path),
						message: m.message,
						hint: m.hint
					})
				);
			}
			if (langs.length)
				console.log(
					`  ${missing.length} text${missing.length === 1 ? '' : 's'} missing one of: ${langs.join(', ')}`
				);
		}
		console.log(`✓ ${path}: ${result.value.claims.length} claims`);
	} else {
		failed++;
		for (const e of result.errors) console.log(formatDiagnostic(e));
		console.log(`✗ ${path}: ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}`);
	}
}
process.exit(failed > 0 ? 1 : 0);
