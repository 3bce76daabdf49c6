import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { inScratchFolder } from "../../values/scratch-folder";

describe("inScratchFolder", () => {
  test("the folder is there while `use` runs, and gone when it returns", () => {
    let seen = "";
    const result = inScratchFolder("scratch-test-", (folder) => {
      seen = folder;
      expect(existsSync(folder)).toBe(true);
      writeFileSync(join(folder, "file"), "x");
      return 42;
    });
    expect(result).toBe(42);
    expect(existsSync(seen)).toBe(false);
  });

  test("gone after `use` throws, and the error comes through", () => {
    let seen = "";
    expect(() =>
      inScratchFolder("scratch-test-", (folder) => {
        seen = folder;
        throw new Error("synth failed");
      }),
    ).toThrow("synth failed");
    expect(existsSync(seen)).toBe(false);
  });

  test("an async `use` keeps its folder until its promise settles, then it is gone", async () => {
    let seen = "";
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const running = inScratchFolder("scratch-test-", async (folder) => {
      seen = folder;
      await held;
      writeFileSync(join(folder, "written-after-a-wait"), "x"); // would throw ENOENT if removed early
      return "done";
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(existsSync(seen)).toBe(true);
    release();
    await expect(running).resolves.toBe("done");
    expect(existsSync(seen)).toBe(false);
  });

  test("an async `use` that rejects: gone, and the rejection comes through", async () => {
    let seen = "";
    await expect(
      inScratchFolder("scratch-test-", async (folder) => {
        seen = folder;
        await Promise.resolve();
        throw new Error("terraform failed");
      }),
    ).rejects.toThrow("terraform failed");
    expect(existsSync(seen)).toBe(false);
  });
});
