// A worker thread of the Monte Carlo pool (worker-pool.ts): loads the dataset and scenario once and
// waits for placement choice's fit, then does the runs it is sent, one message per finished run.
// Values go back as transferred buffers, not copies.
import { parentPort, workerData } from 'node:worker_threads';
import type { PreparedChoice } from '../model/project.js';
import { prepareRuns, type OneRun } from './runs.js';
import type { FromWorker, ToWorker, WorkerSpec } from './worker-pool.js';

const port = parentPort;
if (port === null) throw new Error('src/mc/worker.ts runs only as a worker thread');
const post = (m: FromWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(m, transfer);

const spec = workerData as WorkerSpec;
// Placement choice's fit arrives in a message while this thread prepares (worker-pool.ts).
let fitted: (choice: PreparedChoice | null) => void = () => {};
const fit = new Promise<PreparedChoice | null>((resolve) => (fitted = resolve));
let runOne: ((run: number) => OneRun) | null = null;
let sentRows = false;
// Runs sent before this thread has prepared: the first batches come with the fit, so that this
// thread starts as soon as it is ready rather than when the main thread, busy with a run of its
// own, reads its 'ready' (worker-pool.ts).
const waiting: Array<Extract<ToWorker, { kind: 'runs' }>> = [];
// Listening before preparing: the fit may come while the modules load.
port.on('message', (m: ToWorker) => {
  if (m.kind === 'choice') {
    fitted(m.choice);
    return;
  }
  if (runOne === null) waiting.push(m);
  else doRuns(runOne, m);
});
try {
  runOne = await prepareRuns(spec, spec.choiceFollows ? fit : undefined);
  post({ kind: 'ready' });
  for (const m of waiting.splice(0)) doRuns(runOne, m);
} catch (err) {
  post({ kind: 'error', error: serialiseError(err) });
}

/** Runs from..to−1, each posted back as it finishes, then 'idle'. */
function doRuns(one: (run: number) => OneRun, m: Extract<ToWorker, { kind: 'runs' }>): void {
  try {
    for (let i = m.from; i < m.to; i++) {
      const { rows, values, kept } = one(i);
      post({ kind: 'run', run: i, rows: sentRows ? null : rows, values, ...(kept ? { kept } : {}) }, [values.buffer as ArrayBuffer]);
      sentRows = true;
    }
    post({ kind: 'idle' });
  } catch (err) {
    post({ kind: 'error', error: serialiseError(err) });
  }
}

function serialiseError(err: unknown): FromWorkerError {
  if (err instanceof Error) {
    const problems = (err as { problems?: unknown }).problems;
    return { name: err.name, message: err.message, stack: err.stack ?? '', problems: Array.isArray(problems) ? problems : null };
  }
  return { name: 'Error', message: String(err), stack: '', problems: null };
}

type FromWorkerError = Extract<FromWorker, { kind: 'error' }>['error'];
