// Trunk's initializer hooks (the `data-initializer` of index.html's rust link): trunk's loader
// calls them while it downloads and starts the wasm. They tell the boot check (boot-check.js,
// `window.fieldLedgerBoot`) that loading moves forward or failed, so it can tell a slow network
// from a broken download. When the boot check found the browser too old, the app is not started
// at all: its message stays up instead of a half-working app.
export default function initializer() {
  const boot = window.fieldLedgerBoot;
  if (boot?.blocked) {
    throw new Error(`Field Ledger cannot start in this browser (${boot.blocked})`);
  }
  const progress = (done) => boot?.progress(done);
  return {
    onStart: progress,
    onProgress: progress,
    onComplete: progress,
    onFailure: (reason) => boot?.failed(reason, true),
  };
}
