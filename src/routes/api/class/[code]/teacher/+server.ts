import { route } from '$lib/server/class/route';
import { teacherSignIn } from '$lib/server/class/http';

/** The teacher's control link, opened on this device. */
export const POST = route(teacherSignIn);
