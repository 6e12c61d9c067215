// Loaded with --import into the Electronegativity child process. Offline, the scanner's requests for updated
// translations and for Electron's release list fail (ENOTFOUND), and got's retry timer then throws "The
// `onCancel` handler was attached after the promise settled" from a timer, killing the process at a random
// moment. Only those network failures are swallowed; any other uncaught error still fails the run.
const OFFLINE_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ENETUNREACH']);
process.on('uncaughtException', (error) => {
  if (OFFLINE_CODES.has(error?.code) || /onCancel. handler was attached after the promise settled/.test(String(error?.message))) return;
  console.error(error);
  process.exit(70);
});
