export * from './diagnostic';
export {
	loadAuthoredDebate,
	loadDebate,
	MAX_ALIAS_COUNT,
	MAX_FILE_BYTES,
	type LoadOptions,
	type ValidateOptions,
	validateDebateData
} from './load';
export { findLongLine, MAX_ARGDOWN_LINE_LENGTH, MAX_LINE_LENGTH, type LongLine } from './lines';
export { checkReferences, type CheckOptions } from './references';
export { missingLanguages } from './languages';
