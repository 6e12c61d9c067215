import { app } from 'electron';

/**
 * Developer conveniences (DevTools, reload) exist only when running from source AND explicitly asked for with
 * OMBUDS_DEV=1. A packaged build never has them, whatever its environment says.
 */
export const isDevelopment = (): boolean => !app.isPackaged && process.env.OMBUDS_DEV === '1';
