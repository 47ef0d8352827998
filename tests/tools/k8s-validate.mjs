// Validates Kubernetes manifests (multi-document YAML) against pinned CRD schemas.
// Usage: node k8s-validate.cjs --crds DIR FILE.yaml...   Exit 0 when every document is valid.
// Unknown properties are errors: Kubernetes would silently prune them, hiding misspelt keys, so
// every object schema without x-kubernetes-preserve-unknown-fields gets additionalProperties:
// false. ConfigMaps (core API, no CRD) are checked against a small built-in schema.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import Ajv from 'ajv';

function strict(schema) {
    if (Array.isArray(schema)) return schema.map(strict);
    if (schema === null || typeof schema !== 'object') return schema;
    const out = {};
    for (const [k, v] of Object.entries(schema)) {
        if (k === 'properties') {
            out.properties = {};
            for (const [p, s] of Object.entries(v)) out.properties[p] = strict(s);
        } else {
            out[k] = strict(v);
        }
    }
    const isObject = out.type === 'object' || out.properties !== undefined;
    if (isObject && out.properties && out.additionalProperties === undefined &&
        !out['x-kubernetes-preserve-unknown-fields'])
        out.additionalProperties = false;
    return out;
}

const metadataSchema = {
    type: 'object',
    required: ['name'],
    additionalProperties: false,
    properties: {
        name: { type: 'string', maxLength: 253,
                pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$' },
        namespace: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$' },
        labels: { type: 'object', additionalProperties: { type: 'string', maxLength: 63 } },
        annotations: { type: 'object', additionalProperties: { type: 'string' } },
    },
};

function rootSchema(apiVersion, kind, openApi) {
    const s = strict(openApi);
    s.type = 'object';
    s.properties = { ...s.properties, apiVersion: { const: apiVersion }, kind: { const: kind },
                     metadata: metadataSchema };
    s.required = [...new Set([...(s.required || []), 'apiVersion', 'kind', 'metadata', 'spec'])];
    s.additionalProperties = false;
    delete s.properties.status; // exported manifests never carry status
    return s;
}

function loadCrds(dir) {
    const schemas = new Map();
    for (const f of readdirSync(dir)) {
        if (!/\.ya?ml$/.test(f)) continue;
        const crd = parse(readFileSync(join(dir, f), 'utf8'));
        if (crd?.kind !== 'CustomResourceDefinition') continue;
        for (const v of crd.spec.versions) {
            if (!v.served || !v.schema?.openAPIV3Schema) continue;
            const apiVersion = `${crd.spec.group}/${v.name}`;
            schemas.set(`${apiVersion}/${crd.spec.names.kind}`,
                        rootSchema(apiVersion, crd.spec.names.kind, v.schema.openAPIV3Schema));
        }
    }
    schemas.set('v1/ConfigMap', {
        type: 'object', required: ['apiVersion', 'kind', 'metadata', 'data'], additionalProperties: false,
        properties: { apiVersion: { const: 'v1' }, kind: { const: 'ConfigMap' }, metadata: metadataSchema,
                      data: { type: 'object', additionalProperties: { type: 'string' } } },
    });
    return schemas;
}

const args = process.argv.slice(2);
const at = args.indexOf('--crds');
if (at < 0 || at + 1 >= args.length) {
    console.error('usage: k8s-validate --crds DIR FILE.yaml...');
    process.exit(2);
}
const schemas = loadCrds(args[at + 1]);
const files = args.filter((_, i) => i !== at && i !== at + 1);
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const compiled = new Map();
let failed = 0;
for (const file of files) {
    const docs = parseAllDocuments(readFileSync(file, 'utf8'));
    let n = 0;
    for (const doc of docs) {
        n++;
        if (doc.errors.length) {
            failed++;
            for (const e of doc.errors) console.log(`ERROR ${file} doc ${n}: YAML: ${e.message}`);
            continue;
        }
        const obj = doc.toJS();
        if (obj === null || obj === undefined) continue;
        const key = `${obj.apiVersion}/${obj.kind}`;
        if (!schemas.has(key)) {
            failed++;
            console.log(`ERROR ${file} doc ${n}: no schema for ${key}`);
            continue;
        }
        if (!compiled.has(key)) compiled.set(key, ajv.compile(schemas.get(key)));
        const validate = compiled.get(key);
        if (validate(obj)) {
            console.log(`OK ${file} doc ${n}: ${obj.kind} ${obj.metadata?.name}`);
            continue;
        }
        failed++;
        for (const e of validate.errors)
            console.log(`ERROR ${file} doc ${n}: ${obj.kind}${e.instancePath} ${e.message}` +
                        (e.params?.additionalProperty ? ` '${e.params.additionalProperty}'` : ''));
    }
}
process.exit(failed ? 1 : 0);
