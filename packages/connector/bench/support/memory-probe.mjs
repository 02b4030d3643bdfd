// Preloaded (`node --import`) into a server the benchmark measures: answers the parent's "memory"
// message over the IPC channel with `process.memoryUsage()`, so the benchmark can report heap as
// well as RSS without changing the server. The channel never keeps the process alive.
if (process.send) {
  process.on("message", (message) => {
    if (message === "memory") process.send({ memory: process.memoryUsage() });
  });
  process.channel?.unref();
}
