// Preloaded (`node --expose-gc -r test/fakes/force-gc.js …`) by tests of deadlines: forces a
// garbage collection every 250 ms for the life of the process, so anything a deadline relies on
// that is only weakly held is collected before it can fire. Six collections fall inside a 1.5 s
// deadline, where one is enough; each full collection of a process that has loaded a vendor SDK
// costs tens of milliseconds, so every 50 ms kept a core busy for the same finding.
"use strict";
if (typeof globalThis.gc !== "function") throw new Error("force-gc.js needs node --expose-gc");
setInterval(() => globalThis.gc(), 250).unref();
