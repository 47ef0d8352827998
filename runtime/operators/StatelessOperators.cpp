#include "operators/StatelessOperators.h"

#include "catalog/PropertyAccess.h"
#include "operators/OperatorFactories.h"

namespace sw::runtime {

void FilterOperator::processBatch(int, RecordBatch& batch, Collector& out)
{
    std::uint64_t rejected = 0;
    for (Record& r : batch) {
        expr::EvalError err;
        bool keep = m_cond.test(r.row, err);
        if (err.set()) [[unlikely]] {
            out.emitError(ErrorClass::Expression,
                          "condition '" + m_cond.text() + "': " + err.message, r, m_input);
            continue;
        }
        if (keep)
            out.emit(r);
        else
            ++rejected;
    }
    if (rejected && m_counters) m_counters->filtered.add(rejected);
}

bool MapOperator::evaluate(const Record& r, Row& into, Collector& out)
{
    for (std::size_t i = 0; i < m_exprs.size(); ++i) {
        if (!m_exprs[i].evaluateInto(r.row, into[m_exprSlot[i]], m_err)) [[unlikely]] {
            out.emitError(ErrorClass::Expression,
                          "expression '" + m_exprs[i].text() + "': " + m_err.message, r, m_input);
            m_err.message.clear();
            return false;
        }
    }
    return true;
}

void MapOperator::processBatch(int, RecordBatch& batch, Collector& out)
{
    using std::swap;
    if (m_keep) {
        m_values.resize(m_exprs.size());
        for (Record& r : batch) {
            if (!evaluate(r, m_values, out)) continue;
            for (Value& v : m_values)
                r.row.push_back(std::move(v));
            out.emit(r);
        }
        return;
    }
    Row& row = m_scratch.row;
    for (Record& r : batch) {
        // Expressions are computed straight into the output row's slots (their storage reused,
        // no temporaries), then plain column references are swapped or copied in.
        row.resize(m_cols.size());
        if (!evaluate(r, row, out)) continue;
        for (std::size_t i = 0; i < m_cols.size(); ++i) {
            const OutColumn& c = m_cols[i];
            if (c.expr >= 0) continue;
            if (c.swap)
                swap(row[i], r.row[static_cast<std::size_t>(c.source)]);
            else
                row[i] = r.row[static_cast<std::size_t>(c.source)];
        }
        m_scratch.timestamp = r.timestamp;
        m_scratch.kind = r.kind;                        // Flink's Calc keeps the row kind
        m_scratch.provenance = std::move(r.provenance); // the input record is done with
        out.emit(m_scratch);
    }
}

// ---------------------------------------------------------------- factories

Result<std::unique_ptr<Operator>> makeFilterOperator(const OperatorSpec& spec)
{
    const Schema& in = spec.inputSchemas.at(0);
    auto cond = propertyValue(spec.node, "condition");
    if (!cond.is_string()) return makeError("condition: expected an expression");
    auto e = expr::Expression::compile(cond.get<std::string>(), in);
    if (!e) return makeError("condition: " + e.error().message);
    return makeOperator<FilterOperator>(std::move(e).value(), in);
}

namespace {
/// The input column an expression text names directly ("price", "`price`"), or -1.
int plainColumn(const std::string& text, const Schema& in)
{
    std::string t = text;
    auto trim = [](std::string& x) {
        x.erase(0, x.find_first_not_of(" \t\n"));
        x.erase(x.find_last_not_of(" \t\n") + 1);
    };
    trim(t);
    if (t.size() > 2 &&
        ((t.front() == '`' && t.back() == '`') || (t.front() == '"' && t.back() == '"')))
        t = t.substr(1, t.size() - 2);
    return in.indexOf(t);
}
} // namespace

Result<std::unique_ptr<Operator>> makeMapOperator(const OperatorSpec& spec)
{
    const Schema& in = spec.inputSchemas.at(0);
    const Schema& outSchema = spec.outputSchemas.at(0);
    std::vector<expr::Expression> exprs;
    std::vector<MapOperator::OutColumn> cols;
    std::vector<int> uses(in.size(), 0);
    auto v = propertyValue(spec.node, "columns");
    auto keep = propertyValue(spec.node, "keep_input_columns");
    const bool keepInput = keep.is_boolean() && keep.get<bool>();
    for (std::size_t i = 0; v.is_array() && i < v.size(); ++i) {
        const auto& c = v[i];
        if (!c.is_object() || !c.contains("expr") || !c["expr"].is_string())
            return makeError("columns[" + std::to_string(i) + "]: expected {\"name\", \"expr\"}");
        auto e = expr::Expression::compile(c["expr"].get<std::string>(), in);
        if (!e) return makeError("columns[" + std::to_string(i) + "]: " + e.error().message);
        MapOperator::OutColumn oc;
        int src = keepInput ? -1 : plainColumn(e->text(), in);
        std::size_t outIdx = cols.size() + (keepInput ? in.size() : 0);
        // A plain reference is taken as is only when the types agree (no implicit cast).
        if (src >= 0 && outIdx < outSchema.size() &&
            in[static_cast<std::size_t>(src)].type.sameKind(outSchema[outIdx].type)) {
            oc.source = src;
            ++uses[static_cast<std::size_t>(src)];
        } else {
            oc.expr = static_cast<int>(exprs.size());
            exprs.push_back(std::move(e).value());
        }
        cols.push_back(oc);
    }
    // A source column referenced once (and by no expression) can be swapped out of the input.
    for (const auto& e : exprs)
        for (int r : e.referencedColumns())
            ++uses[static_cast<std::size_t>(r)];
    for (auto& oc : cols)
        if (oc.source >= 0) oc.swap = uses[static_cast<std::size_t>(oc.source)] == 1;
    return makeOperator<MapOperator>(std::move(exprs), std::move(cols), keepInput, in);
}

Result<std::unique_ptr<Operator>> makePassThroughOperator(const OperatorSpec&)
{
    return makeOperator<PassThroughOperator>();
}

} // namespace sw::runtime
