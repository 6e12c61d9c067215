import { describe, expect, it } from 'vitest';
import { channelNames } from '../../shared/ipc/channels.ts';
import { channels, contract } from '../../shared/ipc/contract.ts';

describe('IPC contract', () => {
  it('the preload channel list is exactly the contract', () => {
    expect([...channelNames].sort()).toEqual([...channels].sort());
  });

  it('channels are named noun:verb and every input is a strict object', () => {
    for (const channel of channels) {
      expect(channel).toMatch(/^[a-z]+:[a-zA-Z]+$/);
      expect(contract[channel].input.safeParse({ unexpected: true }).success).toBe(false);
    }
  });
});
