import { describe, expect, it } from 'vitest';
import { scrubKey } from './user-key';

describe('scrubKey', () => {
  const key = 'sk-proj-abcdefghijklmnop1234';

  it('takes the key out of a message, plain and masked as the services print it', () => {
    expect(scrubKey(`Incorrect API key provided: ${key}.`, key)).toBe('Incorrect API key provided: [your key].');
    expect(scrubKey('Incorrect API key provided: sk-pro****1234. You can find your API key at …', key)).toBe('Incorrect API key provided: [your key, masked]. You can find your API key at …');
  });

  it("takes the server's masked key out too when no key of the user was used", () => {
    expect(scrubKey('Incorrect API key provided: sk-pro****1234.', undefined)).toBe("Incorrect API key provided: [the server's key, masked].");
    expect(scrubKey('Invalid value for size: 999x999.', undefined)).toBe('Invalid value for size: 999x999.');
  });
});
