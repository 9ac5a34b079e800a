import type { Diagnostic } from '../load/diagnostic';
import type { Debate } from '../schema/debate';
import type { FormatId, FormatInfo } from './catalog';
import type { MarkdownWords } from './markdown';

export type { FormatId } from './catalog';

/** Where a path in the decoded data came from in the input text (line 0: unknown). */
export type Locate = (
	path: readonly PropertyKey[],
	at?: 'key' | 'value'
) => { line: number; column: number };

/**
 * What a decoder made of its input: plain data shaped like a debate, not yet validated (the
 * registry validates every import exactly like a file in `arguments/`), with warnings for
 * whatever could not be represented, and a way to locate schema problems in the input.
 */
export type DecodeResult =
	| { ok: true; data: unknown; warnings: Diagnostic[]; locate?: Locate }
	| { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };

export interface DecodeOptions {
	/** How the input is named in messages: its file name, or "pasted text". */
	file: string;
}

export interface EncodeOptions {
	/** Language for formats that hold one text per claim (Argdown, Kialo, AIF, Markdown). */
	lang?: string;
	/** The Markdown handout's words in `lang`, from the messages; English when not given. */
	markdownWords?: MarkdownWords;
}

/**
 * One exchange format. A codec may only decode (read) or only encode (write); the registry in
 * `./index.ts` lists them all, and the UI and the CLI both read that list.
 */
export interface Codec<Id extends FormatId = FormatId> extends FormatInfo {
	id: Id;
	/**
	 * How sure the codec is that the text is in its format, from content alone: 0 (no) to 1
	 * (certain). Used when the file name does not decide. `head` is the first 64 KiB, enough
	 * for most formats; `whole` is the whole text, for a format whose telling keys may come
	 * late (JSON keeps keys in any order): only linear searches may run over it.
	 */
	sniff?(head: string, whole?: string): number;
	/** Reads the format. Never throws: bad input gives located errors. */
	decode?(text: string, options: DecodeOptions): Promise<DecodeResult>;
	/** Writes the format. The debate is valid (it passed validation). */
	encode?(debate: Debate, options?: EncodeOptions): string;
}
