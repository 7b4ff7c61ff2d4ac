'use client';
/**
 * The thread and its branches: an indented tree (role tree/treeitem, each turn under the turn it continued
 * or branched from), or every branch as a column side by side.
 */
import { branches, buildTree, parentOf, type TreeNode } from '@/lib/chat/tree';
import { useChat, type ChatTurn } from '@/lib/chat/thread-store.client';
import { TurnView, type TurnActions } from './turn-view';

export function ThreadView({ actionsFor }: { actionsFor: (turn: ChatTurn, index: number) => TurnActions }) {
  const { turns, layout, setLayout } = useChat();
  const numberOf = (id?: string) => (id ? turns.findIndex((t) => t.id === id) + 1 || undefined : undefined);
  const view = (n: TreeNode<ChatTurn>) => (
    <TurnView turn={n.turn} index={n.index} parentIndex={numberOf(parentOf(n.turn, turns))} actions={actionsFor(n.turn, n.index)} />
  );
  const paths = branches(turns);

  return (
    <section aria-label="Thread" className="space-y-3">
      {paths.length > 1 && (
        <div className="flex items-center gap-2 text-xs" role="group" aria-label="Thread layout">
          <span>{paths.length} branches:</span>
          <button type="button" aria-pressed={layout === 'tree'} onClick={() => setLayout('tree')} className="rounded border px-2 py-0.5">Tree</button>
          <button type="button" aria-pressed={layout === 'side-by-side'} onClick={() => setLayout('side-by-side')} className="rounded border px-2 py-0.5">Side by side</button>
        </div>
      )}
      {layout === 'side-by-side' && paths.length > 1 ? (
        <div className="flex gap-3 overflow-x-auto">
          {paths.map((path, i) => (
            <section key={path[path.length - 1].turn.id} aria-label={`Branch ${i + 1}: turns ${path.map((n) => n.index + 1).join(' → ')}`} className="w-80 shrink-0 space-y-2">
              <h2 className="text-xs font-semibold">Branch {i + 1}: turns {path.map((n) => n.index + 1).join(' → ')}</h2>
              {path.map((n) => <div key={n.turn.id}>{view(n)}</div>)}
            </section>
          ))}
        </div>
      ) : (
        <Tree nodes={buildTree(turns)} level={1} view={view} />
      )}
    </section>
  );
}

function Tree({ nodes, level, view }: { nodes: TreeNode<ChatTurn>[]; level: number; view: (n: TreeNode<ChatTurn>) => React.ReactNode }) {
  if (!nodes.length) return null;
  // A straight line of turns stays flush (the tree levels are still in aria-level); where a turn has
  // branches, its children are indented under it so the fork is visible.
  const fork = level > 1 && nodes.length > 1;
  return (
    <ul role={level === 1 ? 'tree' : 'group'} aria-label={level === 1 ? 'Turns' : undefined} className={fork ? 'ml-6 border-l-2 border-purple-200 pl-3 dark:border-purple-900' : ''}>
      {nodes.map((n) => (
        <li key={n.turn.id} role="treeitem" aria-level={level} aria-selected={false} aria-expanded={n.children.length ? true : undefined} className="space-y-2 pb-2">
          {view(n)}
          <Tree nodes={n.children} level={level + 1} view={view} />
        </li>
      ))}
    </ul>
  );
}
