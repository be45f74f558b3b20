/**
 * One workbook operation's round trips and its single retry. Every `context.sync()` goes through
 * Session.sync, so tests can count them and fail a chosen one; an operation stops with a HostError
 * (thrown as Stop) or an Office failure, both turned into the operation's error outcome here.
 */
import type { SetProbe } from "./capabilities";
import { fromOfficeError, isRetryable, type ChangeReport, type HostError, type HostOperation } from "./hostErrors";
import type { TemplateSource } from "./templateSource";
import { READ_BUDGET_BYTES, WRITE_BUDGET_BYTES, type ReadBatch, type WriteBatch } from "./excelWriter";

/** Everything the host needs from outside; index.ts passes the real ones. */
export interface HostDeps {
  /** Excel.run, or a stand-in in tests. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** isSetSupported for ExcelApi, asked on every call (Office may become ready after the host is made). */
  probe(): SetProbe;
  source(): TemplateSource;
  /** Today's ISO date (names the frozen copy). */
  today(): string;
  /** Pause before the single retry after "Excel is editing a cell". */
  wait(ms: number): Promise<void>;
  /** A fresh random token for a build's sheet-local ownership proof (tests pass a fixed one). */
  token?(): string;
  /** Cell data one batch may carry (WRITE_BUDGET_BYTES; tests pass less to split the bundled data). */
  writeBudgetBytes?: number;
  /** Cell data one response may carry by estimate (READ_BUDGET_BYTES; tests pass less to split table reads). */
  readBudgetBytes?: number;
}

/**
 * Counts round trips and remembers whether anything has been written yet (retrying is safe until then). As
 * the operation's WriteBatch it sends what is queued before a write would take the batch over its budget; as
 * its ReadBatch it tells table reads how much one response may carry.
 */
export class Session implements WriteBatch, ReadBatch {
  syncs = 0;
  /** Estimated cell data queued since the last sync, and the most any sync carried (payloadBytes). */
  queuedBytes = 0;
  largestRequestBytes = 0;
  writing = false;
  /**
   * Put back what the operation wrote when a write batch fails, in a new batch; returns what it could
   * not restore. Set by an operation before its first write.
   */
  restore: ((context: Excel.RequestContext) => Promise<ChangeReport>) | null = null;
  /**
   * Once the main write is confirmed and only the row deletes are left: the AIFIN sheets a failure then
   * leaves part-way (no restore runs; the next refresh or update finishes the deletes).
   */
  finishing: string[] | null = null;
  /**
   * The AIFIN sheets the write may change (set with `writing`): what the error names when the write fails and
   * its restore fails too, so the analyst knows where to look (never a sheet of the analyst's).
   */
  touches: string[] = [];
  /**
   * The new table sheets (Facts, Entities) the write adds: a failed write whose restore fails too may leave them
   * without their tables (those come last), which running it again cannot complete (ChangeReport.unfinished).
   */
  unfinished: string[] = [];
  constructor(
    readonly context: Excel.RequestContext,
    readonly budget: number = WRITE_BUDGET_BYTES,
    readonly readBudget: number = READ_BUDGET_BYTES,
  ) {}
  async sync(): Promise<void> {
    this.syncs++;
    this.largestRequestBytes = Math.max(this.largestRequestBytes, this.queuedBytes);
    this.queuedBytes = 0;
    await this.context.sync();
  }
  async room(bytes: number): Promise<void> {
    if (this.queuedBytes > 0 && this.queuedBytes + bytes > this.budget) await this.sync();
    this.queuedBytes += bytes;
  }
  free(): number {
    return Math.max(0, this.budget - this.queuedBytes);
  }
  async flush(): Promise<void> {
    if (this.queuedBytes > 0) await this.sync();
  }
}

/** Thrown inside a batch to end the operation with an error AIFIN decided on (not an Office failure). */
export class Stop extends Error {
  constructor(readonly error: HostError) {
    super(error.code);
  }
}

/** Pause before retrying after "Excel is editing a cell". */
export const RETRY_PAUSE_MS = 1500;

/**
 * Runs one operation; retries once, after a pause, when Excel was editing a cell and nothing was
 * written. When a write fails, the operation's restore runs in a new batch and the error says what
 * was left changed.
 */
export async function operate<T>(
  deps: HostDeps,
  operation: HostOperation,
  body: (s: Session) => Promise<T>,
  onError: (error: HostError) => T,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    let session: Session | null = null;
    try {
      return await deps.run(async (context) => {
        session = new Session(context, deps.writeBudgetBytes, deps.readBudgetBytes);
        return body(session);
      });
    } catch (error) {
      if (error instanceof Stop) return onError(error.error);
      const s = session as Session | null;
      const wrote = s?.writing ?? false;
      if (attempt === 0 && !wrote && isRetryable(error)) {
        await deps.wait(RETRY_PAUSE_MS);
        continue;
      }
      let changed: ChangeReport = { kind: "nothing" };
      if (wrote && s?.finishing) {
        changed = { kind: "partial", sheets: s.finishing };
      } else if (wrote && s?.restore) {
        const restore = s.restore;
        try {
          changed = await deps.run((context) => restore(context));
        } catch {
          changed = { kind: "partial", sheets: s.touches, ...(s.unfinished.length > 0 ? { unfinished: s.unfinished } : {}) };
        }
        // A failed restore's report stands; so does a successful one ("nothing").
      } else if (wrote) {
        changed = { kind: "partial", sheets: s?.touches ?? [] };
      }
      return onError(fromOfficeError(error, operation, changed));
    }
  }
}
