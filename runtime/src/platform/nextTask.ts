/**
 * Resolves on a later turn of the event loop, after the microtasks queued now and the I/O or
 * messages already waiting: where `idle()` lets follow-up work (a handler started by a reply)
 * be tracked. `setImmediate` is Node's; a MessageChannel is the browser's and worker's equivalent
 * (a zero-delay `setTimeout` is clamped to 1-4 ms). Node has both, so one implementation serves
 * every host.
 */
export function nextTask(): Promise<void> {
  if (typeof setImmediate === "function") return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
