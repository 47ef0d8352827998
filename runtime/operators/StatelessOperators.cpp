#include "operators/StatelessOperators.h"

#include "operators/OperatorFactories.h"

namespace sw::runtime {

void FilterOperator::processBatch(int, RecordBatch& batch, Collector& out)
{
    std::uint64_t rejected = 0;
    for (Record& r : batch) {
        expr::EvalError err;
        bool keep = m_cond.test(r.row, err);
        if (err.set()) [[unlikely]] {
            out.emitError(ErrorClass::Expression, "condition '" + m_cond.text() + "': " + err.message,
                          r, m_input);
            continue;
        }
        if (keep) out.emit(r);
        else ++rejected;
    }
    if (rejected && m_counters) m_counters->filtered.add(rejected);
}

bool MapOperator::evaluate(const Record& r, Collector& out)
{
    m_values.resize(m_cols.size());
    for (std::size_t i = 0; i < m_cols.size(); ++i) {
        expr::EvalError err;
        m_values[i] = m_cols[i].evaluate(r.row, err);
        if (err.set()) [[unlikely]] {
            out.emitError(ErrorClass::Expression, "expression '" + m_cols[i].text() + "': " + err.message,
                          r, m_input);
            return false;
        }
    }
    return true;
}

void MapOperator::processBatch(int, RecordBatch& batch, Collector& out)
{
    for (Record& r : batch) {
        if (!evaluate(r, out)) continue;
        if (m_keep) {
            for (Value& v : m_values) r.row.push_back(std::move(v));
            out.emit(r);
        } else {
            m_scratch.row.resize(m_values.size());
            for (std::size_t i = 0; i < m_values.size(); ++i) m_scratch.row[i] = std::move(m_values[i]);
            m_scratch.timestamp = r.timestamp;
            m_scratch.provenance = r.provenance;
            out.emit(m_scratch);
        }
    }
}

// ---------------------------------------------------------------- factories

Result<std::unique_ptr<Operator>> makeFilterOperator(const OperatorSpec& spec)
{
    const Schema& in = spec.inputSchemas.at(0);
    auto cond = spec.node.property("condition");
    if (!cond.is_string()) return makeError("condition: expected an expression");
    auto e = expr::Expression::compile(cond.get<std::string>(), in);
    if (!e) return makeError("condition: " + e.error().message);
    return makeOperator<FilterOperator>(std::move(e).value(), in);
}

Result<std::unique_ptr<Operator>> makeMapOperator(const OperatorSpec& spec)
{
    const Schema& in = spec.inputSchemas.at(0);
    std::vector<expr::Expression> cols;
    auto v = spec.node.property("columns");
    for (std::size_t i = 0; v.is_array() && i < v.size(); ++i) {
        const auto& c = v[i];
        if (!c.is_object() || !c.contains("expr") || !c["expr"].is_string())
            return makeError("columns[" + std::to_string(i) + "]: expected {\"name\", \"expr\"}");
        auto e = expr::Expression::compile(c["expr"].get<std::string>(), in);
        if (!e) return makeError("columns[" + std::to_string(i) + "]: " + e.error().message);
        cols.push_back(std::move(e).value());
    }
    auto keep = spec.node.property("keep_input_columns");
    return makeOperator<MapOperator>(std::move(cols), keep.is_boolean() && keep.get<bool>(), in);
}

Result<std::unique_ptr<Operator>> makePassThroughOperator(const OperatorSpec&)
{
    return makeOperator<PassThroughOperator>();
}

} // namespace sw::runtime
