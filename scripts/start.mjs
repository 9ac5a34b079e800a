#!/usr/bin/env node
/**
 * `npm start`: builds the app if the build is missing or older than the sources, then runs the
 * server (adapter-node's handler): the prerendered pages, and class sessions on the embedded
 * database (COUNTERPOINT_DATA, default ./data) or on PostgreSQL (DATABASE_URL).
 * Listens on 127.0.0.1:4173 by default: this computer only. HOST=0.0.0.0 opens it to the
 * network (a classroom); PORT changes the port.
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { cspHeader } from './csp.mjs';

const INPUTS = [
	'src',
	'arguments',
	'static',
	'svelte.config.js',
	'scripts/csp.mjs',
	'vite.config.ts',
	'package.json'
];

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

const marker = 'build/handler.js';
if (!existsSync(marker) || statSync(marker).mtimeMs < newest(INPUTS)) {
	console.log('Building Counterpoint… (a minute or two the first time)');
	// The build's own output (progress, its "npm run preview" hint, plugin timings) is noise to
	// someone starting the app: it is kept, and printed only if the build fails.
	try {
		execSync('npx vite build', {
			stdio: ['ignore', 'pipe', 'pipe'],
			maxBuffer: 64 * 1024 * 1024,
			env: { ...process.env, COUNTERPOINT_STATIC: '' }
		});
	} catch (e) {
		process.stdout.write(e.stdout ?? '');
		process.stderr.write(e.stderr ?? '');
		console.error('The build failed: see above.');
		process.exit(1);
	}
}

const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST ?? '127.0.0.1';
// The server knows whether a request came over TLS; tell the app through a header it sets itself
// (any such header from the client is replaced), so page addresses and cookies say http or https
// truly. Behind a proxy that terminates TLS, set ORIGIN or PROTOCOL_HEADER instead (adapter-node).
const PROTOCOL = 'x-counterpoint-protocol';
const ownProtocol = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
if (ownProtocol) process.env.PROTOCOL_HEADER = PROTOCOL;
// A session on an imported debate carries the debate: as large as a debate file (5 MB). Each
// class-session route sets its own, smaller limit.
process.env.BODY_SIZE_LIMIT ??= '6M';

const { handler } = await import(new URL('../build/handler.js', import.meta.url).href);

// A worker runs under the policy its own script arrives with: the pages' <meta> does not reach
// it. The import worker reads untrusted files, so it gets the pages' policy as a header.
const WORKER_POLICY = cspHeader();
const WORKERS = '/_app/immutable/workers/';

const server = createServer((req, res) => {
	if (ownProtocol) req.headers[PROTOCOL] = req.socket.encrypted ? 'https' : 'http';
	if (req.url?.startsWith(WORKERS)) res.setHeader('content-security-policy', WORKER_POLICY);
	handler(req, res, () => {
		res.statusCode = 404;
		res.setHeader('content-type', 'text/plain; charset=utf-8');
		res.end('Not found');
	});
})
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

/** Stops taking requests, ends open event streams, closes the database, then exits. */
function stop() {
	server.close();
	// Event streams stay open forever: end them (browsers reconnect to the next server).
	server.closeAllConnections();
	process.emit('sveltekit:shutdown', 'SIGTERM');
	// Give the database a moment to close its files.
	setTimeout(() => process.exit(0), 1000).unref();
}
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
