// One error type for the whole data layer, so callers print a single line instead of a raw
// ENOENT, RangeError or zlib stack.

/** A data-layer failure; `message` is one line: `<file>: <what is wrong and what was expected>`. */
export class DataError extends Error {
  /** The file or folder at fault, or a pseudo-name such as '(split)' for option errors. */
  readonly file: string;

  constructor(file: string, problem: string, options?: { cause?: unknown }) {
    // Newlines from wrapped errors would break the one-line contract.
    super(`${file}: ${problem.replace(/\s*\n\s*/g, ' ')}`, options);
    this.name = 'DataError';
    this.file = file;
  }
}

/** The `code` of a Node system error (ENOENT, EACCES, …), if any. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/** A short human reason for a file-system error, for use after "cannot read" / "cannot write". */
export function describeFsError(error: unknown): string {
  switch (errorCode(error)) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder, expected a file';
    case 'ENOTDIR':
      return 'a parent path is not a folder';
    case 'ENOSPC':
      return 'no space left on device';
    case 'EROFS':
      return 'read-only file system';
    default: {
      const code = errorCode(error);
      const text = error instanceof Error ? error.message : String(error);
      return code ? `${code}: ${text}` : text;
    }
  }
}
