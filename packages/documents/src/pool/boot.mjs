// A worker thread loads the TypeScript sources the way the server does (tsx), whatever its parent ran under.
import { register } from 'tsx/esm/api';

register();
await import('./pdf.worker.ts');
