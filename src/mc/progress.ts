// Progress of a Monte Carlo run on standard error, only when standard error is a terminal (never in
// a pipe, a file or a test): one line, rewritten in place, cleared when the runs are done.

/** An `onProgress` for runMonteCarlo; undefined when standard error is not a terminal. */
export function terminalProgress(label: string, stream: NodeJS.WriteStream = process.stderr): ((done: number, total: number) => void) | undefined {
  if (stream.isTTY !== true) return undefined;
  let shown = -1;
  const started = Date.now();
  return (done, total) => {
    const percent = Math.floor((100 * done) / total);
    if (percent === shown && done !== total) return;
    shown = percent;
    const seconds = (Date.now() - started) / 1000;
    const eta = done > 0 && done < total ? `, about ${Math.ceil((seconds * (total - done)) / done)} s to go` : '';
    stream.write(`\r\x1b[K${label}: ${done}/${total} runs (${percent}%)${eta}`);
    if (done === total) stream.write('\r\x1b[K');
  };
}
