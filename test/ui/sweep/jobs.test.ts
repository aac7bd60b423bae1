// A queued job is untrusted input: every malformed job is refused with a reason, never a crash; a
// --queue URL's password never shows; rediss:// asks for TLS.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/ui/app/errors.js';
import { trialArgs, trialKey } from '../../../src/ui/app/sweep/params.js';
import { parseQueueUrl } from '../../../src/ui/app/sweep/queue/connection.js';
import { BadJob, readJob } from '../../../src/ui/app/sweep/queue/jobs.js';

const args = trialArgs({ trainSize: '500', epochs: '2' }, { eta: '0.5' }, 42);
const good = { v: 1, sweepId: 'abcdef012345', key: trialKey(args), trial: 3, args };

function reason(data: unknown): string {
  try {
    readJob(data);
  } catch (error) {
    if (error instanceof BadJob) return error.message;
    throw error;
  }
  return '(accepted)';
}

/** A job whose flags were changed, its key recomputed so only the flags are wrong. */
function withArgs(changed: Record<string, unknown>) {
  const next = { ...args, ...changed } as typeof args;
  return { ...good, args: next, key: trialKey(next) };
}

describe('a queued job', () => {
  it('is read back when well formed', () => {
    expect(readJob(JSON.parse(JSON.stringify(good)))).toEqual(good);
  });

  it.each([
    ['not an object', 'text', 'job data: not an object'],
    ['another version', { ...good, v: 2 }, 'job version: got 2; must be 1'],
    ['a bad sweep id', { ...good, sweepId: '../../etc' }, 'sweepId: must be 12 hexadecimal digits'],
    ['a bad key', { ...good, key: 'x' }, 'key: must be 16 hexadecimal digits'],
    ['a key of other flags', { ...good, key: '0123456789abcdef' }, 'key: does not match the job’s flags'],
    ['a file path', withArgs({ dataDir: '/etc' }), 'args.dataDir: not a hyper-parameter flag a job may carry'],
    ['a save path', withArgs({ save: '/root/x.json' }), 'args.save: not a hyper-parameter flag a job may carry'],
    ['a loaded network', withArgs({ load: '/etc/passwd' }), 'args.load: not a hyper-parameter flag a job may carry'],
    ['a number instead of text', withArgs({ eta: 0.5 }), 'args.eta: not a value of --eta'],
    ['a huge text', withArgs({ eta: '1'.repeat(100) }), 'args.eta: not a value of --eta'],
    ['a value train refuses', withArgs({ eta: '-1' }), '--eta: got -1; must be a number > 0'],
    ['too many weights', withArgs({ hidden: ['100000'] }), '--hidden: got 100000; must be layers with at most'],
    ['an extra field', { ...good, path: '/tmp' }, 'path: not a field of a trial job'],
    ['no seed', withArgs({ seed: undefined }), 'args.seed: not a short text'],
  ])('is refused with a reason: %s', (_, data, expected) => {
    expect(reason(data)).toContain(expected);
  });
});

describe('a --queue URL', () => {
  it('keeps its password out of what is shown, raw and URL-encoded', () => {
    const target = parseQueueUrl('redis://:s%40cret@127.0.0.1:6390/2');
    expect(target.options).toMatchObject({ host: '127.0.0.1', port: 6390, password: 's@cret', db: 2 });
    expect(target.shown).toBe('redis://:***@127.0.0.1:6390/2');
    expect(target.mask('auth s@cret failed, s%40cret')).toBe('auth *** failed, ***');
  });

  it('asks for TLS with rediss://', () => {
    const target = parseQueueUrl('rediss://user:pw@redis.example:6380');
    expect(target.options.tls).toEqual({ servername: 'redis.example' });
    expect(target.options.username).toBe('user');
    expect(target.shown).not.toContain('pw');
  });

  it.each(['http://h:1', 'redis://', 'not a url', 'redis://:topsecret@h:1/x'])('is refused in one line: %s', (url) => {
    let message = '';
    try {
      parseQueueUrl(url);
    } catch (error) {
      if (error instanceof UsageError) message = error.message;
    }
    expect(message).toMatch(/^--queue: got .*; must be redis:\/\//);
    expect(message).not.toContain('topsecret');
  });
});
