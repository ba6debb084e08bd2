// Validates every Kubernetes manifest given on the command line against the Kubernetes OpenAPI schemas, with
// the npm package kubernetes-models (the pip kubernetes-validate is not reachable here). Prints one line per
// document; exits 1 when any document is invalid or of a kind it does not know.
import fs from "node:fs";
import yaml from "js-yaml";

const MODELS = {
  "v1/ConfigMap": "kubernetes-models/v1/ConfigMap",
  "v1/Secret": "kubernetes-models/v1/Secret",
  "v1/Service": "kubernetes-models/v1/Service",
  "apps/v1/Deployment": "kubernetes-models/apps/v1/Deployment",
  "apps/v1/StatefulSet": "kubernetes-models/apps/v1/StatefulSet",
  "policy/v1/PodDisruptionBudget": "kubernetes-models/policy/v1/PodDisruptionBudget",
  "networking.k8s.io/v1/NetworkPolicy": "kubernetes-models/networking.k8s.io/v1/NetworkPolicy",
};

let failed = false;
for (const file of process.argv.slice(2)) {
  for (const doc of yaml.loadAll(fs.readFileSync(file, "utf8"))) {
    if (!doc) {
      continue;
    }
    const type = `${doc.apiVersion}/${doc.kind}`;
    const where = `${file}: ${type} ${doc.metadata && doc.metadata.name}`;
    const module = MODELS[type];
    if (!module) {
      console.log(`INVALID ${where}: no schema known for ${type}`);
      failed = true;
      continue;
    }
    const Model = (await import(module))[doc.kind];
    try {
      new Model(doc).validate();
      console.log(`valid ${where}`);
    } catch (e) {
      console.log(`INVALID ${where}: ${e.message}`);
      failed = true;
    }
  }
}
process.exit(failed ? 1 : 0);
