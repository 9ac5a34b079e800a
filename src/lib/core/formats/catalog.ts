import type { FormatId } from './codec';

/**
 * What each format is called and how its files are named: the part of a codec that menus need.
 * It is kept apart from the codecs so a page can list the formats without loading their readers
 * and writers (YAML, Argdown…), which load when a file is actually read or written.
 */
export interface FormatInfo {
	id: FormatId;
	/** Name shown in menus: "Argdown", "Kialo text export". */
	label: string;
	/** File name endings, without the dot, the first being the one written. */
	extensions: readonly string[];
	mediaType: string;
	/** True when decode(encode(d)) gives back d exactly. */
	lossless: boolean;
	/** Whether Counterpoint reads (imports) and writes (exports) the format. */
	reads: boolean;
	writes: boolean;
}

const info = (
	id: FormatId,
	label: string,
	extensions: readonly string[],
	mediaType: string,
	lossless: boolean,
	reads: boolean,
	writes: boolean
): FormatInfo => ({ id, label, extensions, mediaType, lossless, reads, writes });

/** Every format, in menu order; `index.ts` pairs each with its codec. */
export const FORMATS = {
	yaml: info('yaml', 'Counterpoint YAML', ['yaml', 'yml'], 'application/yaml', true, true, true),
	json: info('json', 'Counterpoint JSON', ['json'], 'application/json', true, true, true),
	argdown: info('argdown', 'Argdown', ['argdown', 'ad'], 'text/plain', false, true, true),
	kialo: info('kialo', 'Kialo text export', ['txt'], 'text/plain', false, true, true),
	aif: info('aif', 'AIF JSON (AIFdb, OVA3, xAIF)', ['json'], 'application/json', false, true, true),
	markdown: info('markdown', 'Markdown handout', ['md'], 'text/markdown', false, false, true),
	csl: info(
		'csl',
		'Bibliography (CSL-JSON)',
		['json'],
		'application/vnd.citationstyles.csl+json',
		false,
		false,
		true
	)
} as const satisfies Record<FormatId, FormatInfo>;

export const FORMAT_LIST: readonly FormatInfo[] = Object.values(FORMATS);
export const READABLE = FORMAT_LIST.filter((f) => f.reads);
export const WRITABLE = FORMAT_LIST.filter((f) => f.writes);

/** The codecs, loaded on first use (YAML, Argdown and the rest are not needed to show a map). */
export const loadCodecs = () => import('./index');
