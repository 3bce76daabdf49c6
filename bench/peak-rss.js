// Preloaded into a measured process (`node -r`, or NODE_OPTIONS so every node process
// it starts loads it too): on exit it writes its own peak resident set size in kB, from
// getrusage, to the file named by BENCH_RSS_FILE, or to <pid> in the folder BENCH_RSS_DIR.
"use strict";
const { writeFileSync } = require("node:fs");
const { join } = require("node:path");
const { isMainThread } = require("node:worker_threads");

// A worker thread shares its process's memory figure; the process itself reports it.
if (isMainThread) {
  process.on("exit", () => {
    const peak = String(process.resourceUsage().maxRSS);
    if (process.env.BENCH_RSS_DIR) writeFileSync(join(process.env.BENCH_RSS_DIR, String(process.pid)), peak);
    else if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, peak);
  });
}
