// The buffers of placement choice's solver (scaling.ts), held by the caller: a projection makes one and
// hands it to every solve of its years (docs/model.md §4.3), so a solve allocates little more than
// its flows. The model keeps no module state: a workspace is a value its owner passes, never shared
// between threads or projections.

/** Typed arrays grown to the largest problem seen (origins × destinations); a solve uses their first cells. */
export class ScalingWorkspace {
  /** The kernel's logs, then each row relative to its largest entry (W), at i × n + j. */
  logK = new Float64Array(0);
  W = new Float64Array(0);
  /** By origin: the row's largest log K, its UNPLACED term, its scaling factor x. */
  rowMax = new Float64Array(0);
  unpRow = new Float64Array(0);
  x = new Float64Array(0);
  /** By destination: b_j = log v_j, e^{b_j + c_j − B}, its argument, the column sums, the capacities. */
  b = new Float64Array(0);
  E = new Float64Array(0);
  arg = new Float64Array(0);
  G = new Float64Array(0);
  cap = new Float64Array(0);
  logCap = new Float64Array(0);
  capped = new Uint8Array(0);
  fp = new Uint8Array(0);

  /** Makes room for m origins and n destinations (keeping the buffers when they are large enough). */
  fit(m: number, n: number): this {
    if (this.logK.length < m * n) {
      this.logK = new Float64Array(m * n);
      this.W = new Float64Array(m * n);
    }
    if (this.rowMax.length < m) {
      this.rowMax = new Float64Array(m);
      this.unpRow = new Float64Array(m);
      this.x = new Float64Array(m);
    }
    if (this.b.length < n) {
      this.b = new Float64Array(n);
      this.E = new Float64Array(n);
      this.arg = new Float64Array(n);
      this.G = new Float64Array(n);
      this.cap = new Float64Array(n);
      this.logCap = new Float64Array(n);
      this.capped = new Uint8Array(n);
      this.fp = new Uint8Array(n);
    }
    return this;
  }
}
