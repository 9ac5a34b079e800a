/**
 * `npm run validate [files…]`: checks debate files (default: every file in arguments/) and
 * prints each problem as `file:line:col path: message (hint)`. Exits 1 on any error.
 */
import { formatDiagnostic } from '../lib/core/load';
import { debateFiles, loadDebateFile } from './debate-files';

const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const targets = files.length > 0 ? files : debateFiles();
let failed = 0;
for (const path of targets) {
	const result = loadDebateFile(path);
	for (const w of result.warnings) console.log(formatDiagnostic(w));
	if (result.ok) {
		console.log(`✓ ${path}: ${result.value.claims.length} claims`);
	} else {
		failed++;
		for (const e of result.errors) console.log(formatDiagnostic(e));
		console.log(`✗ ${path}: ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}`);
	}
}
process.exit(failed > 0 ? 1 : 0);
