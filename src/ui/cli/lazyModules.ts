// Optional parts of the UI, imported only when used: the dashboard (Ink) and the commands other
// modules provide. A module whose file does not exist yields undefined, never a crash.
import { fileURLToPath } from 'node:url';

function isMissingModule(error: unknown, url: URL): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  // Only the module itself missing counts; a missing dependency inside it is a real error.
  return code === 'ERR_MODULE_NOT_FOUND' && String((error as Error).message).includes(fileURLToPath(url));
}

/** Imports `specifier` (relative to src/ui/cli/); undefined when that file does not exist. */
export async function importOptional<T>(specifier: string): Promise<T | undefined> {
  const url = new URL(specifier, import.meta.url);
  try {
    return (await import(url.href)) as T;
  } catch (error) {
    if (isMissingModule(error, url)) return undefined;
    throw error;
  }
}
