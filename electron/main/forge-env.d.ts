/**
 * Constants that Forge's Vite plugin substitutes into the main bundle at
 * build time (named after the renderer entry `main_window` in forge.config.ts).
 * The dev-server URL exists only under `electron-forge start`.
 */
declare const MAIN_WINDOW_VITE_DEV_SERVER_URL: string | undefined;
declare const MAIN_WINDOW_VITE_NAME: string;
