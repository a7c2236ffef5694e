/**
 * `npm run ask -- --json --session NAME` keeps a named conversation across
 * processes (in the embedded state database): the follow-up in a second
 * process is resolved against the turn asked in the first.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/paths.js';
import { npmRun } from '../helpers/spawn.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
let env: Record<string, string>;
beforeAll(async () => {
  tmp = await tempDir();
  env = { INDEX_DIR: path.join(tmp.dir, 'index'), STATE_DIR: path.join(tmp.dir, 'state'), EMBEDDING_MODEL: 'none', LOG_LEVEL: 'warn' };
});
afterAll(() => tmp.cleanup());

const lead = (stdout: string) => (JSON.parse(stdout) as { answer: string }).answer.split('\n')[0]!;

describe('npm run ask --session', () => {
  it('given a question asked in one process, when a follow-up with "he" is asked in another under the same session, then it is resolved to the earlier speaker; without the session it is not', async () => {
    const first = await npmRun('ask', ['--json', '--session', 'work', 'What did Annan tell the Council?'], { env, timeoutMs: 180_000 });
    expect(first.code).toBe(0);
    const follow = await npmRun('ask', ['--json', '--session', 'work', 'And what did he tell the regional organizations?'], { env, timeoutMs: 180_000 });
    expect(follow.code).toBe(0);
    expect(lead(follow.stdout)).toMatch(/Kofi Annan/);
    const alone = await npmRun('ask', ['--json', 'And what did he tell the regional organizations?'], { env, timeoutMs: 180_000 });
    expect(alone.code).toBe(0);
    expect(lead(alone.stdout)).not.toMatch(/Annan/);
    // Another session name is another conversation.
    const other = await npmRun('ask', ['--json', '--session', 'other', 'And what did he tell the regional organizations?'], { env, timeoutMs: 180_000 });
    expect(lead(other.stdout)).not.toMatch(/Annan/);
  }, 600_000);

  it('given a bad session name, then one clear line and exit 1', async () => {
    const r = await npmRun('ask', ['--json', '--session', '../etc', 'hello'], { env, timeoutMs: 180_000 });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--session takes a name/);
  }, 200_000);
});
