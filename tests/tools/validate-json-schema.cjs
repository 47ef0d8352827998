#!/usr/bin/env node
// Validates JSON files against a JSON Schema (draft 2020-12) with Ajv.
// Usage: node validate-json-schema.cjs SCHEMA FILE...
// Prints "ok FILE" or "invalid FILE" followed by one line per error; exit code 0 when every file
// is valid, 1 when any is invalid, 2 on usage errors or an unusable schema.
// Ajv is found through NODE_PATH (tst_schema_examples installs it into the build directory).
'use strict';
const fs = require('fs');

function main(argv) {
  if (argv.length < 2) {
    console.error('usage: validate-json-schema.cjs SCHEMA FILE...');
    return 2;
  }
  const Ajv2020 = require('ajv/dist/2020');
  const [schemaPath, ...files] = argv;
  let validate;
  try {
    const ajv = new Ajv2020({allErrors: true, strict: true});
    validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));
  } catch (e) {
    console.error(`schema ${schemaPath}: ${e.message}`);
    return 2;
  }
  let invalid = 0;
  for (const file of files) {
    let data;
    try {
      data = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      console.log(`invalid ${file}\n  not JSON: ${e.message}`);
      ++invalid;
      continue;
    }
    if (validate(data)) {
      console.log(`ok ${file}`);
      continue;
    }
    ++invalid;
    console.log(`invalid ${file}`);
    for (const e of validate.errors) {
      console.log(`  ${e.instancePath || '/'}: ${e.message} ${JSON.stringify(e.params)}`);
    }
  }
  return invalid ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
