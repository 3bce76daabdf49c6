import { chromium, type Browser } from "playwright-core";
import { createGithubApp } from "../../../providers/github/manifest-flow/create-app";
import { hasDrift } from "../../../providers/github/permission-report";
import { FakeGithub } from "../../fakes/github";
import { CHROMIUM, requireTool } from "../../helpers/require-tool";
import { blueprintFor, recordingHandoff } from "./helpers";

const chromiumTool = requireTool("chromium", "real-browser GitHub flow");

chromiumTool.describe(`GitHub App manifest flow in headless chromium${chromiumTool.note}`, () => {
  let fake: FakeGithub;
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"], headless: true });
  });
  afterAll(() => browser?.close());
  beforeEach(async () => {
    fake = new FakeGithub();
    await fake.start();
  });
  afterEach(() => fake.stop());

  test("local page → GitHub's confirm page → callback: ID and PEM reach the handoff, never the terminal", async () => {
    const terminal: string[] = [];
    const handoff = recordingHandoff();
    const page = await browser.newPage();
    const visited: string[] = [];
    page.on("framenavigated", (frame) => visited.push(frame.url()));

    const result = await createGithubApp(blueprintFor(fake), {
      say: (line) => terminal.push(line),
      callbackTimeoutMs: 30_000,
      installTimeoutMs: 10_000,
      pollMs: 50,
      handoff: {
        appCreated(app) {
          handoff.appCreated(app);
          fake.installOnLookup("acme", 2); // the owner installs it on the flow's second look, not after a timer
        },
        appInstalled: (details) => handoff.appInstalled(details),
      },
      onPageReady: async (pageUrl) => {
        // What the person does: open the page; it posts the manifest; confirm on "GitHub".
        await page.goto(pageUrl);
        await page.waitForSelector("#create-app");
        expect(await page.textContent("#app-name")).toBe("BT Insights acme");
        void page.click("#create-app");
      },
    });

    await page.waitForSelector("#result");
    expect(await page.textContent("#result")).toBe("GitHub App created");
    const [app] = [...fake.apps.values()];
    expect(handoff.created!.appId).toBe(app.id);
    expect(handoff.created!.pem.reveal()).toBe(app.pem);
    expect(handoff.installedAppUrl).toBe(result.installedAppUrl);
    expect(hasDrift(result.report)).toBe(false);
    expect(fake.requests.filter((r) => r.path === "/api/v3/orgs/acme/installation")).toHaveLength(2);

    // The browser went local page → fake GitHub's form → confirm → local callback.
    expect(visited.some((url) => url.startsWith(`${fake.webUrl}/organizations/acme/settings/apps/new?state=`))).toBe(
      true,
    );
    expect(visited.some((url) => /^http:\/\/127\.0\.0\.1:\d+\/callback\?code=[0-9a-f]+&state=/.test(url))).toBe(true);

    const shown = terminal.join("\n") + (await page.content());
    expect(shown).not.toContain(String(app.id));
    expect(shown).not.toContain(app.pem.split("\n")[3]);
    await page.close();
  });
});
