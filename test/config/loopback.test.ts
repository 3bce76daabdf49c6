import { isLoopbackHost, LOOPBACK_HOSTS } from "../../values/loopback";
import { httpsUrlField } from "../../values/fields";

describe("one loopback-host list", () => {
  test("names this machine as URL.hostname spells it", () => {
    expect(LOOPBACK_HOSTS).toEqual(["127.0.0.1", "localhost", "[::1]"]);
    expect(isLoopbackHost(new URL("http://[::1]:8080/").hostname)).toBe(true);
    expect(isLoopbackHost(new URL("http://LOCALHOST/").hostname)).toBe(true);
    expect(isLoopbackHost(new URL("http://127.0.0.2/").hostname)).toBe(false);
    expect(isLoopbackHost(new URL("http://localhost.example.com/").hostname)).toBe(false);
  });

  test("the Insights URL field allows plain http only to those hosts", () => {
    const field = httpsUrlField("https://app.beyondtrust.io", { loopbackHttp: true });
    expect(field.safeParse("http://[::1]:4010").success).toBe(true);
    expect(field.safeParse("http://127.0.0.1:4010").success).toBe(true);
    expect(field.safeParse("http://localhost.example.com").success).toBe(false);
  });
});
