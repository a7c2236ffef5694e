import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // onnxruntime-node and discord.js are happier in child processes than in worker threads.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Never reach for a real model or the network from tests.
    env: { ALLOW_REMOTE_MODELS: 'false', LOG_LEVEL: 'silent' },
  },
});
