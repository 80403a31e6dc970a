/** Inputs over this many bytes are refused before they are decoded: 25 MiB. */
export const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;
