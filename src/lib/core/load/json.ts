/**
 * Where JSON text is broken, found without trusting the engine's words: shared by the AIF reader
 * and by the YAML/JSON readers (which use it for minified JSON, before any YAML parser sees it).
 */

/** Offsets of line starts, to turn an offset into a line and column. */
export class Lines {
	private readonly starts: number[] = [0];
	constructor(text: string) {
		for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
	}
	at(offset: number): { line: number; column: number } {
		let lo = 0;
		let hi = this.starts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (this.starts[mid]! <= offset) lo = mid;
			else hi = mid - 1;
		}
		return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
	}
}

/**
 * Where and why `text` is not JSON. JSON.parse says why in engine-specific words and not
 * always where (Safari gives no position), so a small scanner finds the first error itself.
 * Iterative, so deeply nested input cannot overflow the stack.
 */
export function jsonErrorAt(text: string): { offset: number; message: string } | undefined {
	let i = 0;
	const n = text.length;
	const stack: string[] = [];
	type State = 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'colon' | 'after';
	let state: State = 'value';
	const skip = () => {
		while (i < n) {
			const c = text.charCodeAt(i);
			if (c === 32 || c === 9 || c === 10 || c === 13) i++;
			else break;
		}
	};
	const describe = (at: number) => {
		const ch = text.codePointAt(at)!;
		return ch < 32
			? `character U+${ch.toString(16).padStart(4, '0')}`
			: `"${String.fromCodePoint(ch)}"`;
	};
	/** Scans a string starting at its quote; returns an error or moves past it. */
	const string = (): { offset: number; message: string } | undefined => {
		const start = i;
		i++;
		while (i < n) {
			const c = text.charCodeAt(i);
			if (c === 34) {
				i++;
				return undefined;
			}
			if (c === 92) {
				const e = text[i + 1];
				if (e === 'u') {
					if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
						return { offset: i, message: 'a \\u escape needs four hexadecimal digits' };
					i += 6;
				} else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
				else return { offset: i, message: `the escape "\\${e ?? ''}" is not allowed in JSON` };
				continue;
			}
			if (c < 32)
				return {
					offset: start,
					message:
						c === 10 || c === 13
							? 'a quoted text starts here and is not closed on its line'
							: `a quoted text holds a raw control character (U+${c.toString(16).padStart(4, '0')})`
				};
			i++;
		}
		return { offset: start, message: 'a quoted text starts here and is never closed' };
	};
	const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
	for (;;) {
		skip();
		if (i >= n) {
			if (state === 'after' && stack.length === 0) return undefined;
			if (stack.length === 0 && state === 'value' && text.trim() === '')
				return { offset: 0, message: 'the file is empty' };
			const open = stack[stack.length - 1];
			return {
				offset: n,
				message: open
					? `the file ends before a "${open}" is closed`
					: 'the file ends where a value was expected'
			};
		}
		const ch = text[i]!;
		switch (state) {
			case 'valueOrEnd':
			case 'value': {
				if (state === 'valueOrEnd' && ch === ']') {
					stack.pop();
					i++;
					state = 'after';
					break;
				}
				if (ch === '{') {
					stack.push('{');
					i++;
					state = 'keyOrEnd';
				} else if (ch === '[') {
					stack.push('[');
					i++;
					state = 'valueOrEnd';
				} else if (ch === '"') {
					const e = string();
					if (e) return e;
					state = 'after';
				} else if (/[-0-9]/.test(ch)) {
					NUMBER.lastIndex = i;
					const m = NUMBER.exec(text);
					if (!m) return { offset: i, message: `${describe(i)} does not start a valid number` };
					i += m[0].length;
					state = 'after';
				} else {
					const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
					if (!word) {
						const hint = ch === "'" ? ' (JSON quotes texts with ", not \')' : '';
						return {
							offset: i,
							message: `unexpected ${describe(i)} where a value was expected${hint}`
						};
					}
					i += word.length;
					state = 'after';
				}
				break;
			}
			case 'keyOrEnd':
			case 'key': {
				if (ch === '}' && state === 'keyOrEnd') {
					stack.pop();
					i++;
					state = 'after';
				} else if (ch === '"') {
					const e = string();
					if (e) return e;
					state = 'colon';
				} else if (ch === '}')
					return { offset: i, message: 'a comma before "}" is not allowed in JSON' };
				else
					return {
						offset: i,
						message: `expected a property name in double quotes, found ${describe(i)}`
					};
				break;
			}
			case 'colon':
				if (ch !== ':')
					return {
						offset: i,
						message: `expected ":" after the property name, found ${describe(i)}`
					};
				i++;
				state = 'value';
				break;
			case 'after': {
				const open = stack[stack.length - 1];
				if (!open)
					return { offset: i, message: `unexpected ${describe(i)} after the end of the data` };
				const close = open === '{' ? '}' : ']';
				if (ch === ',') {
					i++;
					skip();
					if (open === '[' && text[i] === ']')
						return { offset: i, message: 'a comma before "]" is not allowed in JSON' };
					state = open === '{' ? 'key' : 'value';
				} else if (ch === close) {
					stack.pop();
					i++;
				} else return { offset: i, message: `expected "," or "${close}", found ${describe(i)}` };
				break;
			}
		}
	}
}
