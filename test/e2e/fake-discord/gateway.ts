/**
 * The fake gateway: a WebSocket server speaking Discord's gateway protocol (v10, JSON encoding,
 * optional zlib-stream transport compression) closely enough for @discordjs/ws 1.x:
 * HELLO → IDENTIFY → READY (+ GUILD_CREATE per guild), heartbeats, RESUME with replay, and
 * intent-filtered dispatches (MESSAGE_CREATE needs GuildMessages/DirectMessages; without the
 * MessageContent intent a guild message's content is blanked unless it mentions the bot).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import { WebSocketServer, WebSocket } from 'ws';

/** Gateway intents the fake interprets. */
export const Intent = { Guilds: 1 << 0, GuildMessages: 1 << 9, DirectMessages: 1 << 12, MessageContent: 1 << 15 } as const;

/** A frame as it travels on the wire. */
export interface GatewayFrame { op: number; d: any; s: number | null; t: string | null }
/** One line of the gateway log: what the client sent ('in') or the fake sent ('out'). */
/** `shard`: what an IDENTIFY asked for (in), or the shard of the session a frame went to (out). */
export interface GatewayLogEntry { dir: 'in' | 'out'; op: number; t: string | null; s: number | null; at: number; shard?: [number, number] }

interface Connection { ws: WebSocket; session: Session | null; send(frame: GatewayFrame): void }
interface Session { id: string; intents: number; seq: number; buffer: GatewayFrame[]; conn: Connection | null; shard: [number, number] | null }

export interface GatewayDeps {
  /** Build the READY `d` for a new session (without session_id / resume_gateway_url, filled here). */
  readyPayload(): Record<string, unknown>;
  /** GUILD_CREATE payloads sent after READY. */
  guildCreates(): Record<string, unknown>[];
  botId: string;
  /** When set, IDENTIFY/RESUME with another token is closed with 4004 Authentication failed. */
  token?: string;
  heartbeatIntervalMs: number;
  /** URL the client should resume at (Discord's resume_gateway_url). */
  url(): string;
}

/** Close codes after which Discord invalidates the session (a normal close ends it). */
const SESSION_ENDING_CLOSE_CODES = new Set([1000, 1001]);
const MAX_BUFFERED = 1000;

/**
 * Create the gateway. Wire `handleUpgrade` to the HTTP server's 'upgrade' event.
 * @example const gw = createGateway(deps); server.on('upgrade', gw.handleUpgrade);
 */
export function createGateway(deps: GatewayDeps) {
  const wss = new WebSocketServer({ noServer: true });
  const sessions = new Map<string, Session>();
  const log: GatewayLogEntry[] = [];
  const sessionWaiters: (() => void)[] = [];

  function connect(ws: WebSocket, req: IncomingMessage): void {
    const query = new URL(req.url ?? '/', 'http://x').searchParams;
    let send = (frame: GatewayFrame) => ws.send(JSON.stringify(frame));
    if (query.get('compress') === 'zlib-stream') {
      // One zlib context for the whole connection; each frame ends with a Z_SYNC_FLUSH (…00 00 ff ff).
      const deflate = zlib.createDeflate();
      const chunks: Buffer[] = [];
      deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
      send = (frame) => {
        deflate.write(JSON.stringify(frame));
        deflate.flush(zlib.constants.Z_SYNC_FLUSH, () => {
          if (ws.readyState === WebSocket.OPEN) ws.send(Buffer.concat(chunks.splice(0)));
        });
      };
    }
    const conn: Connection = {
      ws, session: null,
      send(frame) {
        log.push({ dir: 'out', op: frame.op, t: frame.t, s: frame.s, at: Date.now(), ...(conn.session?.shard ? { shard: conn.session.shard } : {}) });
        if (ws.readyState === WebSocket.OPEN) send(frame);
      },
    };
    conn.send({ op: 10, d: { heartbeat_interval: deps.heartbeatIntervalMs, _trace: ['fake-discord'] }, s: null, t: null });
    ws.on('message', (raw) => onFrame(conn, raw.toString()));
    ws.on('close', (code) => {
      const session = conn.session;
      if (session?.conn !== conn) return;
      session.conn = null;
      if (SESSION_ENDING_CLOSE_CODES.has(code)) sessions.delete(session.id);
    });
  }

  function onFrame(conn: Connection, text: string): void {
    let frame: GatewayFrame;
    try {
      frame = JSON.parse(text);
    } catch {
      conn.ws.close(4002, 'Error while decoding payload.');
      return;
    }
    const shard = frame.op === 2 && Array.isArray((frame.d as any)?.shard) ? ((frame.d as any).shard as [number, number]) : undefined;
    log.push({ dir: 'in', op: frame.op, t: null, s: null, at: Date.now(), ...(shard ? { shard } : {}) });
    switch (frame.op) {
      case 1: // Heartbeat
        conn.send({ op: 11, d: null, s: null, t: null });
        return;
      case 2: // Identify
        return identify(conn, frame.d);
      case 6: // Resume
        return resume(conn, frame.d);
      case 3: case 4: case 8: // presence, voice state, request guild members: accepted, no reply
        if (!conn.session) conn.ws.close(4003, 'Not authenticated.');
        return;
      default:
        conn.ws.close(4001, 'Unknown opcode.');
    }
  }

  function identify(conn: Connection, d: any): void {
    if (conn.session) return conn.ws.close(4005, 'Already authenticated.');
    if (deps.token !== undefined && d?.token !== deps.token) return conn.ws.close(4004, 'Authentication failed.');
    const shard = Array.isArray(d?.shard) && d.shard.length === 2 ? ([Number(d.shard[0]), Number(d.shard[1])] as [number, number]) : null;
    if (shard && !(shard[1] >= 1 && shard[0] >= 0 && shard[0] < shard[1])) return conn.ws.close(4010, 'Invalid shard.');
    const session: Session = { id: randomBytes(16).toString('hex'), intents: Number(d?.intents ?? 0), seq: 0, buffer: [], conn, shard };
    conn.session = session;
    sessions.set(session.id, session);
    deliver(session, 'READY', { ...deps.readyPayload(), session_id: session.id, resume_gateway_url: deps.url() });
    for (const guild of deps.guildCreates()) deliver(session, 'GUILD_CREATE', guild);
    sessionWaiters.splice(0).forEach((wake) => wake());
  }

  function resume(conn: Connection, d: any): void {
    if (deps.token !== undefined && d?.token !== deps.token) return conn.ws.close(4004, 'Authentication failed.');
    const session = sessions.get(d?.session_id);
    if (!session || (session.conn && session.conn !== conn)) {
      conn.send({ op: 9, d: false, s: null, t: null }); // Invalid Session, not resumable: the client identifies anew
      return;
    }
    session.conn = conn;
    conn.session = session;
    for (const frame of session.buffer) if (frame.s! > Number(d.seq ?? 0)) conn.send(frame);
    deliver(session, 'RESUMED', { _trace: ['fake-discord'] });
  }

  /** Whether `session` would receive event `t` with data `d`, and in what form (intents). */
  function shape(session: Session, t: string, d: any): any {
    const has = (bit: number) => (session.intents & bit) !== 0;
    if (t === 'MESSAGE_CREATE' || t === 'MESSAGE_UPDATE' || t === 'MESSAGE_DELETE') {
      const inGuild = d.guild_id !== undefined;
      if (!has(inGuild ? Intent.GuildMessages : Intent.DirectMessages)) return undefined;
      const privileged = !inGuild || has(Intent.MessageContent) || d.author?.id === deps.botId ||
        (d.mentions ?? []).some((u: any) => u.id === deps.botId);
      if (!privileged && t !== 'MESSAGE_DELETE') return { ...d, content: '', embeds: [], attachments: [], components: [], poll: undefined };
    }
    if ((t.startsWith('THREAD_') || t.startsWith('CHANNEL_')) && !has(Intent.Guilds)) return undefined;
    return d;
  }

  /**
   * Discord's routing: a guild's events go to shard (guild_id >> 22) % num_shards;
   * DMs go to shard 0. An unsharded session gets everything.
   */
  function routedTo(session: Session, t: string, d: any): boolean {
    if (!session.shard) return true;
    const [id, count] = session.shard;
    const guildId: string | undefined = d?.guild_id ?? (t === 'GUILD_CREATE' ? d?.id : undefined);
    if (guildId === undefined) return t === 'READY' || t === 'RESUMED' || id === 0;
    return Number((BigInt(guildId) >> 22n) % BigInt(count)) === id;
  }

  function deliver(session: Session, t: string, d: any): void {
    if (!routedTo(session, t, d)) return;
    const shaped = shape(session, t, d);
    if (shaped === undefined) return;
    const frame: GatewayFrame = { op: 0, t, s: ++session.seq, d: shaped };
    session.buffer.push(frame);
    if (session.buffer.length > MAX_BUFFERED) session.buffer.shift();
    session.conn?.send(frame);
  }

  return {
    log,
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
      wss.handleUpgrade(req, socket, head, (ws) => connect(ws, req));
    },
    /** Send dispatch `t` to every session (buffered for sessions that are disconnected but resumable). */
    dispatch(t: string, d: unknown): void {
      for (const session of sessions.values()) deliver(session, t, d);
    },
    /** Resolve once at least one session exists (identified, possibly disconnected awaiting resume). */
    waitForSession(timeoutMs = 5000): Promise<void> {
      if (sessions.size > 0) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(
          `fake Discord: no gateway session after ${timeoutMs} ms — did the client call login() with rest.api set to the fake's restUrl?`,
        )), timeoutMs);
        sessionWaiters.push(() => { clearTimeout(timer); resolve(); });
      });
    },
    /** Number of live connections with an identified session. */
    connectedCount(): number {
      return [...sessions.values()].filter((s) => s.conn).length;
    },
    /** Close every connection with `code` (1006 = drop without a close frame). Sessions stay resumable unless 1000/1001. */
    disconnect(code = 4000): void {
      for (const ws of wss.clients) {
        if (code === 1006) ws.terminate();
        else ws.close(code, 'fake Discord: disconnect requested');
      }
    },
    /** Send op 7 RECONNECT (Discord asks the client to reconnect and resume). */
    requestReconnect(): void {
      for (const session of sessions.values()) session.conn?.send({ op: 7, d: null, s: null, t: null });
    },
    close(): Promise<void> {
      for (const ws of wss.clients) ws.terminate();
      sessions.clear();
      return new Promise((resolve) => wss.close(() => resolve()));
    },
  };
}

export type FakeGateway = ReturnType<typeof createGateway>;
