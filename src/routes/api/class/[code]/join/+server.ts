import { route } from '$lib/server/class/route';
import { joinSession } from '$lib/server/class/http';

/** A student joins with a display name. */
export const POST = route(joinSession);
