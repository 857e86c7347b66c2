// Playwright global teardown: stops the PouchDB Server of sync-server-setup.mjs by its PID.
export { teardown as default } from './sync-server-setup.mjs';
