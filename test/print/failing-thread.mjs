// A print thread whose layout always throws and whose render ends the thread: the pool and the
// delivery worker must survive both (test/print/thread-failure.test.ts).
export function layOut() {
  throw new Error('layout failed in the thread');
}

export function render() {
  process.exit(3);
}
