export * from './diagnostic';
export {
	loadAuthoredDebate,
	loadDebate,
	type LoadOptions,
	type ValidateOptions,
	validateDebateData
} from './load';
export { MAX_ALIAS_COUNT, MAX_FILE_BYTES, readDebateText, type ReadText } from './read-text';
export { findLongLine, MAX_ARGDOWN_LINE_LENGTH, MAX_LINE_LENGTH, type LongLine } from './lines';
export { checkReferences, type CheckOptions } from './references';
export { missingLanguages } from './languages';
