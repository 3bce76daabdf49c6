// Preloaded with `node -r` into a measured process: on exit it writes its own peak
// resident set size (kB, from getrusage) to the file named by BENCH_RSS_FILE.
"use strict";
const { writeFileSync } = require("node:fs");
process.on("exit", () => {
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
