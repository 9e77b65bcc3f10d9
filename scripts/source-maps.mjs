// Loaded by the production server right after tsx (scripts/start.mjs). tsx turns Node's source maps on for the whole
// process, and Node then keeps every loaded module's map, parsed, for as long as the process runs: over 100 MB in the
// console's server (Next's server chunks read their .map files; the lib/ files tsx compiles carry theirs inline).
// The server runs without them, as `next start` does; ROLEPLANE_SOURCE_MAPS=1 keeps them, for stack traces that
// point into the TypeScript sources.
if (process.env.ROLEPLANE_SOURCE_MAPS !== "1") process.setSourceMapsEnabled(false);
