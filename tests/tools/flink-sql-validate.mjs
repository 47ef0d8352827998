// Validates Flink SQL files with dt-sql-parser's FlinkSQL grammar.
// Usage: node flink-sql-validate.cjs FILE.sql...   Exit 0 when every file parses, 1 otherwise.
import { readFileSync } from 'node:fs';
import { FlinkSQL } from 'dt-sql-parser';

const files = process.argv.slice(2);
if (files.length === 0) {
    console.error('usage: flink-sql-validate FILE.sql...');
    process.exit(2);
}
const parser = new FlinkSQL();
let failed = 0;
for (const file of files) {
    const sql = readFileSync(file, 'utf8');
    const errors = parser.validate(sql);
    if (errors.length === 0) {
        console.log(`OK ${file}`);
        continue;
    }
    failed++;
    for (const e of errors)
        console.log(`ERROR ${file}:${e.startLine}:${e.startColumn}: ${e.message}`);
}
process.exit(failed ? 1 : 0);
