/**
 * The thread as a tree: each turn hangs under the turn it continued (previous_response_id) or branched from
 * (an image_generation_call reference). Pure, so the view and its tests share it.
 */
export interface TreeTurn {
  id: string;
  parentId?: string;
  branchOf?: string;
  previousResponseId?: string;
  responseId?: string;
}

export interface TreeNode<T extends TreeTurn> {
  turn: T;
  /** 0-based position in the thread (turns are numbered in the order they were sent). */
  index: number;
  children: TreeNode<T>[];
}

/** The parent's id: as recorded, else (threads saved before it was) the branch or the continued response. */
export function parentOf<T extends TreeTurn>(turn: T, turns: readonly T[]): string | undefined {
  if (turn.parentId) return turns.some((t) => t.id === turn.parentId) ? turn.parentId : undefined;
  if (turn.branchOf) return turn.branchOf;
  return turn.previousResponseId ? turns.find((t) => t.responseId === turn.previousResponseId)?.id : undefined;
}

export function buildTree<T extends TreeTurn>(turns: readonly T[]): TreeNode<T>[] {
  const nodes = new Map(turns.map((turn, index) => [turn.id, { turn, index, children: [] as TreeNode<T>[] }]));
  const roots: TreeNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = parentOf(node.turn, turns);
    const into = parent && parent !== node.turn.id ? nodes.get(parent) : undefined;
    (into ? into.children : roots).push(node);
  }
  return roots;
}

/** Every path from a root to a leaf, oldest turn first: the branches to show side by side. */
export function branches<T extends TreeTurn>(turns: readonly T[]): TreeNode<T>[][] {
  const out: TreeNode<T>[][] = [];
  const walk = (node: TreeNode<T>, path: TreeNode<T>[]) => {
    const here = [...path, node];
    if (!node.children.length) out.push(here);
    for (const c of node.children) walk(c, here);
  };
  for (const r of buildTree(turns)) walk(r, []);
  return out;
}
