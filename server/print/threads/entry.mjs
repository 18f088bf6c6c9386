// Entry of a print thread. Worker threads do not inherit the TypeScript loader the main thread
// was started with (`node --import tsx`), so the thread registers it before loading its tasks.
import { register } from 'tsx/esm/api';

register();
const tasks = await import('./worker.ts');

export const layOut = tasks.layOut;
export const render = tasks.render;
