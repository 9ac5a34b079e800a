/**
 * The worker behind off-thread.ts: reads, validates and stores imported debates away from the
 * page's main thread. It runs the very same functions the page would (imported.ts).
 */
import { importAndSave, listImported, loadImported } from './imported';
import type { Request } from './off-thread';

const run = (request: Request): Promise<unknown> => {
	switch (request.kind) {
		case 'import':
			return importAndSave(request.text, request.options, request.shippedIds);
		case 'load':
			return loadImported(request.id);
		case 'list':
			return listImported();
	}
};

self.onmessage = async (event: MessageEvent<{ n: number; request: Request }>) => {
	const { n, request } = event.data;
	try {
		self.postMessage({ n, value: await run(request) });
	} catch (e) {
		self.postMessage({ n, error: (e as Error)?.message ?? String(e) });
	}
};
