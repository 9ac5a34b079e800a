/** Path of a Chromium executable (CHROMIUM_PATH or Debian's), if one is installed. */
export function chromiumPath(): string | undefined;
/** Flags for headless Debian Chromium on this kind of machine. */
export const CHROMIUM_ARGS: string[];
