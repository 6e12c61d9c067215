import { describe, expect, it } from 'vitest';
import { channelNames } from '../../shared/ipc/channels.ts';
import { channels, contract, passphraseFields, type Channel } from '../../shared/ipc/contract.ts';
import { MAX_PASSPHRASE_BYTES, passphraseBytesSchema } from '../../shared/domain/vault.ts';

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

describe('passphrases in the contract', () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);
  /** A valid input for each channel that takes a passphrase, with `value` in `field`. */
  const inputWith = (channel: keyof typeof passphraseFields, field: string, value: unknown) => {
    const valid: Record<string, unknown> = {
      'vault:create': { passphrase: utf8('correct horse battery') },
      'vault:unlock': { passphrase: utf8('correct horse battery') },
      'vault:changePassphrase': { current: utf8('correct horse battery'), next: utf8('горная тропа вдоль Пянджа') },
      'vault:recover': { recoveryKey: 'ABCD-EFGH-JKMN-PQRS-TVWX', newPassphrase: utf8('горная тропа вдоль Пянджа') },
      'vault:restore': { passphrase: utf8('correct horse battery') },
    };
    return { ...(valid[channel] as object), [field]: value };
  };
  const listed = Object.entries(passphraseFields).flatMap(([channel, fields]) => fields.map((field) => [channel as keyof typeof passphraseFields, field] as const));

  it('every field that takes passphrase bytes is listed for the router to zero, and only those', () => {
    const using = channels.flatMap((channel: Channel) => {
      const shape = (contract[channel].input as { shape?: Record<string, unknown> }).shape ?? {};
      return Object.keys(shape).filter((field) => shape[field] === passphraseBytesSchema).map((field) => `${channel}.${field}`);
    });
    expect(using.sort()).toEqual(listed.map(([channel, field]) => `${channel}.${field}`).sort());
    expect(listed).toHaveLength(6);
  });

  it('takes a passphrase only as 1 to 4096 bytes: never as a string, a number array or anything empty or longer', () => {
    for (const [channel, field] of listed) {
      const parse = (value: unknown) => contract[channel].input.safeParse(inputWith(channel, field, value)).success;
      expect(parse(utf8('correct horse battery')), `${channel}.${field}`).toBe(true);
      expect(parse(new Uint8Array(MAX_PASSPHRASE_BYTES).fill(0x61)), `${channel}.${field}`).toBe(true);
      expect(parse(Buffer.from('correct horse battery')), `${channel}.${field}`).toBe(true); // a Buffer is a Uint8Array
      for (const refused of ['correct horse battery', [...utf8('correct horse battery')], new Uint8Array(0), new Uint8Array(MAX_PASSPHRASE_BYTES + 1).fill(0x61), new Uint16Array(12), utf8('correct horse battery').buffer, null]) {
        expect(parse(refused), `${channel}.${field}`).toBe(false);
      }
    }
  });
});
