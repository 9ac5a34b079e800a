import { CLAIM_TEXTS_ONLY, type LeftOutCode } from './left-out-codes';

/**
 * Every format Counterpoint reads or writes, with what menus, the CLI and import detection need
 * to know about it: its name, how its files are named, its media type, what it can do. This is
 * the one place a format is declared: `FormatId` is derived from it, the import panel's format
 * list and file filter, the export menu, the CLI's `--from`/`--to` and detection by file name
 * all read it, and the codec registry (`index.ts`) must give every id here a codec (the
 * compiler says so when one is missing).
 *
 * It is kept apart from the codecs so a page can list the formats without loading their readers
 * and writers (YAML, Argdown…), which load when a file is actually read or written.
 */
export interface FormatEntry {
	/** Name in English, for the CLI and messages from the core: "Argdown", "Kialo text export". */
	label: string;
	/** The message (messages/en.json, zh.json) that names the format in the UI's language. */
	nameKey: `format_${string}`;
	/** File name endings, without the dot, the first being the one written. */
	extensions: readonly [string, ...string[]];
	mediaType: string;
	/**
	 * Put between the debate's id and the ending of an exported file, so two formats sharing an
	 * ending are told apart by name: `.aif` gives `debate.aif.json`.
	 */
	fileSuffix: string;
	/** True when decode(encode(d)) gives back d exactly. */
	lossless: boolean;
	/**
	 * The parts of a debate the format has no place for: an export counts those the debate has
	 * and says so (export menu, CLI). A round-trip test holds every reader to this list.
	 */
	leavesOut: readonly LeftOutCode[];
	/** Whether Counterpoint reads (imports) and writes (exports) the format. */
	reads: boolean;
	writes: boolean;
}

/** Every format, in menu order. A new format is one entry here and one codec module. */
const ENTRIES = {
	yaml: {
		label: 'Counterpoint YAML',
		nameKey: 'format_yaml',
		extensions: ['yaml', 'yml'],
		mediaType: 'application/yaml',
		fileSuffix: '',
		lossless: true,
		leavesOut: [],
		reads: true,
		writes: true
	},
	json: {
		label: 'Counterpoint JSON',
		nameKey: 'format_json',
		extensions: ['json'],
		mediaType: 'application/json',
		fileSuffix: '',
		lossless: true,
		leavesOut: [],
		reads: true,
		writes: true
	},
	argdown: {
		label: 'Argdown',
		nameKey: 'format_argdown',
		extensions: ['argdown', 'ad'],
		mediaType: 'text/plain',
		fileSuffix: '',
		lossless: false,
		leavesOut: ['translations', 'contributors', 'poll'],
		reads: true,
		writes: true
	},
	kialo: {
		label: 'Kialo text export',
		nameKey: 'format_kialo',
		extensions: ['txt'],
		mediaType: 'text/plain',
		fileSuffix: '',
		lossless: false,
		leavesOut: [...CLAIM_TEXTS_ONLY, 'uncited_sources', 'source_details', 'undercuts'],
		reads: true,
		writes: true
	},
	aif: {
		label: 'AIF JSON (AIFdb, OVA3, xAIF)',
		nameKey: 'format_aif',
		extensions: ['json'],
		mediaType: 'application/json',
		fileSuffix: '.aif',
		lossless: false,
		// Evidence is written as I-nodes with their sources whole; a source no claim cites has no node.
		leavesOut: [...CLAIM_TEXTS_ONLY, 'uncited_sources'],
		reads: true,
		writes: true
	},
	graphml: {
		label: 'GraphML (yEd, Gephi, Cytoscape, NetworkX)',
		nameKey: 'format_graphml',
		extensions: ['graphml'],
		mediaType: 'application/graphml+xml',
		fileSuffix: '',
		lossless: false,
		leavesOut: [...CLAIM_TEXTS_ONLY.filter((c) => c !== 'questions'), 'evidence', 'sources'],
		reads: true,
		writes: true
	},
	markdown: {
		label: 'Markdown handout',
		nameKey: 'format_markdown',
		extensions: ['md'],
		mediaType: 'text/markdown',
		fileSuffix: '',
		lossless: false,
		leavesOut: [
			'translations',
			'titles',
			'details',
			'tags',
			'actors',
			'scores',
			'contributors',
			'tour',
			'poll'
		],
		reads: false,
		writes: true
	},
	csl: {
		label: 'Bibliography (CSL-JSON)',
		nameKey: 'format_csl',
		extensions: ['json'],
		mediaType: 'application/vnd.citationstyles.csl+json',
		fileSuffix: '.sources',
		lossless: false,
		leavesOut: ['claims'],
		reads: false,
		writes: true
	}
} as const satisfies Record<string, FormatEntry>;

/** The formats Counterpoint reads and writes: the keys of the catalog. */
export type FormatId = keyof typeof ENTRIES;

/** The message keys naming the formats; `i18n.ts` fails to compile if one is not a message. */
export type FormatNameKey = (typeof ENTRIES)[FormatId]['nameKey'];

export interface FormatInfo extends FormatEntry {
	id: FormatId;
	nameKey: FormatNameKey;
}

/** Every format by id, in menu order; `index.ts` pairs each with its codec. */
export const FORMATS = Object.fromEntries(
	Object.entries(ENTRIES).map(([id, entry]) => [id, { id, ...entry }])
) as { [K in FormatId]: (typeof ENTRIES)[K] & { id: K } };

export const FORMAT_LIST: readonly FormatInfo[] = Object.values(FORMATS);
export const READABLE = FORMAT_LIST.filter((f) => f.reads);
export const WRITABLE = FORMAT_LIST.filter((f) => f.writes);

/** Whether `id` names a format (a value from a command line, a URL, a stored record). */
export function isFormatId(id: string | undefined): id is FormatId {
	return id !== undefined && Object.prototype.hasOwnProperty.call(ENTRIES, id);
}

/** The exported file's name: `my-debate.aif.json`. */
export function exportFileName(debateId: string, format: FormatId): string {
	const f = FORMATS[format];
	return `${debateId}${f.fileSuffix}.${f.extensions[0]}`;
}

/** Every file ending Counterpoint reads, for a file chooser's `accept`: `.yaml,.yml,…`. */
export const READABLE_ACCEPT = [
	...new Set(READABLE.flatMap((f) => f.extensions.map((e) => `.${e}`)))
].join(',');

/** The codecs, loaded on first use (YAML, Argdown and the rest are not needed to show a map). */
export const loadCodecs = () => import('./index');
