/**
 * The class benchmark's bare baseline: the least a Node server can do to carry the same traffic.
 * No database, no checks, no replay: a join gets an id, an operation gets the room's next seq
 * and is written, rendered once, to every open stream of its room (a vote or poll answer to its
 * author's streams only, as the class server shows them). Its throughput is the ceiling the real
 * server is compared with. `PORT` (loopback only); prints "listening" when ready.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';

interface Room {
	seq: number;
	streams: Set<{ me: string; res: ServerResponse }>;
}
const rooms = new Map<string, Room>();
const room = (id: string) => {
	let r = rooms.get(id);
	if (!r) rooms.set(id, (r = { seq: 0, streams: new Set() }));
	return r;
};

const server = createServer((req, res) => {
	const url = new URL(req.url ?? '/', 'http://baseline');
	const [, s, id, action] = url.pathname.split('/');
	const me = url.searchParams.get('me') ?? '';
	if (s !== 's' || !id) return void res.writeHead(404).end();
	if (req.method === 'GET' && action === 'events') {
		res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
		res.write('retry: 2000\n\n');
		const stream = { me, res };
		room(id).streams.add(stream);
		res.on('close', () => room(id).streams.delete(stream));
		return;
	}
	if (req.method !== 'POST') return void res.writeHead(405).end();
	const chunks: Buffer[] = [];
	req.on('data', (c: Buffer) => chunks.push(c));
	req.on('end', () => {
		if (action === 'join') {
			res.writeHead(201, { 'content-type': 'application/json' });
			return void res.end(JSON.stringify({ participant: randomBytes(9).toString('base64url') }));
		}
		const r = room(id);
		const { ops } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
			ops: { id: string; kind: string }[];
		};
		const results = ops.map((op) => {
			const seq = ++r.seq;
			const text = `id: ${seq}\ndata: ${JSON.stringify({ seq, actor: me, at: Date.now(), op })}\n\n`;
			const everyone = op.kind === 'put' || op.kind === 'delete';
			for (const st of r.streams) if (everyone || st.me === me) st.res.write(text);
			return { id: op.id, seq };
		});
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end(JSON.stringify({ results }));
	});
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'));
const stop = () => {
	server.close();
	server.closeAllConnections();
	process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
