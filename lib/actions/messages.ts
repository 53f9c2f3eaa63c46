// What an action answers when it fails for a reason that is not the user's: shared with the e2e fuzz
// specs, which must tell these (a failure of ours) from a user error (a handled AppError message).
// Its own module without "server-only", so tests can import it.
export const UNEXPECTED_ACTION_ERROR = "Something went wrong and nothing was saved. The error has been logged.";
export const DATABASE_DOWN_ACTION_ERROR =
  "The database is unreachable right now. Nothing was saved; try again shortly.";
