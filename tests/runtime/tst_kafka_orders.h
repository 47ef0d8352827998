#pragma once
// Order events for the Kafka commit/restart tests (tst_kafka_commits, tst_kafka_replay): the
// JSON they are produced as, and the oracle their 1-minute revenue windows are checked against
// (SQLite GROUP BY, computed independently of the engine).
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "sqlite/SqliteDb.h"
#include "tst_kafka_support.h"
#include "types/Value.h"

namespace sw::test {

struct Order {
    std::int64_t id;
    std::string category;
    std::int64_t cents;
    std::int64_t ts;
    int partition = -1;
};

/// {"order_id", "category", "amount" (DECIMAL(10, 2)), "event_time"} keyed by the order id, to
/// `partition` (the order's own when -1).
inline Msg orderMsg(const Order& o, int partition = -1)
{
    Msg m;
    m.key = std::to_string(o.id);
    m.hasKey = true;
    m.partition = partition >= 0 ? partition : o.partition;
    m.value = "{\"order_id\":" + std::to_string(o.id) + ",\"category\":\"" + o.category +
              "\",\"amount\":" + runtime::formatDecimal(o.cents, 2) + ",\"event_time\":\"" +
              runtime::formatTimestamp(o.ts) + "\"}";
    return m;
}

/// (window start ms, category) -> (orders, revenue in cents).
using WindowTotals =
    std::map<std::pair<std::int64_t, std::string>, std::pair<std::int64_t, std::int64_t>>;

/// The oracle: SQLite GROUP BY 1-minute window and category over the distinct orders (a
/// duplicate counts once, as after dedup). Empty when SQLite fails.
inline WindowTotals minuteTotalsOracle(const std::vector<Order>& orders)
{
    WindowTotals t;
    auto db = runtime::SqliteDb::open(":memory:");
    if (!db) return t;
    runtime::SqliteDb& o = **db;
    if (!o.exec("CREATE TABLE input (id INTEGER, ts INTEGER, category TEXT, cents INTEGER)") ||
        !o.exec("BEGIN"))
        return t;
    auto ins = o.prepare("INSERT INTO input VALUES (?1, ?2, ?3, ?4)");
    if (!ins) return t;
    for (const Order& x : orders) {
        ins->bindInt(1, x.id);
        ins->bindInt(2, x.ts);
        ins->bindText(3, x.category);
        ins->bindInt(4, x.cents);
        ins->step();
        ins->reset();
    }
    if (!o.exec("COMMIT")) return t;
    auto q =
        o.prepare("SELECT ts - ts % 60000 AS ws, category, COUNT(*), SUM(cents) FROM "
                  "(SELECT DISTINCT id, ts, category, cents FROM input) GROUP BY ws, category");
    if (!q) return t;
    while (q->step() == 100 /* SQLITE_ROW */)
        t[{q->columnInt(0), q->columnBytes(1)}] = {q->columnInt(2), q->columnInt(3)};
    return t;
}

} // namespace sw::test
