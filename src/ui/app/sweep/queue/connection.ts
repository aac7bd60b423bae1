// A --queue URL (redis://[USER][:PASSWORD@]HOST[:PORT][/DB], rediss:// for TLS) as Redis connection
// options, the same URL for people with its password masked, and a first connection that fails in
// one line within 5 seconds. A password never appears in anything netdash prints or records.
import { Redis, type RedisOptions } from 'ioredis';
import { UsageError, firstLine } from '../../errors.js';

/** BullMQ's queue of trials, under netdash's own key prefix. */
export const QUEUE_NAME = 'trials';
export const KEY_PREFIX = 'netdash';
/** How long a sweep or a worker waits for Redis at start. */
export const CONNECT_TIMEOUT_MS = 4000;

export interface QueueTarget {
  options: RedisOptions;
  /** The URL as shown: the password replaced by ***. */
  shown: string;
  /** Replaces the password (raw and URL-encoded) wherever it appears in a text. */
  mask(text: string): string;
}

const MASK = '***';

export function parseQueueUrl(text: string): QueueTarget {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  const rawPassword = url?.password ?? '';
  const password = rawPassword ? decodeURIComponent(rawPassword) : '';
  const mask = (value: string) => {
    let masked = value;
    for (const secret of [rawPassword, password]) if (secret) masked = masked.split(secret).join(MASK);
    return masked;
  };
  const allowed = 'redis://[:PASSWORD@]HOST:PORT[/DB] or rediss://… (TLS)';
  const db = url ? url.pathname.replace(/^\//, '') : '';
  const port = url?.port ? Number(url.port) : 6379;
  if (!url || !['redis:', 'rediss:'].includes(url.protocol) || !url.hostname || !/^\d{0,2}$/.test(db) || url.search || url.hash) {
    throw new UsageError(`--queue: got ${mask(text)}; must be ${allowed}`);
  }
  if (url.password) url.password = MASK;
  const options: RedisOptions = {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port,
    ...(url.username && { username: decodeURIComponent(url.username) }),
    ...(password && { password }),
    ...(db && { db: Number(db) }),
    ...(url.protocol === 'rediss:' && { tls: { servername: url.hostname } }),
    connectTimeout: CONNECT_TIMEOUT_MS,
  };
  return { options, shown: url.toString(), mask };
}

/** Connects once and pings: unreachable, refused or a wrong password is one line (exit 2), within 5 s. */
export async function checkReachable(target: QueueTarget): Promise<void> {
  const client = new Redis({
    ...target.options,
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
    // A refused socket never closes again: do not keep the process 2 s for it.
    disconnectTimeout: 100,
  });
  let lastError: unknown;
  client.on('error', (error) => (lastError = error));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CONNECT_TIMEOUT_MS / 1000} s`)), CONNECT_TIMEOUT_MS + 500);
  });
  try {
    await Promise.race([client.connect().then(() => client.ping()), timeout]);
  } catch (error) {
    const reason = target.mask(firstLine(lastError ?? error));
    throw new UsageError(
      `--queue: cannot use Redis at ${target.shown} (${reason}); is redis-server running there and the password right?`,
    );
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}

/** The Redis key of a sweep's results: one field per trial key, written once (HSETNX). */
export function resultsKey(sweepId: string): string {
  return `${KEY_PREFIX}:sweep:${sweepId}:results`;
}

/** Results are kept for 30 days after the last trial finished. */
export const RESULTS_TTL_SECONDS = 30 * 24 * 3600;
