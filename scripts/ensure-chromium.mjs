#!/usr/bin/env node
/**
 * Browser tests drive Debian's Chromium (npm cannot download browsers on this kind of machine).
 * Finds it at CHROMIUM_PATH or /usr/bin/chromium; if absent, installs Debian's `chromium` when
 * running as root with apt-get, else fails with the one-line fix.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function chromiumPath() {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
	return candidates.find((p) => p && existsSync(p));
}

/** Flags for headless Debian Chromium here: without the networking ones it keeps calling home. */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

if (import.meta.url === `file://${process.argv[1]}`) {
	if (chromiumPath()) process.exit(0);
	const isRoot = process.getuid?.() === 0;
	const hasApt = existsSync('/usr/bin/apt-get');
	if (isRoot && hasApt) {
		console.log("Chromium not found: installing Debian's chromium for the browser tests…");
		try {
			execSync(
				'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium',
				{ stdio: 'inherit' }
			);
		} catch {
			// fall through to the message below
		}
		if (chromiumPath()) process.exit(0);
	}
	console.error(
		'Browser tests need Chromium. Fix: sudo apt-get install -y chromium   (or set CHROMIUM_PATH=/path/to/chromium)'
	);
	process.exit(1);
}
