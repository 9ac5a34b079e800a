/**
 * The class benchmark's accounting, kept apart from the sockets so it can be tested on its own
 * (tests/unit/bench/tally.test.ts): reading an event stream, what each reader should have been
 * given, what it was given (once? in order?), and latency percentiles.
 */

/** One message of an event stream: its `id:` and `data:` (absent if the message had none). */
export interface SseMessage {
	id?: string;
	data?: string;
}

/**
 * Reads `text/event-stream` as EventSource does: messages end at a blank line; `id:` and
 * `data:` fields (several `data:` lines join with "\n"); comment lines (`: …`) and other
 * fields (`retry:`) are skipped; a chunk may end anywhere, even inside a line or a CRLF.
 */
export class SseParser {
	private buffer = '';
	private id: string | undefined;
	private data: string[] = [];

	/** Feeds one chunk; returns the messages it completed. */
	feed(chunk: string): SseMessage[] {
		this.buffer += chunk;
		const out: SseMessage[] = [];
		let start = 0;
		for (;;) {
			const nl = this.buffer.indexOf('\n', start);
			if (nl < 0) break;
			let line = this.buffer.slice(start, nl);
			start = nl + 1;
			if (line.endsWith('\r')) line = line.slice(0, -1);
			if (line === '') {
				if (this.id !== undefined || this.data.length)
					out.push({
						...(this.id !== undefined ? { id: this.id } : {}),
						...(this.data.length ? { data: this.data.join('\n') } : {})
					});
				this.id = undefined;
				this.data = [];
				continue;
			}
			if (line.startsWith(':')) continue;
			const colon = line.indexOf(':');
			const field = colon < 0 ? line : line.slice(0, colon);
			let value = colon < 0 ? '' : line.slice(colon + 1);
			if (value.startsWith(' ')) value = value.slice(1);
			if (field === 'id') this.id = value;
			else if (field === 'data') this.data.push(value);
		}
		this.buffer = this.buffer.slice(start);
		return out;
	}
}

/** One acknowledged operation of a session's log: who sent it, and whether everyone sees it. */
export interface Logged {
	opId: string;
	actor: string;
	/** Seen by every reader of the session; else by its author only (a poll answer, a vote). */
	public: boolean;
}

/**
 * A session's log as the senders were told it (the seq of each acknowledged operation): what
 * every reader of the session should receive.
 */
export class Ledger {
	readonly entries = new Map<number, Logged>();

	record(seq: number, entry: Logged) {
		this.entries.set(seq, entry);
	}

	/** Does `reader` see the event at `seq`? */
	shows(seq: number, reader: string): boolean {
		const e = this.entries.get(seq);
		return !!e && (e.public || e.actor === reader);
	}

	/** How many events `reader` should receive. */
	expectedBy(reader: string): number {
		let n = 0;
		for (const e of this.entries.values()) if (e.public || e.actor === reader) n++;
		return n;
	}
}

/** What one reader's stream came to, checked against its session's ledger. */
export interface StreamReport {
	/** Distinct events received. */
	received: number;
	/** Events it should have received and did not. */
	lost: number;
	/** Events received more than once (each extra copy counts). */
	duplicated: number;
	/** Events received after one with a higher seq. */
	outOfOrder: number;
	/** Events received that the ledger does not give this reader (or with another operation's id). */
	unexpected: number;
}

/** One reader's stream: each event once, in increasing seq. */
export class StreamTally {
	private got = new Map<number, string>();
	private last = 0;
	duplicated = 0;
	outOfOrder = 0;

	constructor(readonly reader: string) {}

	/** An event arrived: its seq and the id of its operation. Returns whether it was new. */
	receive(seq: number, opId: string): boolean {
		if (this.got.has(seq)) {
			this.duplicated++;
			return false;
		}
		this.got.set(seq, opId);
		if (seq < this.last) this.outOfOrder++;
		else this.last = seq;
		return true;
	}

	/** The last seq received in order (what EventSource sends back as Last-Event-ID). */
	get lastSeq(): number {
		return this.last;
	}

	/** Has it everything the ledger gives it? */
	complete(ledger: Ledger): boolean {
		return this.missing(ledger) === 0;
	}

	private missing(ledger: Ledger): number {
		let n = 0;
		for (const [seq, e] of ledger.entries)
			if ((e.public || e.actor === this.reader) && !this.got.has(seq)) n++;
		return n;
	}

	report(ledger: Ledger): StreamReport {
		let unexpected = 0;
		for (const [seq, opId] of this.got)
			if (!ledger.shows(seq, this.reader) || ledger.entries.get(seq)!.opId !== opId) unexpected++;
		return {
			received: this.got.size,
			lost: this.missing(ledger),
			duplicated: this.duplicated,
			outOfOrder: this.outOfOrder,
			unexpected
		};
	}
}

/** Adds stream reports up. */
export function sumReports(reports: Iterable<StreamReport>): StreamReport {
	const total: StreamReport = { received: 0, lost: 0, duplicated: 0, outOfOrder: 0, unexpected: 0 };
	for (const r of reports)
		for (const k of Object.keys(total) as (keyof StreamReport)[]) total[k] += r[k];
	return total;
}

/**
 * The p-th percentile (0 < p ≤ 100) of `sorted` (ascending), by nearest rank: the smallest
 * value with at least p % of the values at or below it. NaN for no values.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number {
	if (!(p > 0 && p <= 100)) throw new RangeError(`percentile: p must be in (0, 100], not ${p}`);
	if (sorted.length === 0) return NaN;
	return sorted[Math.ceil((p / 100) * sorted.length) - 1]!;
}

/** Joins sample arrays into one, sorted ascending. */
export function mergeSorted(parts: readonly ArrayLike<number>[]): Float64Array {
	const all = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		all.set(p, at);
		at += p.length;
	}
	return all.sort();
}
