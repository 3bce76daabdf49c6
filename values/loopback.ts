/**
 * Host names of this machine as `URL.hostname` spells them (IPv6 keeps its brackets).
 * Plain http:// and proxy bypass are allowed only for these: the emulator and the
 * local fakes listen on them, and nothing sent there leaves the machine.
 */
export const LOOPBACK_HOSTS: readonly string[] = ["127.0.0.1", "localhost", "[::1]"];

/** True when `hostname` (a `URL.hostname`) names this machine. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.includes(hostname);
}
