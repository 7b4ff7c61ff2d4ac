import { describe, expect, it } from 'vitest';
import { safeNext } from './next-path';

describe('where signing in leads', () => {
  it('refuses a path that a browser would turn into another site by dropping a tab or a line break', () => {
    // URL parsers strip ASCII tab, LF and CR anywhere: '/\t/evil.example' becomes '//evil.example'.
    for (const bad of ['/\t/evil.example', '/\n/evil.example', '/\r/evil.example', '/\t\\evil.example', '/ /evil.example', '/\u0000/evil.example']) {
      expect(new URL(safeNext(bad), 'https://playground.test').origin, JSON.stringify(bad)).toBe('https://playground.test');
      expect(safeNext(bad)).toBe('/');
    }
  });

  it('keeps an ordinary path with its query', () => {
    expect(safeNext('/settings?tab=policy%20rules#top')).toBe('/settings?tab=policy%20rules#top');
  });
  it('percent-encodes a path outside ASCII (a Location header carries ASCII only) and refuses a broken one', () => {
    expect(safeNext('/。evil')).toBe('/%E3%80%82evil');
    expect(safeNext('/chat?q=語')).toBe('/chat?q=%E8%AA%9E');
    expect(safeNext('/\uD800x')).toBe('/');
  });
});
