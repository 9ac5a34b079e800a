import { z } from 'zod';

// No eval-compiled validators: the app runs under a Content-Security-Policy without
// 'unsafe-eval'. Every module takes `z` from here, so this runs before any schema is built: zod
// decides at construction whether to compile a schema, probing `new Function` unless jitless,
// and a strict CSP reports that probe as a violation even though zod catches it.
z.config({ jitless: true });

export { z };
