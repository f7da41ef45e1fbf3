/**
 * Import cycles, each reported once: the strongly connected components of the file graph
 * (Tarjan's algorithm, iterative so that 10,000-file chains cannot overflow the stack), and
 * in each component the shortest cycle through its smallest member.
 */

export interface Cycle {
  /** The files of the cycle in import order, starting at the component's smallest path; the last imports the first. */
  files: string[];
  /** How many files the component holds (at least `files.length`): more means several tangled cycles. */
  componentSize: number;
}

/** `successors(file)` lists the files `file` imports; only nodes in `files` are visited as roots. */
export function findCycles(files: readonly string[], successors: (file: string) => readonly string[]): Cycle[] {
  const cycles: Cycle[] = [];
  for (const component of stronglyConnected(files, successors)) {
    const start = component.reduce((least, file) => (file < least ? file : least));
    const members = new Set(component);
    const isCycle = component.length > 1 || successors(start).includes(start);
    if (!isCycle) continue;
    const path = shortestCycleThrough(start, members, successors);
    if (path) cycles.push({ files: path, componentSize: component.length });
  }
  return cycles.sort((a, b) => compare(a.files[0]!, b.files[0]!));
}

interface Frame {
  node: string;
  next: readonly string[];
  index: number;
}

/**
 * Tarjan's strongly connected components, with an explicit stack instead of recursion. Each
 * component comes after every component it leads to (a reverse topological order).
 */
export function stronglyConnected(files: readonly string[], successors: (file: string) => readonly string[]): string[][] {
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;

  const enter = (node: string, frames: Frame[]): void => {
    order.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    frames.push({ node, next: successors(node), index: 0 });
  };

  for (const root of files) {
    if (order.has(root)) continue;
    const frames: Frame[] = [];
    enter(root, frames);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      if (frame.index < frame.next.length) {
        const target = frame.next[frame.index]!;
        frame.index += 1;
        if (!order.has(target)) enter(target, frames);
        else if (onStack.has(target)) low.set(frame.node, Math.min(low.get(frame.node)!, order.get(target)!));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) !== order.get(frame.node)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.node);
      components.push(component);
    }
  }
  return components;
}

/**
 * Breadth-first from `start` inside its component, successors in path order, until an edge
 * leads back to `start`: the shortest cycle, the same one on every run.
 */
function shortestCycleThrough(start: string, members: ReadonlySet<string>, successors: (file: string) => readonly string[]): string[] | undefined {
  const parent = new Map<string, string>();
  const queue: string[] = [start];
  for (let head = 0; head < queue.length; head += 1) {
    const node = queue[head]!;
    const next = successors(node).filter((file) => members.has(file)).sort(compare);
    for (const target of next) {
      if (target === start) return pathTo(node, start, parent);
      if (parent.has(target)) continue;
      parent.set(target, node);
      queue.push(target);
    }
  }
  return undefined;
}

function pathTo(last: string, start: string, parent: ReadonlyMap<string, string>): string[] {
  const path = [last];
  for (let node = last; node !== start; ) {
    node = parent.get(node)!;
    path.push(node);
  }
  return path.reverse();
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
