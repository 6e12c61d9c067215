import type { Dialogs } from '../../electron/ipc/dialogs.ts';

/** The Dialogs port answered from a queue the test fills: a path, several paths, or null for "cancel". */
export interface ScriptedDialogs extends Dialogs {
  next: (string | string[] | null)[];
  /** Paths handed to the system to open, in order. */
  opened: string[];
}

export function scriptedDialogs(): ScriptedDialogs {
  const next: (string | string[] | null)[] = [];
  const opened: string[] = [];
  const one = () => {
    const answer = next.shift() ?? null;
    return Array.isArray(answer) ? (answer[0] ?? null) : answer;
  };
  return {
    next,
    opened,
    openWithSystem: async (path) => {
      opened.push(path);
    },
    chooseSavePath: async () => one(),
    chooseOpenPath: async () => one(),
    chooseOpenPaths: async () => {
      const answer = next.shift() ?? null;
      return answer === null ? [] : Array.isArray(answer) ? answer : [answer];
    },
  };
}
