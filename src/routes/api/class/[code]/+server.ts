import { route } from '$lib/server/class/route';
import { deleteSession, sessionInfo } from '$lib/server/class/http';

/** The session as the person asking sees it. */
export const GET = route(sessionInfo);
/** The teacher deletes the session and everything in it. */
export const DELETE = route(deleteSession);
