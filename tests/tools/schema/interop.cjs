// Independent clients for tst_schema_interop: Confluent's schema-registry client for kafkajs
// (@kafkajs/confluent-schema-registry: registers, encodes, decodes) and kafkajs with the lz4 codec
// (kafkajs-lz4), against Streamwright's embedded Schema Registry and broker.
//
//   node interop.cjs produce BOOTSTRAP REGISTRY TOPIC   -> JSON {ids, expected, bad, refused}
//   node interop.cjs consume BOOTSTRAP REGISTRY TOPIC N -> JSON {subjectId, values}
'use strict';
const { Kafka, CompressionTypes, CompressionCodecs, logLevel } = require('kafkajs');
const LZ4 = require('kafkajs-lz4');
const { SchemaRegistry, SchemaType } = require('@kafkajs/confluent-schema-registry');

CompressionCodecs[CompressionTypes.LZ4] = new LZ4().codec;

const record = (fields) => JSON.stringify({ type: 'record', name: 'Order', namespace: 'shop', fields });
const ts = { type: 'long', logicalType: 'timestamp-millis' };
const V1 = record([
  { name: 'id', type: 'int' }, { name: 'amount', type: 'float' }, { name: 'ts', type: ts }]);
const V2 = record([
  { name: 'id', type: 'int' }, { name: 'amount', type: 'float' }, { name: 'ts', type: ts },
  { name: 'coupon', type: ['null', 'string'], default: null }]);
const V3 = record([
  { name: 'coupon', type: ['null', 'string'], default: null },
  { name: 'id', type: 'long' }, { name: 'amount', type: 'double' }, { name: 'ts', type: ts },
  { name: 'status', type: { type: 'enum', name: 'Status', symbols: ['NEW', 'PAID'] }, default: 'NEW' }]);
// Incompatible under BACKWARD: a field without a default.
const V4 = record([
  { name: 'id', type: 'long' }, { name: 'amount', type: 'double' }, { name: 'ts', type: ts },
  { name: 'region', type: 'string' }]);
// Compatible with nothing the pipeline reads: no `id` (a NOT NULL column).
const OTHER = record([{ name: 'amount', type: 'double' }]);

function tsText(ms) {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

async function produce(bootstrap, url, topic) {
  const registry = new SchemaRegistry({ host: url });
  const subject = `${topic}-value`;
  const ids = [];
  for (const schema of [V1, V2, V3]) {
    const { id } = await registry.register({ type: SchemaType.AVRO, schema }, { subject });
    ids.push(id);
  }
  // Registering v3 again gives its id again.
  const again = (await registry.register({ type: SchemaType.AVRO, schema: V3 }, { subject })).id;
  if (again !== ids[2]) throw new Error(`v3 registered twice: ids ${ids[2]} and ${again}`);
  let refused = '';
  try {
    await registry.register({ type: SchemaType.AVRO, schema: V4 }, { subject });
  } catch (e) {
    refused = `${e.name}: ${e.message}`;
  }
  const other = (await registry.register({ type: SchemaType.AVRO, schema: OTHER },
    { subject: `${topic}-other` })).id;
  const latest = await registry.getLatestSchemaId(subject);
  if (latest !== ids[2]) throw new Error(`latest id ${latest}, expected ${ids[2]}`);

  const messages = [];
  const expected = [];
  for (let i = 0; i < 30; i++) {
    const version = Math.floor(i / 10);
    const ms = 1700000000000 + i * 1000;
    const coupon = version >= 1 && i % 2 ? `C${i}` : null;
    let value;
    if (version === 0) value = { id: i, amount: i + 0.5, ts: ms };
    else if (version === 1) value = { id: i, amount: i + 0.5, ts: ms, coupon };
    else value = { coupon, id: i, amount: i * 1.25, ts: ms, status: i % 2 ? 'PAID' : 'NEW' };
    messages.push({ value: await registry.encode(ids[version], value) });
    expected.push({ id: i, amount: value.amount, coupon, status: version === 2 ? value.status : null,
      ts: tsText(ms) });
  }
  // Bad input, each with the reason the pipeline must give.
  const good = messages[0].value;
  const header = (id) => Buffer.from([0, (id >>> 24) & 255, (id >>> 16) & 255, (id >>> 8) & 255, id & 255]);
  const bad = [
    { value: Buffer.concat([Buffer.from([1]), good.subarray(1)]), reason: 'the magic byte is 0x01, not 0' },
    { value: Buffer.concat([header(4242), good.subarray(5)]), reason: 'Schema 4242 not found' },
    { value: good.subarray(0, good.length - 3), reason: 'is not one datum of this schema (truncated or garbage)' },
    { value: await registry.encode(other, { amount: 1.5 }), reason: `schema id ${other} does not fit the columns` },
  ];
  const kafka = new Kafka({ clientId: 'interop-producer', brokers: [bootstrap], logLevel: logLevel.ERROR });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  await producer.send({ topic, compression: CompressionTypes.LZ4, messages: [...messages, ...bad.map((b) => ({ value: b.value }))] });
  await producer.disconnect();
  return { ids, expected, refused, bad: bad.map((b) => ({ hex: b.value.toString('hex'), reason: b.reason })) };
}

async function consume(bootstrap, url, topic, count) {
  const registry = new SchemaRegistry({ host: url });
  const subjectId = await registry.getLatestSchemaId(`${topic}-value`);
  const kafka = new Kafka({ clientId: 'interop-consumer', brokers: [bootstrap], logLevel: logLevel.ERROR });
  const consumer = kafka.consumer({ groupId: `interop-${Date.now()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const values = [];
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only ${values.length} of ${count} messages`)), 60000);
    consumer.run({
      eachMessage: async ({ message }) => {
        const v = await registry.decode(message.value);
        values.push({ id: Number(v.id), amount: v.amount, coupon: v.coupon, status: v.status,
          ts: v.ts === null ? null : tsText(Number(v.ts)), schemaId: message.value.readUInt32BE(1) });
        if (values.length >= count) { clearTimeout(timer); resolve(); }
      },
    }).catch(reject);
  });
  await consumer.disconnect();
  return { subjectId, values };
}

(async () => {
  const [cmd, bootstrap, url, topic, n] = process.argv.slice(2);
  const out = cmd === 'produce' ? await produce(bootstrap, url, topic)
    : await consume(bootstrap, url, topic, Number(n));
  process.stdout.write(JSON.stringify(out) + '\n');
  process.exit(0);
})().catch((e) => {
  process.stderr.write(`interop.cjs: ${e.stack || e}\n`);
  process.exit(1);
});
