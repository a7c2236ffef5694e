/**
 * Sharding: past 2,500 servers Discord requires a bot to split its gateway
 * connections into shards. `SHARDS=auto|N` makes `npm start` a manager that
 * runs discord.js's own `ShardingManager`: one process per shard, each the
 * same bot (`src/cli/start.ts`) with discord.js's SHARDS/SHARD_COUNT in its
 * environment, respawned when it dies. Shards share conversations and
 * feedback through `DATABASE_URL` (the embedded database is one process's),
 * and may share a REST proxy through `DISCORD_API_URL`.
 *
 * `auto` asks Discord's `GET /gateway/bot` (through `DISCORD_API_URL` when set)
 * for the recommended count.
 */
import { REST, Routes, ShardingManager } from 'discord.js';
import type { Config } from '../config.js';
import { UserError } from '../errors.js';
import type { Logger } from '../log.js';

export interface ShardManagerHandle {
  readonly totalShards: number;
  stop(): Promise<void>;
}

/** Discord's recommended shard count for this token. */
export async function recommendedShards(config: Pick<Config, 'DISCORD_TOKEN' | 'DISCORD_API_URL'>): Promise<number> {
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(config.DISCORD_TOKEN!);
  const { shards } = (await rest.get(Routes.gatewayBot())) as { shards: number };
  if (!Number.isInteger(shards) || shards < 1) throw new Error(`Discord recommended ${shards} shards`);
  return shards;
}

/**
 * Spawn one process per shard running `file` (the entry point that is running now),
 * and keep them alive. Resolves once every shard is ready.
 */
export async function startShardManager(opts: { config: Config; logger: Logger; file: string; execArgv?: string[] }): Promise<ShardManagerHandle> {
  const { config } = opts;
  const logger = opts.logger.child({ component: 'shards' });
  if (!config.DISCORD_TOKEN) throw new UserError('SHARDS needs DISCORD_TOKEN.');
  if (!config.DATABASE_URL) {
    throw new UserError('SHARDS runs one process per shard, and they must share conversations: set DATABASE_URL to a Postgres server (the embedded database belongs to one process).', { code: 'config' });
  }
  let total: number;
  try {
    total = config.SHARDS === 'auto' ? await recommendedShards(config) : config.SHARDS!;
  } catch (cause) {
    throw new UserError(`Could not ask Discord how many shards to run: ${(cause as Error)?.message ?? cause}`, { cause, code: 'login_failed' });
  }
  const manager = new ShardingManager(opts.file, {
    token: config.DISCORD_TOKEN,
    totalShards: total,
    mode: 'process',
    respawn: true,
    execArgv: opts.execArgv ?? [],
  });
  manager.on('shardCreate', (shard) => {
    logger.info({ shard: shard.id, of: total }, 'shard launched');
    shard.on('error', (e) => logger.error({ shard: shard.id, err: e }, 'shard error'));
    shard.on('death', (child) => logger.warn({ shard: shard.id, exitCode: 'exitCode' in child ? child.exitCode : undefined }, 'shard process exited; respawning'));
  });
  logger.info({ shards: total }, 'starting shards');
  try {
    await manager.spawn({ amount: total, delay: 0, timeout: 180_000 });
  } catch (cause) {
    manager.respawn = false;
    for (const shard of manager.shards.values()) shard.kill();
    throw new UserError(`A shard could not start: ${(cause as Error)?.message ?? cause} (its own error is logged above)`, { cause, code: 'shard_failed' });
  }
  return {
    totalShards: total,
    async stop() {
      manager.respawn = false;
      const exits = [...manager.shards.values()].map(
        (shard) =>
          new Promise<void>((resolve) => {
            const child = shard.process;
            if (!child || child.exitCode !== null) return resolve();
            const timer = setTimeout(() => {
              child.kill('SIGKILL');
              resolve();
            }, 15_000);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            // SIGTERM lets each bot finish, log out and exit 0 (see start.ts).
            child.kill('SIGTERM');
          }),
      );
      await Promise.all(exits);
    },
  };
}
