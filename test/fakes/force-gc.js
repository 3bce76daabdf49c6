// Preloaded (`node --expose-gc -r test/fakes/force-gc.js …`) by tests of deadlines: forces a
// garbage collection every 10 ms for the life of the process, so anything a deadline relies on
// that is only weakly held is collected before it can fire.
"use strict";
if (typeof globalThis.gc !== "function") throw new Error("force-gc.js needs node --expose-gc");
setInterval(() => globalThis.gc(), 10).unref();
