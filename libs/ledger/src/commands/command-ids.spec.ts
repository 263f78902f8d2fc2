import { describe, expect, it } from 'vitest';
import { checkCommandId, eventIdOf } from './command-ids';

describe('event ids derived from a commandId', () => {
  it('are UUID v5, the same for the same command and event, different otherwise', () => {
    const id = eventIdOf('import-7:line-12', 0);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(eventIdOf('import-7:line-12', 0)).toBe(id);
    expect(eventIdOf('import-7:line-12', 1)).not.toBe(id);
    expect(eventIdOf('import-7:line-13', 0)).not.toBe(id);
  });

  it('refuse a commandId that is empty, too long or has other characters', () => {
    expect(checkCommandId('0b9a7c5e-3d1f-4e2a-8c9b-7a5e3d1f2c4b')).toBe('0b9a7c5e-3d1f-4e2a-8c9b-7a5e3d1f2c4b');
    for (const bad of ['', 'a'.repeat(129), 'two words', '-leading-dash']) {
      expect(() => checkCommandId(bad)).toThrow(expect.objectContaining({ code: 'INVALID_COMMAND_ID', field: 'commandId' }));
    }
  });
});
