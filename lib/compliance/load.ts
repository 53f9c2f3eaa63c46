// TEMPORARY: app/api/compliance/evidence still imports this name; the routes part rewrites that handler. The lead
// deletes this file after merging (the function is findComplianceView in ./queries.ts).
export { findComplianceView as loadComplianceView } from "./queries";
