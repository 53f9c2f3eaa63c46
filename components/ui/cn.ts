import { twMerge } from "tailwind-merge";

/** Joins class names; when two Tailwind classes conflict (w-full vs w-20), the later one wins. */
export function cn(...classes: Array<string | false | null | undefined>): string {
  return twMerge(classes.filter(Boolean).join(" "));
}
