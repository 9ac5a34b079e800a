import { route } from '$lib/server/class/route';
import { createSession } from '$lib/server/class/http';

/** Starts a class session. */
export const POST = route(createSession);
