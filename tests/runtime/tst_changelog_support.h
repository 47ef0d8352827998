#pragma once
// Changelog test helpers: a source emitting rows with row kinds, and applying an emitted
// changelog to a SQLite table keyed by chosen columns (the way an upsert sink would), with
// shape checks of the retraction sequences.
#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "tst_engine_support.h"
#include "tst_oracle_support.h"

namespace sw::test {

/// Emits fixed (kind, row) pairs; subtask i of n emits entries i, i+n, ...
class ChangelogVectorSource : public SourceOperator {
public:
    using Entry = std::pair<RowKind, Row>;
    ChangelogVectorSource(std::shared_ptr<const std::vector<Entry>> rows, int subtask, int n,
                          std::atomic<bool>* go = nullptr)
        : m_rows(std::move(rows)), m_next(static_cast<std::size_t>(subtask)),
          m_step(static_cast<std::size_t>(n)), m_go(go)
    {
    }
    SourceStatus poll(Collector& out, std::size_t maxRecords) override
    {
        if (m_go && !m_go->load()) return SourceStatus::Idle;
        for (std::size_t k = 0; k < maxRecords && m_next < m_rows->size(); ++k, m_next += m_step) {
            m_rec.row = (*m_rows)[m_next].second;
            m_rec.kind = (*m_rows)[m_next].first;
            m_rec.timestamp = kNoTimestamp;
            out.emit(m_rec);
        }
        return m_next < m_rows->size() ? SourceStatus::More : SourceStatus::End;
    }

private:
    std::shared_ptr<const std::vector<Entry>> m_rows;
    std::size_t m_next;
    std::size_t m_step;
    std::atomic<bool>* m_go;
    Record m_rec;
};

/// `go`: when set, the source emits nothing (Idle) until *go is true.
inline OperatorFactory changelogSource(std::vector<ChangelogVectorSource::Entry> rows,
                                       std::atomic<bool>* go = nullptr)
{
    auto shared =
        std::make_shared<const std::vector<ChangelogVectorSource::Entry>>(std::move(rows));
    return [shared, go](const OperatorSpec& s) -> Result<std::unique_ptr<Operator>> {
        return makeOperator<ChangelogVectorSource>(shared, s.subtask, s.parallelism, go);
    };
}

/// The table an emitted changelog describes, materialized as a multiset of rendered rows:
/// +I/+U add a row, -U/-D remove one equal row (Flink's retract semantics: every retraction
/// names a row that is present). Shape errors are collected: a retraction of an absent row,
/// and (`strictUpdates`) a +U not directly preceded by a -U of the same key in that subtask's
/// order is not checked here (records of several subtasks interleave); see checkUpdatePairs.
struct Materialized {
    std::map<std::string, std::int64_t> rows; ///< rendered row -> multiplicity
    std::vector<std::string> shapeErrors;

    void apply(RowKind k, const std::string& row)
    {
        if (isAccumulate(k)) {
            ++rows[row];
            return;
        }
        auto it = rows.find(row);
        if (it == rows.end()) {
            shapeErrors.push_back(std::string(toString(k)) + " of a row never added: " + row);
            return;
        }
        if (--it->second == 0) rows.erase(it);
    }
    std::vector<std::string> sorted() const
    {
        std::vector<std::string> out;
        for (const auto& [r, n] : rows)
            for (std::int64_t i = 0; i < n; ++i)
                out.push_back(r);
        return out;
    }
};

/// Retract-mode shape per key, in emission order of one key (a key lives on one subtask, so
/// its records keep their order through the sink): -U only after +I/+U of that key (the key's
/// row exists), +U only right after -U, +I only when the key has no row. `key` renders the
/// key columns of a record.
inline std::vector<std::string> checkUpsertShape(const std::vector<Record>& recs,
                                                 const std::function<std::string(const Row&)>& key)
{
    std::map<std::string, std::string> last; // key -> state: "row" | "retracted" | absent
    std::vector<std::string> errors;
    for (const Record& r : recs) {
        const std::string k = key(r.row);
        auto it = last.find(k);
        const std::string state = it == last.end() ? "" : it->second;
        switch (r.kind) {
        case RowKind::Insert:
            if (state == "row") errors.push_back("+I for a key that has a row: " + k);
            last[k] = "row";
            break;
        case RowKind::UpdateBefore:
            if (state != "row") errors.push_back("-U without a preceding +I/+U: " + k);
            last[k] = "retracted";
            break;
        case RowKind::UpdateAfter:
            if (state != "retracted") errors.push_back("+U without -U: " + k);
            last[k] = "row";
            break;
        case RowKind::Delete:
            if (state != "row") errors.push_back("-D without a row: " + k);
            last.erase(k);
            break;
        }
    }
    return errors;
}

// Random event inputs and pipeline runs shared by the changelog and join oracle tests.

inline const std::vector<std::pair<std::string, std::string>> kEvents = {
    {"id", "BIGINT"}, {"k", "BIGINT"}, {"v", "BIGINT"}, {"ts", "TIMESTAMP(3)"}};

/// Random events: ids with several versions each (the key of a version may change), values
/// with NULLs, event times a permutation (unique, out of order) of `spacingMs` steps.
inline std::vector<Row> randomEvents(std::uint32_t seed, int n, int ids, int keys,
                                     std::int64_t spacingMs = 1)
{
    std::mt19937_64 rng(seed);
    std::vector<std::int64_t> ts(static_cast<std::size_t>(n));
    // Local shuffles only: position i holds step j with |i - j| < 50 (sorted by j + noise), so
    // with steps up to 10 ms nothing is behind a 1 s bound.
    std::vector<std::pair<std::uint64_t, std::int64_t>> order;
    for (int i = 0; i < n; ++i)
        order.emplace_back(static_cast<std::uint64_t>(i) + rng() % 50, i);
    std::sort(order.begin(), order.end());
    for (int i = 0; i < n; ++i)
        ts[static_cast<std::size_t>(i)] =
            1'700'000'000'000 + order[static_cast<std::size_t>(i)].second * spacingMs;
    std::vector<Row> rows;
    for (int i = 0; i < n; ++i) {
        const std::int64_t v = static_cast<std::int64_t>(rng() % 1000) - 300;
        rows.push_back(
            {Value::integer(static_cast<std::int64_t>(rng() % static_cast<unsigned>(ids))),
             Value::integer(static_cast<std::int64_t>(rng() % static_cast<unsigned>(keys))),
             rng() % 10 == 0 ? Value::null() : Value::integer(v),
             Value::timestamp(ts[static_cast<std::size_t>(i)])});
    }
    return rows;
}

inline void loadEvents(Sqlite& db, const std::string& table, const std::vector<Row>& rows)
{
    db.exec("CREATE TABLE " + table + "(id INTEGER, k INTEGER, v INTEGER, ts INTEGER)");
    std::string sql = "BEGIN;";
    for (const Row& r : rows)
        sql += "INSERT INTO " + table + " VALUES (" + r[0].toString() + "," + r[1].toString() +
               "," + (r[2].isNull() ? "NULL" : r[2].toString()) + "," +
               std::to_string(r[3].asTimestamp()) + ");";
    db.exec(sql + "COMMIT;");
}

struct ChangelogRun {
    std::vector<Record> out;
    std::string errors;
};

inline ChangelogRun runPipeline(const PipelineSpec& p,
                                const std::map<std::string, std::vector<Row>>& inputs)
{
    ChangelogRun run;
    auto sink = std::make_shared<Collected>();
    EngineOptions o;
    o.watermarkIntervalMs = 0;
    o.batchSize = 64;
    for (const auto& [id, rows] : inputs) {
        VectorSourceConfig c{std::make_shared<std::vector<Row>>(rows)};
        c.perPoll = 37;
        o.operatorOverrides[id] = vectorSource(c);
    }
    o.operatorOverrides["sink"] = collectingSink(sink);
    Engine e;
    if (Status st = e.start(p, o); !st) {
        run.errors = st.message();
        return run;
    }
    run.errors = errorsOf(runToEnd(e));
    run.out = sink->take();
    return run;
}

} // namespace sw::test
