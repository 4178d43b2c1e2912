// Progress of a Monte Carlo run on standard error, only when standard error is a terminal (never in
// a pipe, a file or a test): one line, rewritten in place, cleared when the runs are done.

/**
 * An `onProgress` for runMonteCarlo; undefined when standard error is not a terminal. The time to go
 * comes from the pace since the first run came back, shown once a tenth of the runs are done: the
 * first run carries the start (the calibration's fit, each thread's modules and its first,
 * unoptimised runs), which the others do not repeat: counted from the start, the first run of
 * `project --scenario central` would promise some 76 s to go for a command that takes 4.
 */
export function terminalProgress(
  label: string,
  stream: Pick<NodeJS.WriteStream, 'isTTY' | 'write'> = process.stderr,
  now: () => number = Date.now,
): ((done: number, total: number) => void) | undefined {
  if (stream.isTTY !== true) return undefined;
  let shown = -1;
  let first: { at: number; done: number } | null = null;
  return (done, total) => {
    const at = now();
    first ??= { at, done };
    const percent = Math.floor((100 * done) / total);
    if (percent === shown && done !== total) return;
    shown = percent;
    const since = done - first.done;
    const eta = done < total && 10 * done >= total && since > 0 ? `, about ${Math.ceil(((at - first.at) / 1000) * ((total - done) / since))} s to go` : '';
    stream.write(`\r\x1b[K${label}: ${done}/${total} runs (${percent}%)${eta}`);
    if (done === total) stream.write('\r\x1b[K');
  };
}
