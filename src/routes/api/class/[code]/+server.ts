import { route } from '$lib/server/class/route';
import { deleteSession, sessionAlive, sessionInfo } from '$lib/server/class/http';

/** The session as the person asking sees it. */
export const GET = route(sessionInfo);
/** Whether the session is still open to the person asking (no body: a cheap check). */
export const HEAD = route(sessionAlive);
/** The teacher deletes the session and everything in it. */
export const DELETE = route(deleteSession);
