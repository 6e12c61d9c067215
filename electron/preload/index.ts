import { contextBridge, ipcRenderer } from 'electron';
import { channelNames } from '../../shared/ipc/channels.ts';

// Bundled into one CommonJS file (a sandboxed preload cannot load modules). It exposes `window.ombuds` with one
// function per contract channel and nothing else: no ipcRenderer, no generic invoke.
const bridge = Object.fromEntries(channelNames.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input ?? {})]));
contextBridge.exposeInMainWorld('ombuds', Object.freeze(bridge));
