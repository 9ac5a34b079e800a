/** Path of a Chromium executable (CHROMIUM_PATH or Debian's), if one is installed. */
export function chromiumPath(): string | undefined;
