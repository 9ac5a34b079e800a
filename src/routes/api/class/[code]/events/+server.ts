import { route } from '$lib/server/class/route';
import { streamEvents } from '$lib/server/class/http';

/** The session's events as server-sent events. */
export const GET = route(streamEvents);
