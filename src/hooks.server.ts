import { building } from '$app/environment';
import { classApp, closeClassApp } from '$lib/server/class/app';

/**
 * The server opens its database when it starts (applying migrations), so a problem shows in the
 * log at once rather than at the first student's request. Not while building: the build only
 * prerenders pages. A database that cannot be reached is tried again on the next request.
 */
export async function init() {
	if (building) return;
	classApp().catch((e: Error) =>
		console.error(`Class sessions are unavailable until the database can be opened: ${e.message}`)
	);
	process.once('sveltekit:shutdown', () => void closeClassApp());
}
