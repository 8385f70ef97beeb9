/** Timestamps as AWS writes them: ISO 8601 UTC, whole seconds, trailing `Z`. */
export function isoSeconds(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
