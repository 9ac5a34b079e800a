import { route } from '$lib/server/class/route';
import { postOps } from '$lib/server/class/http';

/** Operations sent to the session (idempotent by id). */
export const POST = route(postOps);
