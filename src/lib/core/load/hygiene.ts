import type { PlainIssue } from './zod-issues';

/**
 * Characters that have no business in a debate's text. Control characters (NUL, escape…) are
 * refused: they show as nothing or as garbage and can hide text. Direction overrides are
 * allowed but reported: they can make a claim display in a misleading order. U+FFFD means the
 * file was not valid UTF-8 and something was already replaced on reading.
 */
// Finding control characters is the point of this pattern.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/u;
const DIRECTION = /[\u202A-\u202E\u2066-\u2069]/u;
const REPLACEMENT = /\uFFFD/u;

const codePoint = (ch: string) =>
	`U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

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
					message: `contains an invisible control character (${codePoint(control[0])})`,
					hint: 'delete it; it is usually left over from copying text out of another program'
				});
			const direction = value.match(DIRECTION);
			if (direction)
				warnings.push({
					path,
					message: `contains a text-direction control (${codePoint(direction[0])}) that can make it display in a misleading order`,
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
