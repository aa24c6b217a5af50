import { parentPort } from 'node:worker_threads';
import type { DocumentInput } from '../pdf/inputs.js';
import { renderDocument } from '../pdf/render.js';

// One render at a time per thread; the bytes go back transferred, not copied.
parentPort!.on('message', async ({ id, input }: { id: number; input: DocumentInput }) => {
  try {
    const pdf = await renderDocument(input);
    parentPort!.postMessage({ id, pdf }, [pdf.buffer as ArrayBuffer]);
  } catch (e) {
    parentPort!.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
