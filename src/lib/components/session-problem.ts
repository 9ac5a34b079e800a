import { SessionError } from '$lib/state/session-remote';
import { t } from './i18n';

/**
 * What went wrong with a class-session request, in the reader's language (worded when shown, so
 * it follows a switch of language): the server could not be reached; this copy is static and
 * has no server (a 404 without the server's message); or the server's own message, inside
 * `failed` ("Could not join: …").
 */
export function sessionProblem(
	e: unknown,
	failed: (words: { error: string }) => string
): () => string {
	const error = e instanceof SessionError ? e : new SessionError(0, '');
	if (error.status === 0) return () => t.class_unreachable();
	if (error.status === 404 && !error.message) return () => t.class_static();
	const words = { error: error.message || String(error.status) };
	return () => failed(words);
}
