import { describe, expect, it } from 'vitest';
import { branches, buildTree, parentOf } from './tree';

// 1 → 2 → 4, and 3 branches from 1; 5 is a new root (a fresh thread after "New chat" would be too).
const turns = [
  { id: 'a', responseId: 'r1' },
  { id: 'b', parentId: 'a', previousResponseId: 'r1', responseId: 'r2' },
  { id: 'c', parentId: 'a', branchOf: 'a', responseId: 'r3' },
  { id: 'd', parentId: 'b', previousResponseId: 'r2', responseId: 'r4' },
  { id: 'e' },
];

describe('thread tree', () => {
  it('hangs continued turns and branches under their parent, in the order they were sent', () => {
    const roots = buildTree(turns);
    expect(roots.map((n) => n.turn.id)).toEqual(['a', 'e']);
    expect(roots[0].children.map((n) => [n.turn.id, n.index])).toEqual([['b', 1], ['c', 2]]);
    expect(roots[0].children[0].children.map((n) => n.turn.id)).toEqual(['d']);
  });
  it('lists every branch root to leaf for the side-by-side view', () => {
    expect(branches(turns).map((p) => p.map((n) => n.turn.id).join(''))).toEqual(['abd', 'ac', 'e']);
  });
  it('finds the parent of turns saved before parents were recorded', () => {
    const old = [{ id: 'x', responseId: 'r9' }, { id: 'y', previousResponseId: 'r9' }, { id: 'z', branchOf: 'x' }];
    expect(parentOf(old[1], old)).toBe('x');
    expect(parentOf(old[2], old)).toBe('x');
  });
  it('treats a parent that is gone as a root rather than losing the turn', () => {
    expect(buildTree([{ id: 'q', parentId: 'missing' }]).map((n) => n.turn.id)).toEqual(['q']);
  });
});
