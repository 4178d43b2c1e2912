// The buffers of placement choice's solver (scaling.ts) and of its rounding to whole children
// (whole.ts, unbiased.ts), held by the caller: a projection makes one and hands it to every solve and
// rounding of its years (docs/model.md §4.3), so a solve allocates little more than its flows and a
// rounding little more than its whole children. The model keeps no module state: a workspace is a value its owner passes, never shared
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
  /** The rounding's buffers (whole.ts): its cells, their network's edges and the forest's. */
  rounding = new RoundingWorkspace();

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

/** The buffers of one rounding of a type's flows (whole.ts), grown to the largest problem seen. */
export class RoundingWorkspace {
  /** The cells being rebalanced, at i × n + j (origins × destinations). */
  cells = new Float64Array(0);
  /** By destination: the column's sum, its target (NaN: left free). */
  col = new Float64Array(0);
  colTarget = new Float64Array(0);
  /** The snapped columns, then the for-profit group's columns, each list in destination order. */
  snappedCols = new Int32Array(0);
  fpCols = new Int32Array(0);
  /** The network's edges: tail, head and the flow being rounded. */
  tail = new Int32Array(0);
  head = new Int32Array(0);
  flow = new Float64Array(0);
  forest = new ForestWorkspace();

  /** Makes room for m origins and n destinations (keeping the buffers when they are large enough). */
  fit(m: number, n: number): this {
    if (this.cells.length < m * n) this.cells = new Float64Array(m * n);
    if (this.col.length < n) {
      this.col = new Float64Array(n);
      this.colTarget = new Float64Array(n);
      this.snappedCols = new Int32Array(n);
      this.fpCols = new Int32Array(n);
    }
    // Each destination's total, the for-profit group's, then the cells.
    const edges = n + 1 + m * n;
    if (this.tail.length < edges) {
      this.tail = new Int32Array(edges);
      this.head = new Int32Array(edges);
      this.flow = new Float64Array(edges);
    }
    this.forest.fit(m + n + 2);
    return this;
  }
}

/** The spanning forest of the unbiased rounding (unbiased.ts) over a network's nodes. */
export class ForestWorkspace {
  /** By node: its parent in the forest (−1 at a root), the edge to it, the walk's mark. */
  parent = new Int32Array(0);
  parentEdge = new Int32Array(0);
  mark = new Int32Array(0);
  /** A cycle's edges: e where the cycle runs along edge e, ~e where against it. At most nodes + 1. */
  cycle = new Int32Array(0);

  /** Makes room for a network of this many nodes. */
  fit(nodes: number): this {
    if (this.parent.length < nodes) {
      this.parent = new Int32Array(nodes);
      this.parentEdge = new Int32Array(nodes);
      this.mark = new Int32Array(nodes);
      this.cycle = new Int32Array(nodes + 1);
    }
    return this;
  }
}
