import { contextBridge, ipcRenderer } from 'electron';
import { channelNames } from '../../shared/ipc/channels.ts';

// Bundled into one CommonJS file: a sandboxed preload can require nothing but 'electron'. It imports the
// zod-free channel list (a unit test keeps it equal to the contract's keys) rather than the contract itself,
// so the bundle stays a few hundred bytes that can be read in full.
//
// `window.ombuds` gets one function per contract channel and nothing else: no ipcRenderer, no generic invoke,
// no event subscription. Main validates every input and checks the sender, so this is convenience, not a gate.
const bridge = Object.fromEntries(channelNames.map((channel) => [channel, (input?: unknown) => ipcRenderer.invoke(channel, input)]));
contextBridge.exposeInMainWorld('ombuds', Object.freeze(bridge));
//
// No file paths: a file dropped onto the window is read there and its bytes go to main over the contract's
// evidence:drop* channels, so main never reads a path the window names (webUtils.getPathForFile is not exposed).
