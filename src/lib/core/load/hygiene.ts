import { codePointOf, firstNotText } from '../schema/characters';
import type { PlainIssue } from './zod-issues';

/**
 * Characters that have no business in a debate's text. Control characters (NUL, escape…) are
 * refused: they show as nothing or as garbage and can hide text. So are non-characters (U+FFFF…)
 * and halves of characters, which are not text and make an SVG export invalid XML. Direction
 * overrides are allowed but reported: they can make a claim display in a misleading order.
 * U+FFFD means the file was not valid UTF-8 and something was already replaced on reading.
 */
// Finding control characters is the point of this pattern.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/u;
const DIRECTION = /[\u202A-\u202E\u2066-\u2069]/u;
const REPLACEMENT = /\uFFFD/u;

/** Looks at every string in parsed data and reports the characters above, with their path. */
export function checkText(data: unknown): { errors: PlainIssue[]; warnings: PlainIssue[] } {
	const errors: PlainIssue[] = [];
	const warnings: PlainIssue[] = [];
	const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: data, path: [] }];
	while (stack.length > 0) {
		const { value, path } = stack.pop()!;
		if (typeof value === 'string') {
			const control = value.match(CONTROL);
			if (control)
				errors.push({
					path,
					message: `contains an invisible control character (${codePointOf(control[0])})`,
					hint: 'delete it; it is usually left over from copying text out of another program'
				});
			const notText = firstNotText(value);
			if (notText)
				errors.push(
					notText.length === 1 && notText >= '\ud800' && notText <= '\udfff'
						? {
								path,
								message: `contains half of a character (${codePointOf(notText)}): the text was cut inside an emoji or a rare character`,
								hint: 'type the character again, or delete it'
							}
						: {
								path,
								message: `contains a non-character (${codePointOf(notText)}), which is not text`,
								hint: 'delete it; no writing system uses it, and exports such as SVG cannot carry it'
							}
				);
			const direction = value.match(DIRECTION);
			if (direction)
				warnings.push({
					path,
					message: `contains a text-direction control (${codePointOf(direction[0])}) that can make it display in a misleading order`,
					hint: 'remove it unless the text really mixes right-to-left writing'
				});
			if (REPLACEMENT.test(value))
				warnings.push({
					path,
					message: 'contains "�": the file was not valid UTF-8 here and a character was lost',
					hint: 'save the file as UTF-8 and check this text'
				});
		} else if (Array.isArray(value)) {
			value.forEach((v, i) => stack.push({ value: v, path: [...path, i] }));
		} else if (value && typeof value === 'object') {
			for (const [k, v] of Object.entries(value)) stack.push({ value: v, path: [...path, k] });
		}
	}
	// Reported in document order, not stack order.
	const order = (a: PlainIssue, b: PlainIssue) =>
		String(a.path).localeCompare(String(b.path), 'en', { numeric: true });
	return { errors: errors.sort(order), warnings: warnings.sort(order) };
}
