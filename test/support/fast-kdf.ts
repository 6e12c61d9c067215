/**
 * Argon2id at the floor the envelope accepts (64 MiB, 3 passes; production's DEFAULT_KDF is 256 MiB, 10 passes).
 * The envelope records its parameters, so every later unlock of a vault made with these — in-process or by a CLI
 * child — is as cheap. Plain module (no vitest import), so child processes the tests spawn can use it too.
 */
export const FAST_KDF = { memoryKiB: 65_536, iterations: 3, parallelism: 4 } as const;
