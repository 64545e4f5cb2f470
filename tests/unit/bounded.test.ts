import { BoundedMap, BoundedSet } from '../../lib/bounded';

describe('bounded memos (lib/bounded.ts)', () => {
  it('S5: a BoundedMap keeps up to its limit, then forgets everything before the next entry', () => {
    const memo = new BoundedMap<string, number>(3);
    expect(memo.remember('a', 1)).toBe(1);
    memo.remember('b', 2);
    memo.remember('c', 3);
    expect([...memo]).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    expect(memo.remember('d', 4)).toBe(4);
    expect([...memo]).toEqual([['d', 4]]);
  });

  it('S5: a BoundedSet keeps up to its limit, then forgets everything before the next value', () => {
    const memo = new BoundedSet<string>(2);
    memo.remember('a');
    memo.remember('b');
    expect([...memo]).toEqual(['a', 'b']);
    memo.remember('c');
    expect([...memo]).toEqual(['c']);
  });
});
