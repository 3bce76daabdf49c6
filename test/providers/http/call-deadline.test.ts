import { CallDeadline, withCallDeadline } from "../../../providers/http/call-deadline";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("CallDeadline: one timer per call", () => {
  test("aborts its signal with a TimeoutError when its own time runs out, and says so", async () => {
    const deadline = new CallDeadline(30);
    expect([deadline.signal.aborted, deadline.timedOut]).toEqual([false, false]);
    await sleep(60);
    expect([deadline.signal.aborted, deadline.timedOut]).toEqual([true, true]);
    expect((deadline.signal.reason as DOMException).name).toBe("TimeoutError");
  });

  test("a parent (the run's deadline) aborts it with the parent's reason, not as its own timeout", () => {
    const run = new AbortController();
    const deadline = new CallDeadline(10_000, run.signal);
    run.abort(new Error("the run's deadline"));
    expect(deadline.signal.aborted).toBe(true);
    expect(deadline.timedOut).toBe(false);
    expect((deadline.signal.reason as Error).message).toBe("the run's deadline");
    deadline.clear();
  });

  test("an already aborted parent aborts it at once", () => {
    const run = new AbortController();
    run.abort("gone");
    expect(new CallDeadline(10_000, run.signal).signal.reason).toBe("gone");
  });

  test("once cleared, neither its timer nor the parent aborts it", async () => {
    const run = new AbortController();
    const deadline = new CallDeadline(20, run.signal);
    deadline.clear();
    run.abort();
    await sleep(40);
    expect(deadline.signal.aborted).toBe(false);
  });

  test("withCallDeadline clears the deadline when the call settles, either way", async () => {
    let seen: CallDeadline | undefined;
    await expect(
      withCallDeadline(20, undefined, async (_signal, deadline) => {
        seen = deadline;
        throw new Error("failed early");
      }),
    ).rejects.toThrow("failed early");
    await sleep(40);
    expect(seen!.signal.aborted).toBe(false);
  });
});
