#pragma once
// Reads a topic back with a client nobody here wrote: Debian's Python confluent_kafka (loaded by
// /usr/bin/python3), grouping records by the `sw.txn` header that names their transaction.
#include <QString>
#include <QTemporaryDir>

#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include "tst_kafka_support.h"

namespace sw::test {

/// One record read back: its transaction (header sw.txn) and its id (the JSON value's "id").
struct ReadBack {
    std::string txn;
    std::int64_t id = -1;
};

/// Reads every partition of `topic` up to its high watermark with Debian's Python client
/// (isolation.level=read_committed, which the embedded broker does not enforce).
inline std::vector<ReadBack> pythonRead(const std::string& bootstrap, const std::string& topic,
                                        int partitions, QString* error)
{
    QTemporaryDir dir;
    const std::string script = dir.path().toStdString() + "/read.py";
    std::ofstream(script) << R"(import sys, json
from confluent_kafka import Consumer, TopicPartition
bs, topic, parts = sys.argv[1], sys.argv[2], int(sys.argv[3])
c = Consumer({'bootstrap.servers': bs, 'group.id': 'eo-reader', 'enable.auto.commit': False,
              'isolation.level': 'read_committed', 'auto.offset.reset': 'earliest'})
high = {p: c.get_watermark_offsets(TopicPartition(topic, p), timeout=10)[1] for p in range(parts)}
c.assign([TopicPartition(topic, p, 0) for p in range(parts) if high[p] > 0])
nxt = {p: 0 for p in range(parts)}
idle = 0
while any(nxt[p] < high[p] for p in range(parts)) and idle < 100:
    m = c.poll(0.2)
    if m is None or m.error():
        idle += 1
        continue
    idle = 0
    nxt[m.partition()] = m.offset() + 1
    txn = dict(m.headers() or []).get('sw.txn', b'').decode()
    print(txn + '\t' + str(json.loads(m.value())['id']))
c.close()
if any(nxt[p] < high[p] for p in range(parts)):
    sys.exit('did not reach the high watermark: %r < %r' % (nxt, high))
)";
    std::string out;
    int rc = runCommand("/usr/bin/python3 " + script + " " + bootstrap + " " + topic + " " +
                            std::to_string(partitions) + " 2>&1",
                        &out);
    if (rc != 0) *error = QString::fromStdString("python reader failed: " + out);
    std::vector<ReadBack> rows;
    std::size_t pos = 0;
    while (pos < out.size()) {
        std::size_t nl = out.find('\n', pos);
        std::string line = out.substr(pos, nl == std::string::npos ? nl : nl - pos);
        pos = nl == std::string::npos ? out.size() : nl + 1;
        std::size_t tab = line.find('\t');
        if (tab == std::string::npos) continue;
        rows.push_back({line.substr(0, tab), std::stoll(line.substr(tab + 1))});
    }
    return rows;
}

} // namespace sw::test
