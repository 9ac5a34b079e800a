import { MAX_FILE_BYTES } from '../load/read-text';
import { validateDebateData } from '../load/load';
import type { Diagnostic, LoadResult } from '../load/diagnostic';
import type { Debate } from '../schema/debate';
import { aifCodec } from './aif';
import { argdownCodec } from './argdown';
import { error } from './build';
import { exportFileName, FORMAT_LIST, isFormatId } from './catalog';
import { countLeftOut, type LeftOut } from './left-out';
import type { Codec, EncodeOptions, FormatId } from './codec';
import { cslCodec } from './csl';
import { graphmlCodec } from './graphml';
import { kialoCodec } from './kialo';
import { markdownCodec } from './markdown';
import { jsonCodec, yamlCodec } from './native';

export type { Codec, DecodeResult, EncodeOptions, FormatId, Locate } from './codec';
export { describeLeftOut, type LeftOut, type LeftOutCode } from './left-out';

/**
 * The codec of every format in the catalog: the compiler asks for a line here when a catalog
 * entry has none.
 */
const CODEC_OF: { [K in FormatId]: Codec<K> } = {
	yaml: yamlCodec,
	json: jsonCodec,
	argdown: argdownCodec,
	kialo: kialoCodec,
	aif: aifCodec,
	graphml: graphmlCodec,
	markdown: markdownCodec,
	csl: cslCodec
};

/** Every format's codec, in the catalog's (menu) order. */
export const CODECS: readonly Codec[] = FORMAT_LIST.map((f) => CODEC_OF[f.id]);

/** Imports larger than this are refused with a message: the same limit as any debate file. */
export { MAX_FILE_BYTES };
/** Imports with more claims than this are refused: no class can read them. */
export const MAX_IMPORT_CLAIMS = 50_000;
/**
 * Lines longer than these are refused, located, in one pass before any parser runs: 100,000
 * characters in YAML and Kialo text, 1,000,000 in Argdown (whose statements carry their data on
 * their line). JSON formats (Counterpoint JSON, AIF) have no line limit: minified JSON is one
 * long line, read in linear time. Why these numbers: `load/lines.ts`. Every text field has a
 * maximum length too (`schema/localised.ts`), so one huge text is refused with its path.
 */
export { MAX_ARGDOWN_LINE_LENGTH, MAX_LINE_LENGTH } from '../load/lines';

export function codecById(id: string): Codec | undefined {
	return isFormatId(id) ? CODEC_OF[id] : undefined;
}

/** Codecs that can read (import) and write (export). */
export const READERS = CODECS.filter((c) => c.decode);
export const WRITERS = CODECS.filter((c) => c.encode);

/**
 * Which format `text` is in: by file extension where that decides (one reader owns it), else by
 * content, among the readers owning the extension or, failing that, all readers.
 */
export function detectCodec(fileName: string | undefined, text: string): Codec | undefined {
	const ext = fileName?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
	const owners = ext ? READERS.filter((c) => c.extensions.includes(ext)) : [];
	if (owners.length === 1 && !owners[0]!.sniff) return owners[0];
	const head = text.slice(0, 64 * 1024);
	const rank = (codecs: readonly Codec[]) =>
		codecs
			.map((c) => ({ c, score: c.sniff?.(head, text) ?? 0 }))
			.filter((r) => r.score > 0)
			.sort((a, b) => b.score - a.score)[0]?.c;
	return rank(owners) ?? (owners.length === 1 ? owners[0] : undefined) ?? rank(READERS);
}

export interface ImportOptions {
	/** How the input is named in messages: its file name, or "pasted text". */
	file: string;
	/** Read as this format instead of detecting it. */
	format?: FormatId;
}

export type ImportResult = LoadResult<Debate> & { format?: FormatId };

/**
 * Reads a debate in any known format and validates it exactly like a file in `arguments/`.
 * Never throws and never returns a half-read debate: it is all or located errors.
 */
export async function importDebate(text: string, options: ImportOptions): Promise<ImportResult> {
	const { file } = options;
	const fail = (errors: Diagnostic[], warnings: Diagnostic[] = []): ImportResult => ({
		ok: false,
		errors,
		warnings
	});
	if (text.length > MAX_FILE_BYTES)
		return fail([
			error(
				file,
				0,
				`the file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`,
				'split the debate into smaller files'
			)
		]);
	const codec = options.format ? codecById(options.format) : detectCodec(file, text);
	if (!codec?.decode)
		return fail([
			error(
				file,
				0,
				options.format
					? `Counterpoint cannot read the format "${options.format}"`
					: 'the format of this file was not recognised',
				`choose the format by hand; readable: ${READERS.map((c) => c.label).join(', ')}`
			)
		]);
	let decoded;
	try {
		decoded = await codec.decode(text, { file });
	} catch (e) {
		// A codec bug must not take the page down with it.
		return fail([error(file, 0, `the ${codec.label} reader failed: ${(e as Error).message}`)]);
	}
	if (!decoded.ok) return { ...fail(decoded.errors, decoded.warnings), format: codec.id };
	const claims = (decoded.data as { claims?: unknown[] } | null)?.claims;
	if (Array.isArray(claims) && claims.length > MAX_IMPORT_CLAIMS)
		return fail([
			error(
				file,
				0,
				`the debate has ${claims.length} claims; Counterpoint reads at most ${MAX_IMPORT_CLAIMS}`,
				'split the debate'
			)
		]);
	const checked = validateDebateData(decoded.data, { file, locate: decoded.locate });
	return { ...checked, warnings: [...decoded.warnings, ...checked.warnings], format: codec.id };
}

export interface Exported {
	text: string;
	fileName: string;
	mediaType: string;
	/** The parts of this debate the format has no place for, counted (empty: nothing lost). */
	leftOut: LeftOut[];
}

/** Writes a debate in a format, with the file name to save it under. */
export function exportDebate(debate: Debate, format: FormatId, options?: EncodeOptions): Exported {
	const codec = codecById(format);
	if (!codec?.encode) throw new Error(`Counterpoint cannot write the format "${format}"`);
	return {
		text: codec.encode(debate, options),
		fileName: exportFileName(debate.id, format),
		mediaType: codec.mediaType,
		leftOut: countLeftOut(debate, codec.leavesOut, options?.lang)
	};
}
