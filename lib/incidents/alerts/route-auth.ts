// The body limit of the alert intake routes (their token check is their access in lib/api/routes.ts).
export const ALERT_BODY_LIMIT = 1024 * 1024;
