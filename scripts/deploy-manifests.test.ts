// The deployment files, checked without Docker or a cluster (neither runs here):
// - every Kubernetes object in deploy/k8s against the Kubernetes OpenAPI schemas (kubernetes-models' validators),
//   plus unknown fields (a typo such as `readinesProbe`, which schema validation lets through and
//   `kubectl apply` rejects) through TypeScript's excess-property check against kubernetes-models' interfaces;
// - docker-compose.yml against the Compose Specification JSON schema (the copy dclint ships), with ajv;
// - the Dockerfile's basics (stages, non-root user, no secrets, what the runtime stage must contain);
// - what ties the files to the code: variables lib/env.ts knows, probe paths that are real routes, commands the
//   image has, selectors that match, the Secret keys the README documents, non-root and read-only containers.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import Ajv from "ajv";
import ts from "typescript";
import { parseAllDocuments, parseDocument } from "yaml";
import { describe, expect, it, vi } from "vitest";
import { appEnvSchema, launcherEnvSchema } from "@/lib/env";

const root = path.resolve(__dirname, "..");
const k8sDir = path.join(root, "deploy/k8s");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

type Json = Record<string, unknown>;
type K8sObject = Json & {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
};
type EnvVar = {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean }; configMapKeyRef?: unknown };
};
type Container = {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  ports?: { name?: string; containerPort: number }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: Json & {
    runAsNonRoot?: boolean;
    runAsUser?: number;
    readOnlyRootFilesystem?: boolean;
    allowPrivilegeEscalation?: boolean;
    capabilities?: { drop?: string[] };
  };
  readinessProbe?: { httpGet?: { path: string; port: string | number } };
  livenessProbe?: { httpGet?: { path: string; port: string | number } };
  volumeMounts?: { name: string; mountPath: string }[];
};
type PodSpec = {
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number; fsGroup?: number };
  containers: Container[];
  initContainers?: Container[];
  volumes?: (Json & { name: string; emptyDir?: Json })[];
};
type Workload = K8sObject & {
  spec: {
    replicas?: number;
    selector: { matchLabels: Record<string, string> };
    template: { metadata: { labels: Record<string, string> }; spec: PodSpec };
  };
};

// ---- loading ---------------------------------------------------------------------------------------------

const k8sFiles = readdirSync(k8sDir)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();
const manifestFiles = k8sFiles.filter((f) => f !== "kustomization.yaml");

function parseYamlFile(file: string): unknown[] {
  const docs = parseAllDocuments(readFileSync(file, "utf8"), { merge: true });
  const list = Array.isArray(docs) ? docs : [docs];
  for (const doc of list) {
    if (doc.errors.length > 0)
      throw new Error(`${path.relative(root, file)}: ${doc.errors.map((e) => e.message).join("; ")}`);
  }
  return list.map((doc) => doc.toJS()).filter((value) => value !== null && value !== undefined);
}

const objects: { file: string; object: K8sObject }[] = manifestFiles.flatMap((file) =>
  parseYamlFile(path.join(k8sDir, file)).map((object) => ({ file, object: object as K8sObject })),
);
const kustomization = parseYamlFile(path.join(k8sDir, "kustomization.yaml"))[0] as {
  apiVersion: string;
  kind: string;
  resources: string[];
  images?: { name: string; newName?: string; newTag?: string }[];
};
const compose = parseDocument(read("docker-compose.yml"), { merge: true }).toJS() as {
  services: Record<
    string,
    {
      image?: string;
      build?: unknown;
      command?: string[];
      environment?: Record<string, string>;
      healthcheck?: { test: string[] };
      depends_on?: Record<string, { condition: string }>;
      ports?: string[];
      restart?: string;
      tmpfs?: string[];
      read_only?: boolean;
    }
  >;
};

const byKind = (kind: string) => objects.filter((o) => o.object.kind === kind).map((o) => o.object);
const workloads = () => [...byKind("Deployment"), ...byKind("Job")] as Workload[];
const deployment = (component: string) => {
  const found = (byKind("Deployment") as Workload[]).find(
    (d) => d.spec.template.metadata.labels["app.kubernetes.io/component"] === component,
  );
  if (!found) throw new Error(`no Deployment with component=${component} in deploy/k8s`);
  return found;
};
const allContainers = (w: Workload) => [
  ...(w.spec.template.spec.initContainers ?? []),
  ...w.spec.template.spec.containers,
];
const appContainer = () => deployment("app").spec.template.spec.containers.find((c) => c.name === "app")!;

// ---- what the code defines -------------------------------------------------------------------------------

/** Every variable lib/env.ts reads (the app's and the launcher's schemas). */
const knownEnv = new Set([...Object.keys(appEnvSchema.shape), ...Object.keys(launcherEnvSchema.shape)]);
/** Variables read by Node or Next themselves, not by Lifeboat. */
const platformEnv = new Set(["NEXT_TELEMETRY_DISABLED", "NODE_OPTIONS"]);
/** The keys of the operator-made Secret, and which must be there. */
const SECRET_NAME = "lifeboat";
const REQUIRED_SECRET_KEYS = ["DATABASE_URL", "NEXTAUTH_SECRET", "METRICS_TOKEN"];
const SECRET_ENV = new Set([...REQUIRED_SECRET_KEYS, "SMTP_URL"]);

/** The CLI entry points deploy/bundle-scripts.mjs compiles into the image's cli/ folder. */
function bundledCommands(): string[] {
  const source = read("deploy/bundle-scripts.mjs");
  const block = /const ENTRY_POINTS = \{([^}]*)\}/.exec(source)?.[1] ?? "";
  return [...block.matchAll(/"?([\w-]+)"?\s*:\s*"(scripts\/[^"]+)"/g)].map((m) => {
    expect(existsSync(path.join(root, m[2]!)), `${m[2]} (bundled as cli/${m[1]}.mjs) exists`).toBe(true);
    return m[1]!;
  });
}

/** A command the image can run: the standalone server, or one of the bundled CLIs. */
function expectImageCommand(command: string[] | undefined, where: string) {
  expect(command, `${where}: an explicit command`).toBeDefined();
  const [bin, script, ...rest] = command!;
  expect(bin, where).toBe("node");
  const allowed = ["server.js", ...bundledCommands().map((name) => `cli/${name}.mjs`)];
  expect(allowed, `${where}: ${command!.join(" ")}`).toContain(script);
  expect(rest, where).toEqual([]);
}

/** URL paths served by app/**\/route.ts (route groups "(x)" do not appear in URLs). */
function apiRoutes(dir = path.join(root, "app"), prefix = ""): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return apiRoutes(full, /^\(.*\)$/.test(entry) ? prefix : `${prefix}/${entry}`);
    return /^route\.tsx?$/.test(entry) ? [prefix || "/"] : [];
  });
}

/** Image references must name a version: no tag, or `latest`, floats. */
function expectPinnedImage(image: string, where: string) {
  const lastSegment = image.split("/").pop()!;
  const tag = image.includes("@sha256:") ? "digest" : lastSegment.includes(":") ? lastSegment.split(":").pop()! : "";
  expect(tag, `${where}: image ${image} needs an explicit tag`).not.toBe("");
  expect(tag, `${where}: image ${image}`).not.toBe("latest");
}

// ---- Kubernetes: schemas -----------------------------------------------------------------------------------

/** kind → the kubernetes-models module and interface that describe it. */
const MODELS: Record<string, { module: string; name: string }> = {
  "v1/ConfigMap": { module: "kubernetes-models/v1/ConfigMap", name: "ConfigMap" },
  "v1/Service": { module: "kubernetes-models/v1/Service", name: "Service" },
  "apps/v1/Deployment": { module: "kubernetes-models/apps/v1/Deployment", name: "Deployment" },
  "batch/v1/Job": { module: "kubernetes-models/batch/v1/Job", name: "Job" },
  "policy/v1/PodDisruptionBudget": {
    module: "kubernetes-models/policy/v1/PodDisruptionBudget",
    name: "PodDisruptionBudget",
  },
};
const modelKey = (o: K8sObject) => `${o.apiVersion}/${o.kind}`;

/** Type-checks each object literal against its interface; returns the diagnostics per object. */
function excessPropertyErrors(list: K8sObject[]): string[][] {
  const file = path.join(root, "__deploy_manifests_typecheck__.ts");
  const imports = Object.values(MODELS).map((m) => `import type { I${m.name} } from "${m.module}";`);
  // One object per line, so a diagnostic's line says which object it is about.
  const lines = list.map((o, i) => `export const m${i}: I${MODELS[modelKey(o)]!.name} = ${JSON.stringify(o)};`);
  const source = [...imports, ...lines].join("\n");
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts"],
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) =>
    path.resolve(name) === file ? ts.createSourceFile(name, source, language) : getSourceFile(name, language, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => path.resolve(name) === file || fileExists(name);
  const program = ts.createProgram([file], options, host);
  const errors: string[][] = list.map(() => []);
  const sourceFile = program.getSourceFile(file)!;
  for (const diagnostic of ts.getPreEmitDiagnostics(program, sourceFile)) {
    const line =
      diagnostic.start === undefined
        ? -1
        : sourceFile.getLineAndCharacterOfPosition(diagnostic.start).line - imports.length;
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, " ");
    (errors[line] ?? (errors[0] ??= [])).push(message);
  }
  return errors;
}

describe("deploy/k8s: Kubernetes schemas", () => {
  it("parses every file and only holds kinds we know how to check", () => {
    expect(manifestFiles.length).toBeGreaterThanOrEqual(6);
    for (const { file, object } of objects) {
      expect(MODELS[modelKey(object)], `${file}: ${modelKey(object)}`).toBeDefined();
      expect(object.metadata?.name, file).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
      expect((object.metadata as Json).namespace, `${file}: namespace-less`).toBeUndefined();
    }
  });

  it("validates each object against the Kubernetes OpenAPI schema (kubernetes-models)", async () => {
    for (const { file, object } of objects) {
      const model = MODELS[modelKey(object)]!;
      const Model = (await import(model.module))[model.name] as new (data: unknown) => { validate(): void };
      expect(() => new Model(object).validate(), `${file}: ${object.kind} ${object.metadata.name}`).not.toThrow();
    }
  });

  it("has no unknown or mistyped fields (TypeScript excess-property check, like kubectl --validate=strict)", () => {
    const list = objects.map((o) => o.object);
    const errors = excessPropertyErrors(list);
    const report = errors.flatMap((messages, i) => messages.map((m) => `${objects[i]!.file} (${list[i]!.kind}): ${m}`));
    expect(report).toEqual([]);
  });

  it("the strict check does catch a typo (so a green run means something)", () => {
    const app = structuredClone(deployment("app"));
    (app.spec.template.spec.containers[0] as Json).readinesProbe = { httpGet: { path: "/x", port: 1 } };
    expect(excessPropertyErrors([app])[0]!.join(" ")).toMatch(/readinesProbe/);
  });

  it("kustomization.yaml lists every manifest except the optional migration Job", () => {
    expect(kustomization.apiVersion).toBe("kustomize.config.k8s.io/v1beta1");
    expect(kustomization.kind).toBe("Kustomization");
    const jobFiles = objects.filter((o) => o.object.kind === "Job").map((o) => o.file);
    expect(jobFiles).toEqual(["migrate-job.yaml"]);
    expect([...kustomization.resources].sort()).toEqual(manifestFiles.filter((f) => !jobFiles.includes(f)).sort());
    const images = new Set(workloads().flatMap((w) => allContainers(w).map((c) => c.image.split(":")[0])));
    for (const image of kustomization.images ?? [])
      expect(images, `kustomization images: ${image.name}`).toContain(image.name);
  });
});

// ---- Kubernetes: consistency -------------------------------------------------------------------------------

describe("deploy/k8s: consistency with the code and with each other", () => {
  it("runs the app with at least 2 replicas, and a separate worker", () => {
    expect(deployment("app").spec.replicas).toBeGreaterThanOrEqual(2);
    expect(deployment("worker").spec.replicas).toBeGreaterThanOrEqual(1);
    const appEnv = appContainer().env ?? [];
    expect(appEnv.find((e) => e.name === "WORKER")?.value, "the app must not run the inline worker").toBe("off");
    expectImageCommand(appContainer().command, "app container");
    expectImageCommand(deployment("worker").spec.template.spec.containers[0]!.command, "worker container");
    expect(deployment("worker").spec.template.spec.containers[0]!.command).toEqual(["node", "cli/worker.mjs"]);
  });

  it("migrates before the app and the worker start (initContainers), and the Job runs the same command", () => {
    for (const component of ["app", "worker"]) {
      const init = deployment(component).spec.template.spec.initContainers ?? [];
      expect(
        init.map((c) => c.command),
        component,
      ).toEqual([["node", "cli/migrate.mjs"]]);
    }
    const job = byKind("Job")[0] as Workload;
    expect(job.spec.template.spec.containers.map((c) => c.command)).toEqual([["node", "cli/migrate.mjs"]]);
    for (const w of workloads())
      for (const c of allContainers(w)) expectImageCommand(c.command, `${w.metadata.name}/${c.name}`);
  });

  it("probes the app: liveness on /api/health, readiness on /api/ready, on a declared port", ({ skip }) => {
    const app = appContainer();
    const portNames = (app.ports ?? []).map((p) => p.name);
    expect(app.livenessProbe?.httpGet?.path).toBe("/api/health");
    expect(app.readinessProbe?.httpGet?.path).toBe("/api/ready");
    for (const probe of [app.livenessProbe, app.readinessProbe]) expect(portNames).toContain(probe?.httpGet?.port);
    expect(apiRoutes()).toContain("/api/health");
    if (!apiRoutes().includes("/api/ready"))
      skip("app/api/ready/route.ts does not exist yet: the readiness path is not checked against a route");
    expect(apiRoutes()).toContain("/api/ready");
  });

  it("selects the app pods, and only them, from the Service and the PodDisruptionBudget", () => {
    const appLabels = deployment("app").spec.template.metadata.labels;
    const workerLabels = deployment("worker").spec.template.metadata.labels;
    const matches = (selector: Record<string, string>, labels: Record<string, string>) =>
      Object.entries(selector).every(([k, v]) => labels[k] === v);
    for (const w of byKind("Deployment") as Workload[])
      expect(matches(w.spec.selector.matchLabels, w.spec.template.metadata.labels), `${w.metadata.name} selector`).toBe(
        true,
      );

    const service = byKind("Service")[0] as K8sObject & {
      spec: { selector: Record<string, string>; ports: { targetPort: string | number }[] };
    };
    expect(matches(service.spec.selector, appLabels)).toBe(true);
    expect(matches(service.spec.selector, workerLabels)).toBe(false);
    const portNames = (appContainer().ports ?? []).flatMap((p) => [p.name, p.containerPort]);
    for (const port of service.spec.ports) expect(portNames).toContain(port.targetPort);

    const pdb = byKind("PodDisruptionBudget")[0] as K8sObject & {
      spec: { minAvailable: number; selector: { matchLabels: Record<string, string> } };
    };
    expect(pdb.spec.minAvailable).toBe(1);
    expect(matches(pdb.spec.selector.matchLabels, appLabels)).toBe(true);
    expect(matches(pdb.spec.selector.matchLabels, workerLabels)).toBe(false);
    expect(pdb.spec.minAvailable).toBeLessThan(deployment("app").spec.replicas!);
  });

  it("sets only variables lib/env.ts knows, secrets only from the Secret, and documents its keys", () => {
    const readme = read("deploy/k8s/README.md");
    const configMap = byKind("ConfigMap")[0] as K8sObject & { data: Record<string, string> };
    for (const key of Object.keys(configMap.data)) {
      expect(knownEnv, `ConfigMap key ${key}`).toContain(key);
      expect(SECRET_ENV.has(key), `${key} is a secret: not in the ConfigMap`).toBe(false);
    }
    const referenced = new Set<string>();
    for (const w of workloads()) {
      for (const c of allContainers(w)) {
        const where = `${w.metadata.name}/${c.name}`;
        for (const ref of c.envFrom ?? [])
          expect(ref.configMapRef?.name, `${where} envFrom`).toBe(configMap.metadata.name);
        for (const variable of c.env ?? []) {
          expect(knownEnv, `${where}: ${variable.name}`).toContain(variable.name);
          const secretRef = variable.valueFrom?.secretKeyRef;
          if (SECRET_ENV.has(variable.name)) {
            expect(secretRef, `${where}: ${variable.name} must come from the Secret`).toBeDefined();
            expect(variable.value, `${where}: ${variable.name} has no literal value`).toBeUndefined();
          }
          if (secretRef) {
            expect(secretRef.name, where).toBe(SECRET_NAME);
            expect(secretRef.key, where).toBe(variable.name);
            // A table row naming the key (the formatter pads cells).
            expect(readme, `deploy/k8s/README.md documents Secret key ${secretRef.key}`).toMatch(
              new RegExp(`^\\| \`${secretRef.key}\` +\\|`, "m"),
            );
            referenced.add(secretRef.key);
          }
        }
      }
      expect(
        allContainers(w).every((c) => c.env?.some((e) => e.name === "DATABASE_URL")),
        `${w.metadata.name}: every container gets DATABASE_URL`,
      ).toBe(true);
    }
    for (const key of REQUIRED_SECRET_KEYS) expect(referenced, `Secret key ${key} is used`).toContain(key);
    expect(
      objects.some((o) => o.object.kind === "Secret"),
      "no Secret object in the repository",
    ).toBe(false);
  });

  it("runs every container as non-root, read-only, without privilege escalation or capabilities", () => {
    const uid = dockerfileUser();
    for (const w of workloads()) {
      const pod = w.spec.template.spec;
      expect(pod.securityContext?.runAsNonRoot, `${w.metadata.name}: runAsNonRoot`).toBe(true);
      expect(pod.securityContext?.runAsUser, `${w.metadata.name}: runAsUser is the image's user`).toBe(uid);
      expect((pod as Json).automountServiceAccountToken, w.metadata.name).toBe(false);
      for (const c of allContainers(w)) {
        const where = `${w.metadata.name}/${c.name}`;
        expect(c.securityContext?.runAsUser ?? pod.securityContext?.runAsUser, where).not.toBe(0);
        expect(c.securityContext?.allowPrivilegeEscalation, where).toBe(false);
        expect(c.securityContext?.readOnlyRootFilesystem, where).toBe(true);
        expect(c.securityContext?.capabilities?.drop, where).toContain("ALL");
        // Mounted volumes must be declared in the pod.
        for (const mount of c.volumeMounts ?? [])
          expect(
            pod.volumes?.map((v) => v.name),
            where,
          ).toContain(mount.name);
      }
    }
    // Next writes its cache under .next/cache (the image's WORKDIR is /app): writable through an emptyDir.
    const mounts = appContainer().volumeMounts ?? [];
    const cache = mounts.find((m) => m.mountPath === "/app/.next/cache");
    expect(cache, "app: a writable /app/.next/cache").toBeDefined();
    expect(deployment("app").spec.template.spec.volumes?.find((v) => v.name === cache!.name)?.emptyDir).toBeDefined();
  });

  it("pins images and sets resource requests and limits on every container", () => {
    for (const w of workloads()) {
      for (const c of allContainers(w)) {
        const where = `${w.metadata.name}/${c.name}`;
        expectPinnedImage(c.image, where);
        for (const kind of ["requests", "limits"] as const) {
          for (const resource of ["cpu", "memory"])
            expect(c.resources?.[kind]?.[resource], `${where}: resources.${kind}.${resource}`).toBeDefined();
        }
      }
    }
    const images = new Set(workloads().flatMap((w) => allContainers(w).map((c) => c.image)));
    expect([...images], "one image for every role").toHaveLength(1);
  });
});

// ---- docker-compose.yml ------------------------------------------------------------------------------------

describe("docker-compose.yml", () => {
  const lifeboatServices = () =>
    Object.entries(compose.services).filter(([, s]) => s.build !== undefined || s.image?.startsWith("lifeboat:"));

  it("validates against the Compose Specification JSON schema", () => {
    // dclint ships the compose-spec schema (draft-07); it is not in the package's exports, so read the file.
    const require = createRequire(__filename);
    const schemaFile = path.join(path.dirname(require.resolve("dclint/package.json")), "schemas/compose.schema.json");
    // It is draft-07 but names it "https://json-schema.org/draft-07/schema", an id ajv does not know: drop it.
    const { $schema, ...schema } = JSON.parse(readFileSync(schemaFile, "utf8"));
    expect($schema).toMatch(/draft-07/);
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    const raw = parseDocument(read("docker-compose.yml"), { merge: true }).toJS();
    expect(validate(raw), ajv.errorsText(validate.errors, { separator: "\n" })).toBe(true);
    // The schema must actually bite: a misspelt service key fails it.
    expect(validate({ services: { app: { imag: "x:1" } } })).toBe(false);
  });

  it("has Postgres, a one-shot migration, the app after it, and a separate worker", () => {
    const { postgres, migrate, app, worker } = compose.services;
    expect(postgres?.image).toMatch(/^postgres:/);
    expect(migrate?.command).toEqual(["node", "cli/migrate.mjs"]);
    expect(migrate?.restart).toBe("no");
    for (const [name, service] of [
      ["app", app],
      ["worker", worker],
    ] as const) {
      expect(service?.depends_on?.migrate?.condition, name).toBe("service_completed_successfully");
      expect(service?.depends_on?.postgres?.condition, name).toBe("service_healthy");
    }
    expect(migrate?.depends_on?.postgres?.condition).toBe("service_healthy");
    expect(app?.command).toEqual(["node", "server.js"]);
    expect(worker?.command).toEqual(["node", "cli/worker.mjs"]);
    expect(app?.environment?.WORKER, "the app must not run the inline worker").toBe("off");
    for (const [name, service] of lifeboatServices()) expectImageCommand(service.command, `compose ${name}`);
  });

  it("health-checks the app on /api/health, at the port it listens on", () => {
    const { app } = compose.services;
    const test = app!.healthcheck!.test.join(" ");
    const url = /http:\/\/127\.0\.0\.1:(\d+)(\/[\w/]+)/.exec(test);
    expect(url, test).not.toBeNull();
    expect(url![2]).toBe("/api/health");
    expect(apiRoutes()).toContain(url![2]);
    expect(url![1]).toBe(app!.environment!.PORT);
    expect(app!.ports).toContain(`${app!.environment!.PORT}:${app!.environment!.PORT}`);
  });

  it("sets only variables lib/env.ts knows, secrets only from the environment, and pins images", () => {
    for (const [name, service] of Object.entries(compose.services))
      expectPinnedImage(service.image ?? "", `compose ${name}`);
    for (const [name, service] of lifeboatServices()) {
      for (const [key, value] of Object.entries(service.environment ?? {})) {
        expect(knownEnv, `compose ${name}: ${key}`).toContain(key);
        if (SECRET_ENV.has(key))
          expect(String(value), `compose ${name}: ${key} comes from the environment`).toMatch(
            /\$\{[A-Z_]+(:[-?][^}]*)?\}/,
          );
      }
      expect(service.environment?.DATABASE_URL, `compose ${name}: DATABASE_URL`).toBeDefined();
      // Read-only like on Kubernetes, with the same writable places.
      expect(service.read_only, `compose ${name}: read_only`).toBe(true);
    }
    expect(compose.services.app!.tmpfs?.some((t) => t.startsWith("/app/.next/cache"))).toBe(true);
  });
});

// ---- Dockerfile --------------------------------------------------------------------------------------------

type Instruction = { keyword: string; args: string; line: number };

function dockerfileInstructions(): Instruction[] {
  const out: Instruction[] = [];
  let pending = "";
  let start = 0;
  read("Dockerfile")
    .split("\n")
    .forEach((text, index) => {
      const line = text.trim();
      if (!pending && (line === "" || line.startsWith("#"))) return;
      if (pending && line.startsWith("#")) return; // comments inside a continued instruction
      if (!pending) start = index + 1;
      if (line.endsWith("\\")) {
        pending += `${line.slice(0, -1)} `;
        return;
      }
      const full = pending + line;
      pending = "";
      const [keyword, ...rest] = full.split(/\s+/);
      out.push({ keyword: keyword!.toUpperCase(), args: rest.join(" "), line: start });
    });
  return out;
}

/** Stages: the instructions after each FROM; `globalArgs` are the ARG defaults before the first FROM. */
function dockerfileStages() {
  const globalArgs: Record<string, string> = {};
  const stages: { image: string; name?: string; body: Instruction[] }[] = [];
  for (const instruction of dockerfileInstructions()) {
    if (instruction.keyword === "FROM") {
      const [image, as, name] = instruction.args.replace(/^--platform=\S+\s+/, "").split(/\s+/);
      const resolved = image!.replace(/\$\{?(\w+)\}?/g, (_, arg: string) => globalArgs[arg] ?? `$${arg}`);
      stages.push({ image: resolved, name: as?.toUpperCase() === "AS" ? name : undefined, body: [] });
    } else if (stages.length === 0) {
      if (instruction.keyword === "ARG") {
        const [name, value] = instruction.args.split("=");
        globalArgs[name!] = value ?? "";
      }
    } else {
      stages.at(-1)!.body.push(instruction);
    }
  }
  return stages;
}

/** The numeric uid the final stage runs as. */
function dockerfileUser(): number {
  const user = dockerfileStages()
    .at(-1)!
    .body.filter((i) => i.keyword === "USER")
    .at(-1)?.args;
  expect(user, "the final stage sets USER").toBeDefined();
  const uid = Number(user!.split(":")[0]);
  expect(Number.isInteger(uid), `USER ${user} is numeric (so runAsNonRoot can check it)`).toBe(true);
  return uid;
}

describe("Dockerfile", () => {
  it("is multi-stage, from pinned base images, and the final stage is not the build", () => {
    const stages = dockerfileStages();
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) {
      expect(stage.name, `FROM ${stage.image} names its stage`).toBeDefined();
      if (!stages.some((s) => s.name === stage.image)) expectPinnedImage(stage.image, `FROM ${stage.image}`);
    }
    const final = stages.at(-1)!;
    expect(
      stages.some((s) => s.name === final.image),
      "the runtime stage starts from a base image, not from the build",
    ).toBe(false);
    expect(
      final.body.some((i) => i.keyword === "RUN" && /npm (install|ci)|npm run build/.test(i.args)),
      "no install or build in the runtime stage",
    ).toBe(false);
  });

  it("runs as a non-root user, set before CMD, and starts the standalone server by default", () => {
    const final = dockerfileStages().at(-1)!.body;
    const uid = dockerfileUser();
    expect(uid).toBeGreaterThan(0);
    const userIndex = final.findLastIndex((i) => i.keyword === "USER");
    const cmdIndex = final.findLastIndex((i) => i.keyword === "CMD");
    expect(cmdIndex).toBeGreaterThan(userIndex);
    expect(JSON.parse(final[cmdIndex]!.args)).toEqual(["node", "server.js"]);
    expect(final.slice(userIndex + 1).some((i) => i.keyword === "USER")).toBe(false);
  });

  it("puts into the runtime stage what the three roles need", () => {
    const build = dockerfileStages().find((s) =>
      s.body.some((i) => i.keyword === "RUN" && i.args.includes("npm run build")),
    )!;
    const buildRun = build.body
      .filter((i) => i.keyword === "RUN")
      .map((i) => i.args)
      .join(" ");
    expect(buildRun).toMatch(/LIFEBOAT_BUILD_STANDALONE=1 npm run build/);
    expect(buildRun).toMatch(/node deploy\/bundle-scripts\.mjs \.next\/cli/);
    const copies = dockerfileStages()
      .at(-1)!
      .body.filter((i) => i.keyword === "COPY")
      .map((i) => i.args.replace(/--\S+\s+/g, ""));
    for (const [from, to] of [
      ["/app/.next/standalone", "./"],
      ["/app/.next/static", "./.next/static"],
      ["/app/.next/cli", "./cli"],
      // cli/migrate.mjs applies them, and /api/ready compares them with the database.
      ["/app/prisma/migrations", "./prisma/migrations"],
    ]) {
      expect(copies, `COPY ${from} ${to}`).toContain(`${from} ${to}`);
    }
  });

  it("bakes no secret into the image, and keeps .env and local state out of the build context", () => {
    for (const instruction of dockerfileInstructions()) {
      if (instruction.keyword === "ENV" || instruction.keyword === "ARG") {
        const names = instruction.args.includes("=")
          ? [...instruction.args.matchAll(/([A-Za-z_][\w]*)=/g)].map((m) => m[1]!)
          : [instruction.args.split(/\s+/)[0]!];
        for (const name of names) {
          expect(name, `line ${instruction.line}: ${instruction.keyword} ${name}`).not.toMatch(
            /SECRET|PASSWORD|TOKEN|PRIVATE|CREDENTIAL|API_KEY|DATABASE_URL|SMTP_URL/i,
          );
          if (instruction.keyword === "ENV")
            expect(knownEnv.has(name) || platformEnv.has(name), `ENV ${name} is a known variable`).toBe(true);
        }
      }
    }
    expect(read("Dockerfile")).not.toMatch(/postgres(ql)?:\/\/[^\s:]+:[^\s@]+@/);
    const ignored = read(".dockerignore")
      .split("\n")
      .map((l) => l.trim());
    for (const entry of [".env", ".env.*", "node_modules", ".next", ".data", ".git", "lib/generated"])
      expect(ignored, `.dockerignore: ${entry}`).toContain(entry);
  });
});

describe("next.config.ts", () => {
  it("builds standalone output only when LIFEBOAT_BUILD_STANDALONE=1 (npm start and e2e use `next start`)", async () => {
    vi.stubEnv("LIFEBOAT_BUILD_STANDALONE", "1");
    vi.resetModules();
    expect((await import("../next.config")).default.output).toBe("standalone");
    vi.stubEnv("LIFEBOAT_BUILD_STANDALONE", "");
    vi.resetModules();
    expect((await import("../next.config")).default.output).toBeUndefined();
    vi.unstubAllEnvs();
  });
});
