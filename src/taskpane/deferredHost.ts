/**
 * A WorkbookHost whose office layer (src/office, its own chunk) loads when the Workbook tab first needs it,
 * not at start-up: the pane's first render needs only the model and the engine. `hostReady(host)` is the
 * promise the Workbook tab waits on (React `use`, inside Suspense) before it asks for capabilities; a host
 * that is not deferred is ready at once (null).
 */
import type { Capabilities, WorkbookHost } from "./lowerLayers";

/** A promise React's `use` reads synchronously once it has settled. */
type Tracked<T> = Promise<T> & { status?: "fulfilled" | "rejected"; value?: T; reason?: unknown };

const READY = Symbol("aifin.hostReady");

interface Deferred extends WorkbookHost {
  [READY](): Tracked<WorkbookHost>;
}

/** A host made by `make` on first use; capabilities() may be asked only after hostReady() has settled. */
export function deferredHost(make: () => Promise<WorkbookHost>): WorkbookHost {
  let pending: Tracked<WorkbookHost> | null = null;
  let real: WorkbookHost | null = null;
  const ready = (): Tracked<WorkbookHost> => {
    if (pending) return pending;
    const p: Tracked<WorkbookHost> = make();
    p.then(
      (host) => {
        real = host;
        p.status = "fulfilled";
        p.value = host;
      },
      (reason: unknown) => {
        p.status = "rejected";
        p.reason = reason;
      },
    );
    return (pending = p);
  };
  const host: Deferred = {
    [READY]: ready,
    capabilities(): Capabilities {
      if (!real) throw new Error("The workbook connection is still loading.");
      return real.capabilities();
    },
    build: async (options) => (await ready()).build(options),
    refresh: async () => (await ready()).refresh(),
    freeze: async () => (await ready()).freeze(),
  };
  return host;
}

/** What the Workbook tab waits for before it renders, or null when the host is ready now. */
export function hostReady(host: WorkbookHost): Promise<WorkbookHost> | null {
  const deferred = host as Partial<Deferred>;
  return typeof deferred[READY] === "function" ? deferred[READY]() : null;
}
