/**
 * A class session's join code: six characters a teacher reads out and a student types on a
 * phone. The alphabet leaves out what is easily misread or mistyped (0/O, 1/I/L), and codes are
 * upper case; what a student types is normalised first (case, spaces, dashes).
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 6;

const VALID = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/** The code as typed → the code, or undefined if it cannot be one. */
export function normaliseCode(typed: string): string | undefined {
	if (typed.length > 40) return undefined;
	const code = typed.toUpperCase().replace(/[\s-]/g, '');
	return VALID.test(code) ? code : undefined;
}

/** A code from `random(n)` (uniform in 0…n-1), one character per draw. */
export function makeCode(random: (n: number) => number): string {
	let code = '';
	for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[random(CODE_ALPHABET.length)];
	return code;
}
