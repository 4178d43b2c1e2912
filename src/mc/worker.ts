// A worker thread of the Monte Carlo pool (worker-pool.ts): loads the dataset and scenario once,
// then does the runs it is sent, one message per finished run. Values go back as transferred
// buffers, not copies.
import { parentPort, workerData } from 'node:worker_threads';
import { prepareRuns, type RunSpec } from './runs.js';
import type { FromWorker, ToWorker } from './worker-pool.js';

const port = parentPort;
if (port === null) throw new Error('src/mc/worker.ts runs only as a worker thread');
const post = (m: FromWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(m, transfer);

try {
  const runOne = await prepareRuns(workerData as RunSpec);
  let sentRows = false;
  port.on('message', (m: ToWorker) => {
    try {
      for (let i = m.from; i < m.to; i++) {
        const { rows, values, kept } = runOne(i);
        post({ kind: 'run', run: i, rows: sentRows ? null : rows, values, ...(kept ? { kept } : {}) }, [values.buffer as ArrayBuffer]);
        sentRows = true;
      }
      post({ kind: 'idle' });
    } catch (err) {
      post({ kind: 'error', error: serialiseError(err) });
    }
  });
  post({ kind: 'ready' });
} catch (err) {
  post({ kind: 'error', error: serialiseError(err) });
}

function serialiseError(err: unknown): FromWorkerError {
  if (err instanceof Error) {
    const problems = (err as { problems?: unknown }).problems;
    return { name: err.name, message: err.message, stack: err.stack ?? '', problems: Array.isArray(problems) ? problems : null };
  }
  return { name: 'Error', message: String(err), stack: '', problems: null };
}

type FromWorkerError = Extract<FromWorker, { kind: 'error' }>['error'];
