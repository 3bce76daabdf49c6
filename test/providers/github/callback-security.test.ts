import { createGithubApp } from "../../../providers/github/manifest-flow/create-app";
import { FakeGithub } from "../../fakes/github";
import { blueprintFor, flowOptions, getWithHost, recordingHandoff, scriptedBrowser } from "./helpers";

/** Issue 15.12: the page and the callback as an attacker on this machine, or a web page rebinding DNS, sees them. */
describe("the local callback server refuses what did not come from this flow", () => {
  let fake: FakeGithub;
  beforeEach(async () => {
    fake = new FakeGithub();
    await fake.start();
  });
  afterEach(() => fake.stop());

  const stateIn = (page: string) => /[?&]state=([^"&]+)/.exec(page)?.[1];

  test("a request naming another host (DNS rebinding) gets 421 without the state; the right host still works", async () => {
    const said: string[] = [];
    const answers: Array<{ status: number; text: string }> = [];
    let browser: Promise<{ status: number; text: string }> | undefined;
    const flow = createGithubApp(
      blueprintFor(fake),
      flowOptions({
        said,
        handoff: { appCreated: (app) => void fake.install(app.appId, "acme"), appInstalled: () => undefined },
        onPageReady: async (pageUrl) => {
          const { port } = new URL(pageUrl);
          for (const host of [
            "attacker.example",
            `attacker.example:${port}`,
            `127.0.0.1:${Number(port) + 1}`,
            "127.0.0.1",
          ]) {
            answers.push(await getWithHost(pageUrl, host));
          }
          browser = scriptedBrowser(pageUrl.replace("127.0.0.1", "localhost"));
        },
      }),
    );
    await flow;
    expect(answers.map((a) => a.status)).toEqual([421, 421, 421, 421]);
    for (const answer of answers) expect(stateIn(answer.text)).toBeUndefined();
    expect((await browser!).status).toBe(200);
  });

  test("the page is served once: a second GET gets 410 and not the state", async () => {
    const said: string[] = [];
    const pages: Array<{ status: number; text: string }> = [];
    const flow = createGithubApp(
      blueprintFor(fake),
      flowOptions({
        said,
        callbackTimeoutMs: 500,
        onPageReady: async (pageUrl) => {
          for (let i = 0; i < 2; i++) {
            const response = await fetch(pageUrl);
            pages.push({ status: response.status, text: await response.text() });
          }
        },
      }),
    );
    await expect(flow).rejects.toThrow(/no redirect from GitHub/);
    const state = stateIn(pages[0].text);
    expect(pages[0].status).toBe(200);
    expect(state).toMatch(/^[\w-]{43}$/);
    expect(pages[1].status).toBe(410);
    expect(pages[1].text).not.toContain(state);
    // The page lives at a random path printed to the terminal only; the root has nothing.
    expect(said.join("\n")).toMatch(/Open http:\/\/127\.0\.0\.1:\d+\/[\w-]{43} in a browser/);
  });

  test("a code for an app owned by another account is refused (400), nothing saved or deleted, and the flow completes", async () => {
    const said: string[] = [];
    const handoff = recordingHandoff();
    // Someone who learned the state made an app of their own; its owner's login carries escape codes.
    const foreign = fake.createApp("evil\u001b]0;pwned\u0007\u001b[2J", {
      name: "BT Insights acme",
      url: "https://x",
      default_permissions: {},
    });
    let forged: { status: number; text: string } | undefined;
    let browser: Promise<{ status: number; text: string }> | undefined;
    const flow = createGithubApp(
      blueprintFor(fake),
      flowOptions({
        said,
        handoff: {
          appCreated(app) {
            handoff.appCreated(app);
            fake.install(app.appId, "acme");
          },
          appInstalled: (details) => handoff.appInstalled(details),
        },
        onPageReady: (pageUrl) => {
          browser = scriptedBrowser(pageUrl, {
            meanwhile: async ({ state, callbackUrl }) => {
              const response = await fetch(`${callbackUrl}?code=${foreign.code}&state=${state}`);
              forged = { status: response.status, text: await response.text() };
            },
          });
        },
      }),
    );
    const result = await flow;
    expect(forged!.status).toBe(400);
    expect((await browser!).status).toBe(200);

    const own = [...fake.apps.values()].find((app) => app.owner === "acme")!;
    expect(handoff.created!.appId).toBe(own.id);
    expect(result.installedAppUrl).toBe(handoff.installedAppUrl);
    // The other account's app is untouched: still there, and no DELETE was sent anywhere.
    expect(fake.apps.get(foreign.app.id)).toBe(foreign.app);
    expect(fake.requests.filter((r) => r.method !== "GET" && r.method !== "POST")).toEqual([]);

    const refusal = said.find((line) => line.startsWith("refused a redirect"))!;
    expect(refusal).toContain('owned by "evil", not acme'); // the OSC title and the CSI are removed whole
    expect(said.join("\n")).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(said.join("\n")).not.toContain(foreign.app.pem.split("\n")[3]);
  });
});
