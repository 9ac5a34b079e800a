import type { RequestEvent } from '@sveltejs/kit';
import { classApp, type ClassApp } from './app';
import { respond, type Ctx } from './http';

/** A SvelteKit request handler from one of `http.ts`'s, on this process's class server. */
export function route(handler: (app: ClassApp, ctx: Ctx) => Promise<Response>) {
	return (event: RequestEvent) =>
		respond(async () =>
			handler(await classApp(), {
				request: event.request,
				url: event.url,
				code: event.params.code,
				address: event.getClientAddress()
			})
		);
}
