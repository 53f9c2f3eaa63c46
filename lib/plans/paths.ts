// Plan paths (`systems[0].services[2].rtoMinutes`): how a problem names the place of a mistake, in any format.

export type PathSegment = string | number;

/** `systems[0].services[2].rtoMinutes`; keys that are not identifiers as `config["a b"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (typeof segment === "string" && /^[A-Za-z_$][\w$]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}
