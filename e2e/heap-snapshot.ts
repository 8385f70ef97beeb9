import type { Page } from '@playwright/test';

/** The parts of a V8 heap snapshot (`.heapsnapshot` JSON) this helper reads. */
interface RawSnapshot {
  snapshot: {
    meta: {
      node_fields: string[];
      node_types: [string[], ...unknown[]];
      edge_fields: string[];
      edge_types: [string[], ...unknown[]];
    };
  };
  nodes: number[];
  edges: number[];
  strings: string[];
}

/** One step on the way from the heap's root to a secret: the holder and the edge it holds it by. */
export interface RetainerStep {
  holder: string;
  edge: string;
}

/** Where a secret was found in the heap, and the shortest chain of strong references that keeps it. */
export interface SecretHolder {
  secret: string;
  /** The V8 node type of the string that contains it (string, concatenated string, sliced string…). */
  stringType: string;
  /** From the root to the string; empty when nothing but V8's own tables holds the string. */
  path: RetainerStep[];
}

// V8 names a string node by its first 1024 characters: a long token is matched by its beginning.
const MATCHED_PREFIX = 200;
const STRING_TYPES = new Set(['string', 'concatenated string', 'sliced string']);
// Edges that do not keep their target alive, and roots that are V8's bookkeeping, not the page's.
const NON_RETAINING_EDGES = new Set(['weak', 'shortcut']);
const INTERNAL_ROOT =
  /^\((Internalized strings|String table|Compilation cache|Extensions|Strong roots|Handle scope|Builtins|Code flusher|Startup object cache|Read-only roots|Relocatable|Debug|Stack roots|Eternal handles|Thread manager|Smi roots|Partial snapshot cache|Weak collections|Weak roots|External strings|Strong root list|Bootstrapper|Global handles|Unknown)/;

const INTERNAL_HOLDER = /^system \/ (FeedbackVector|FeedbackCell)$/;

class HeapGraph {
  private readonly nodeFieldCount: number;
  private readonly edgeFieldCount: number;
  private readonly firstEdge: Int32Array;
  private readonly retainers: number[][];

  constructor(private readonly raw: RawSnapshot) {
    const { meta } = raw.snapshot;
    this.nodeFieldCount = meta.node_fields.length;
    this.edgeFieldCount = meta.edge_fields.length;
    const nodeCount = raw.nodes.length / this.nodeFieldCount;
    const edgeCountField = meta.node_fields.indexOf('edge_count');
    this.firstEdge = new Int32Array(nodeCount + 1);
    for (let node = 0; node < nodeCount; node += 1) {
      this.firstEdge[node + 1] =
        this.firstEdge[node] +
        raw.nodes[node * this.nodeFieldCount + edgeCountField] * this.edgeFieldCount;
    }
    this.retainers = Array.from({ length: nodeCount }, () => []);
    for (let node = 0; node < nodeCount; node += 1) {
      for (
        let edge = this.firstEdge[node];
        edge < this.firstEdge[node + 1];
        edge += this.edgeFieldCount
      ) {
        if (NON_RETAINING_EDGES.has(this.edgeType(edge))) continue;
        this.retainers[this.edgeTarget(edge)].push(edge);
      }
    }
  }

  get nodeCount(): number {
    return this.firstEdge.length - 1;
  }

  nodeType(node: number): string {
    const field = this.raw.snapshot.meta.node_fields.indexOf('type');
    return this.raw.snapshot.meta.node_types[0][this.raw.nodes[node * this.nodeFieldCount + field]];
  }

  nodeName(node: number): string {
    const field = this.raw.snapshot.meta.node_fields.indexOf('name');
    return this.raw.strings[this.raw.nodes[node * this.nodeFieldCount + field]];
  }

  private edgeType(edge: number): string {
    const field = this.raw.snapshot.meta.edge_fields.indexOf('type');
    return this.raw.snapshot.meta.edge_types[0][this.raw.edges[edge + field]];
  }

  private edgeName(edge: number): string {
    const field = this.raw.snapshot.meta.edge_fields.indexOf('name_or_index');
    const value = this.raw.edges[edge + field];
    const type = this.edgeType(edge);
    return type === 'element' || type === 'hidden' ? `[${value}]` : this.raw.strings[value];
  }

  private edgeTarget(edge: number): number {
    const field = this.raw.snapshot.meta.edge_fields.indexOf('to_node');
    return this.raw.edges[edge + field] / this.nodeFieldCount;
  }

  private edgeSource(edge: number): number {
    // Edges are stored grouped by their source node, in node order.
    let low = 0;
    let high = this.nodeCount - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.firstEdge[middle] <= edge) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  private describe(node: number): string {
    const name = this.nodeName(node).replace(/\s+/g, ' ');
    return `${this.nodeType(node)} ${name.length > 60 ? `${name.slice(0, 60)}…` : name}`;
  }

  /**
   * The shortest chain of strong references from the root to `target` that passes through no
   * V8-internal root (the string table, compilation cache…); empty when there is none.
   */
  pathFromPageRoots(target: number): RetainerStep[] {
    const via = new Map<number, number>([[target, -1]]);
    const queue = [target];
    for (let index = 0; index < queue.length; index += 1) {
      const node = queue[index];
      if (node === 0) {
        const steps: RetainerStep[] = [];
        for (let edge = via.get(0) ?? -1; edge !== -1;) {
          const holder = this.edgeSource(edge);
          steps.push({ holder: this.describe(holder), edge: this.edgeName(edge) });
          edge = via.get(this.edgeTarget(edge)) ?? -1;
        }
        return steps;
      }
      if (INTERNAL_ROOT.test(this.nodeName(node)) && this.nodeType(node) === 'synthetic') continue;
      // V8's inline caches remember the last property name a piece of code used (the SDK's signing
      // cache is keyed by a text holding the session token): code metadata no script can read.
      if (INTERNAL_HOLDER.test(this.nodeName(node)) && this.nodeType(node) === 'code') continue;
      for (const edge of this.retainers[node]) {
        const holder = this.edgeSource(edge);
        if (via.has(holder)) continue;
        via.set(holder, edge);
        queue.push(holder);
      }
    }
    return [];
  }
}

/** Finds each secret in a parsed heap snapshot, with what keeps it. */
export function findSecretHolders(raw: RawSnapshot, secrets: readonly string[]): SecretHolder[] {
  const graph = new HeapGraph(raw);
  const found: SecretHolder[] = [];
  for (let node = 0; node < graph.nodeCount; node += 1) {
    const type = graph.nodeType(node);
    if (!STRING_TYPES.has(type)) continue;
    const name = graph.nodeName(node);
    for (const secret of secrets) {
      if (name.includes(secret.slice(0, MATCHED_PREFIX))) {
        found.push({ secret, stringType: type, path: graph.pathFromPageRoots(node) });
      }
    }
  }
  return found;
}

/** A heap snapshot of the page after forced garbage collection, parsed. */
export async function heapSnapshotAfterGarbageCollection(page: Page): Promise<RawSnapshot> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  // Twice: the first collection can leave objects that finalizers released for the second.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk));
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  return JSON.parse(chunks.join('')) as RawSnapshot;
}

/** One line per holder: the secret's beginning and the chain that keeps it, for a failure message. */
export function describeHolders(holders: readonly SecretHolder[]): string[] {
  return holders.map(
    ({ secret, stringType, path }) =>
      `${secret.slice(0, 8)}… (${stringType}): ${path.map((step) => `${step.holder} .${step.edge}`).join(' → ') || 'held by V8 internal tables only'}`,
  );
}
