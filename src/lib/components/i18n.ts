import { FORMATS, isFormatId, READABLE, type FormatNameKey } from '$lib/core/formats/catalog';
import type { LeftOut, LeftOutCode } from '$lib/core/formats/left-out';
import { m } from '$lib/paraglide/messages.js';
import { uiLanguage, type UiLang } from '$lib/state/ui-language.svelte';

/** Every UI message (messages/en.json, messages/zh.json), compiled by Paraglide. */
export type Messages = typeof m;
type Message = (inputs?: object, options?: { locale?: UiLang }) => string;

/**
 * The messages in the current UI language: `t.tools_panel()`, `t.link_ignored({ parts })`.
 * Each call passes the language explicitly, read from the shared language rune (the same one
 * `view.lang` is), so markup that calls it re-renders when the reader switches EN / 中文.
 * A call may still name a language: `t.thesis({}, { locale: 'zh' })`.
 */
export const t = new Proxy({} as Messages, {
	get(_, key) {
		const message = (m as unknown as Record<string | symbol, Message | undefined>)[key];
		if (!message) return undefined;
		return (inputs: object = {}, options?: { locale?: UiLang }) =>
			message(inputs, { locale: options?.locale ?? uiLanguage.current });
	}
});

/** The message for `count`: English says "1 claim" but "2 claims"; Chinese has one form. */
export function plural(
	count: number,
	one: (inputs: { count: number }) => string,
	other: (inputs: { count: number }) => string
): string {
	return (count === 1 ? one : other)({ count });
}

/** "a, b, c" in English, "a、b、c" in Chinese. */
export function listOf(items: readonly string[]): string {
	return items.join(t.list_separator());
}

/** A piece of a message with markup: `<b>…</b>` and `<kbd>…</kbd>` are the only tags used. */
export interface RichPart {
	text: string;
	tag?: 'b' | 'kbd';
}

/**
 * An interface language named in the current one: "Chinese" / "中文". Each language's message is
 * `language_<code>`; a language without one does not compile here.
 */
export function languageName(lang: UiLang): string {
	const key: `language_${UiLang}` & keyof Messages = `language_${lang}`;
	return t[key]();
}

/** Splits a message into plain text and tagged parts, rendered as elements: never as raw HTML. */
export function richParts(message: string): RichPart[] {
	const parts: RichPart[] = [];
	const re = /<(b|kbd)>(.*?)<\/\1>/g;
	let last = 0;
	for (let match = re.exec(message); match; match = re.exec(message)) {
		if (match.index > last) parts.push({ text: message.slice(last, match.index) });
		parts.push({ text: match[2]!, tag: match[1] as 'b' | 'kbd' });
		last = re.lastIndex;
	}
	if (last < message.length) parts.push({ text: message.slice(last) });
	return parts;
}

/**
 * A format's name in menus, in the UI language, from the message its catalog entry names (a
 * catalog entry whose `nameKey` is not a message does not compile here); `fallback` when the
 * format is unknown (an old stored import).
 */
export function formatName(id: string | undefined, fallback: string): string {
	if (!isFormatId(id)) return fallback;
	const key: FormatNameKey = FORMATS[id].nameKey;
	return t[key]();
}

/** The names of the formats Counterpoint reads, as a list in the UI language. */
export function readableFormatNames(): string {
	return listOf(READABLE.map((f) => formatName(f.id, f.label)));
}

/**
 * A part an export left out, in the UI language: "claim notes (12)". Each code's message is
 * `export_left_<code>`; a code without one does not compile here.
 */
export function leftOutWords(l: LeftOut): string {
	const key: `export_left_${LeftOutCode}` & keyof Messages = `export_left_${l.code}`;
	return t[key]({ count: l.count });
}

/** A piece of a message with claims in it: plain text, or the named slot a link goes in. */
export interface SlotPart {
	text: string;
	slot?: string;
}

/**
 * A placeholder value that marks where a slot goes: `t.why_falls({ claim: slot('claim') })`.
 * NUL never occurs in a message, so the split is unambiguous.
 */
export const slot = (name: string) => `\u0000${name}\u0000`;

/** Splits a message filled with {@link slot} values into text and slots, in the message's order. */
export function slotParts(message: string): SlotPart[] {
	return message
		.split('\u0000')
		.map((text, i) => (i % 2 === 1 ? { text: '', slot: text } : { text }))
		.filter((p) => p.slot !== undefined || p.text !== '');
}
