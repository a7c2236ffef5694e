/**
 * The compose file cannot be run here (no Docker engine), so what the README
 * says of it is checked from the file: the bot reaches its Postgres through
 * DATABASE_URL, and that Postgres has pgvector (so vector search runs there).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';

describe('docker-compose.yml', () => {
  it('given the compose file, then the bot points DATABASE_URL at the db service, whose image is Postgres with pgvector', async () => {
    const yml = await readFile(path.join(ROOT, 'docker-compose.yml'), 'utf8');
    expect(yml).toMatch(/DATABASE_URL: postgres:\/\/[^@\s]+@db:5432\//);
    expect(yml).toMatch(/\n {2}db:\n {4}image: pgvector\/pgvector:pg\d+/);
  });
});
