import { z } from './zod';
import { Debate } from './debate';

/** The debate format as JSON Schema (draft 2020-12), for editors. Generated, never hand-edited. */
export function debateJsonSchema(): Record<string, unknown> {
	return {
		...z.toJSONSchema(Debate, { io: 'input', unrepresentable: 'any' }),
		title: 'Counterpoint debate',
		description: 'One debate: a thesis, the claims for and against it, and their sources.'
	};
}
