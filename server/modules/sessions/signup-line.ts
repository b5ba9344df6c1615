import type { Database } from '../../db/database';
import { type NewParty, type PartyOutcome, placeNewParties } from './seat-ledger';

/**
 * Sign-ups for one session are served in turns, a batch per turn. When a session is announced, most
 * of its members tap 报名 within seconds; each commit waits for the disk (an fsync, 2-3 ms here)
 * while holding the session's lock, so one transaction per sign-up would serve them one fsync
 * apart. Instead, while a turn holds the lock, the requests that arrive wait in this process's line;
 * the next turn takes all of them (up to `turnMax`), in arrival order, in one transaction: one lock,
 * one commit for the lot. A lone sign-up is a turn of one, served at once.
 *
 * Each process has its own lines; turns of different processes queue on the session row's lock, as
 * single sign-ups did. A turn that fails (the database away) fails every sign-up in it, and nothing
 * of it is written.
 */
const turnMax = 100;

interface Waiting {
  party: NewParty;
  resolve(outcome: PartyOutcome): void;
  reject(error: unknown): void;
}

class SessionLine {
  private readonly waiting: Waiting[] = [];
  private serving = false;

  constructor(
    private readonly db: Database,
    private readonly sessionId: string,
    private readonly whenIdle: () => void,
  ) {}

  join(party: NewParty): Promise<PartyOutcome> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ party, resolve, reject });
      if (!this.serving) void this.serve();
    });
  }

  private async serve(): Promise<void> {
    this.serving = true;
    while (this.waiting.length > 0) {
      const turn = this.waiting.splice(0, turnMax);
      try {
        const outcomes = await this.db.transaction((tx) =>
          placeNewParties(
            tx,
            this.sessionId,
            turn.map((waiting) => waiting.party),
          ),
        );
        for (const [index, waiting] of turn.entries()) waiting.resolve(outcomes[index]!);
      } catch (error) {
        for (const waiting of turn) waiting.reject(error);
      }
    }
    this.serving = false;
    this.whenIdle();
  }
}

const linesByDatabase = new WeakMap<Database, Map<string, SessionLine>>();

/** Waits for this party's turn at the session's seats; the outcome is the seat ledger's. */
export function takeSeatInTurn(db: Database, sessionId: string, party: NewParty): Promise<PartyOutcome> {
  const lines = linesByDatabase.get(db) ?? new Map<string, SessionLine>();
  linesByDatabase.set(db, lines);
  let line = lines.get(sessionId);
  if (!line) {
    line = new SessionLine(db, sessionId, () => lines.delete(sessionId));
    lines.set(sessionId, line);
  }
  return line.join(party);
}
