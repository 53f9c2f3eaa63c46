import bcrypt from "bcryptjs";
import { createHash, randomBytes } from "node:crypto";

// bcrypt cost 12 takes ~250 ms here: slow enough to hurt guessing, fast enough for a sign-in.
const COST = 12;

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// A hash of a random string, compared against when the account does not exist, so an unknown email
// takes as long as a wrong password and does not reveal which accounts exist.
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= bcrypt.hash(randomBytes(16).toString("hex"), COST);
  return decoyHash;
}

/** A readable one-time password for new users and resets (~100 bits). */
export function generateTemporaryPassword(): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(20);
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join("")).join("-");
}

/** A short fingerprint of the password hash, kept in sessions: a new password invalidates older sessions. */
export function passwordStamp(passwordHash: string): string {
  return createHash("sha256").update(passwordHash).digest("base64url").slice(0, 16);
}
