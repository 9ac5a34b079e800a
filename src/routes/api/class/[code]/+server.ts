import { route } from '$lib/server/class/route';
import { sessionInfo } from '$lib/server/class/http';

/** The session as the person asking sees it. */
export const GET = route(sessionInfo);
