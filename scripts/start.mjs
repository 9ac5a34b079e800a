#!/usr/bin/env node
/**
 * `npm start`: builds the static app if the build is missing or older than the sources, then
 * serves `build/` and prints the address. PORT and HOST override the defaults.
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';

const INPUTS = ['src', 'arguments', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json'];

/** Newest modification time under the given paths. */
function newest(paths) {
	let t = 0;
	const walk = (p) => {
		if (!existsSync(p)) return;
		const s = statSync(p);
		if (s.isDirectory()) for (const f of readdirSync(p)) walk(join(p, f));
		else t = Math.max(t, s.mtimeMs);
	};
	paths.forEach(walk);
	return t;
}

const marker = 'build/index.html';
if (!existsSync(marker) || statSync(marker).mtimeMs < newest(INPUTS)) {
	console.log('Building Counterpoint…');
	execSync('npx vite build', { stdio: 'inherit' });
}

const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST ?? '127.0.0.1';
const serve = sirv('build', { extensions: ['html'], etag: true, dev: false });
/** The app's own page for an address it does not have (src/routes/+error.svelte), read once. */
const notFound = readFileSync('build/404.html');
createServer((req, res) =>
	serve(req, res, () => {
		// Status 404, so that nothing takes the page for the one asked for; its policy is in the page.
		res.statusCode = 404;
		res.setHeader('content-type', 'text/html; charset=utf-8');
		res.setHeader('cache-control', 'no-cache');
		res.end(req.method === 'HEAD' ? undefined : notFound);
	})
)
	.on('error', (e) => {
		console.error(
			e.code === 'EADDRINUSE' ? `Port ${port} is in use: try PORT=4174 npm start` : e.message
		);
		process.exit(1);
	})
	.listen(port, host, () =>
		console.log(
			`Counterpoint is running at http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/`
		)
	);
