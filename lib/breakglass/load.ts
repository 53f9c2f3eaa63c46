// TEMPORARY: app/api/breakglass still imports this name; the routes part rewrites that handler. The lead deletes
// this file after merging (the function is findBreakglass in ./queries.ts).
export { findBreakglass as loadBreakglass } from "./queries";
