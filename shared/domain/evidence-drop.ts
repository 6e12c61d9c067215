/**
 * A file dropped onto the window reaches main as its bytes, read in the window and sent in chunks of this size
 * (the last one shorter), so main never reads a path the window names. One chunk is one chunk of the store.
 */
export const DROP_CHUNK_BYTES = 1 << 20;
/** How many drops may be unfinished at once: each holds an incomplete row in the store until it ends. */
export const MAX_OPEN_DROPS = 4;
