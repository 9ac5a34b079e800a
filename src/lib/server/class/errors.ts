/** A request the class server refuses: its status, a message for the person, extra headers. */
export class ClassError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly headers: Record<string, string> = {}
	) {
		super(message);
		this.name = 'ClassError';
	}
}

/**
 * The one answer for a code that names no open session, whether it never existed, has ended or
 * has expired: the answer does not tell which codes were ever used.
 */
export const NOT_OPEN =
	'There is no open class session with this code: check the code with your teacher.';
export const notOpen = () => new ClassError(404, NOT_OPEN);
