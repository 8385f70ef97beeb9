import { ExportFormatError } from './export-error';
import type { ExportInput, ExportOptions } from './export-input';
import type { ExportFormat } from './formats';

export const MASK = '•'.repeat(16);

export type RenderedExport = { ok: true; text: string } | { ok: false; problem: string };

/** The format's text, or why it cannot be written; anything but an ExportFormatError is a bug. */
export function renderExport(
  format: ExportFormat,
  input: ExportInput,
  options?: ExportOptions,
): RenderedExport {
  try {
    return { ok: true, text: format.render(input, options) };
  } catch (error) {
    if (error instanceof ExportFormatError) return { ok: false, problem: error.message };
    throw error;
  }
}

/**
 * The same input with the access key id, secret access key and session token replaced by bullets:
 * masked as the credentials panel masks them.
 */
export function maskSecrets(input: ExportInput): ExportInput {
  return {
    ...input,
    credentials: {
      ...input.credentials,
      accessKeyId: MASK,
      secretAccessKey: MASK,
      sessionToken: MASK,
    },
  };
}
