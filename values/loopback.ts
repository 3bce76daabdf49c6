/**
 * The host names of this machine's loopback interface, as `URL.hostname` spells them (IPv6
 * in brackets). Plain http is allowed only to these: the Insights emulator and local fakes.
 */
export const LOOPBACK_HOSTS: readonly string[] = ["127.0.0.1", "localhost", "[::1]"];

/** Whether a URL's `hostname` is this machine's loopback interface. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.includes(hostname);
}
