/**
 * src/commands: the ribbon command code. Office itself is the only thing faked here: a recorder for
 * `Office.actions.associate` and a stand-in for `Office.addin.showAsTaskpane`.
 */
type Handler = (event?: { completed: () => void }) => Promise<void>;

interface FakeOffice {
  associated: Map<string, Handler>;
  shown: number;
  refuse: boolean;
}

function installOffice(): FakeOffice {
  const fake: FakeOffice = { associated: new Map(), shown: 0, refuse: false };
  (globalThis as unknown as { Office: unknown }).Office = {
    onReady: (cb: () => void) => Promise.resolve().then(cb),
    actions: { associate: (id: string, fn: Handler) => fake.associated.set(id, fn) },
    addin: {
      showAsTaskpane: async () => {
        if (fake.refuse) throw new Error("host refused");
        fake.shown++;
      },
    },
  };
  return fake;
}

afterEach(() => {
  delete (globalThis as unknown as { Office?: unknown }).Office;
  jest.resetModules();
});

describe("commands", () => {
  it("associates every command id with Office once Office is ready", async () => {
    const fake = installOffice();
    const { COMMANDS } = await import("../../../src/commands/commands");
    await Promise.resolve();
    await Promise.resolve();
    expect([...fake.associated.keys()]).toEqual(Object.keys(COMMANDS));
    expect(fake.associated.has("ShowAifinPane")).toBe(true);
  });

  it("registers nothing where the host has no Office.actions", async () => {
    const { registerCommands } = await import("../../../src/commands/commands");
    expect(registerCommands(undefined)).toEqual([]);
  });

  it("opens the pane and completes the ribbon event", async () => {
    const fake = installOffice();
    const { showPane } = await import("../../../src/commands/commands");
    const completed = jest.fn();
    await showPane({ completed } as unknown as Office.AddinCommands.Event);
    expect(fake.shown).toBe(1);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("still completes the event when Office refuses to show the pane, and reports the refusal", async () => {
    const fake = installOffice();
    fake.refuse = true;
    const { showPane } = await import("../../../src/commands/commands");
    const completed = jest.fn();
    await expect(showPane({ completed } as unknown as Office.AddinCommands.Event)).rejects.toThrow("host refused");
    expect(completed).toHaveBeenCalledTimes(1);
  });
});
