#pragma once
// Filter, Map and pass-through (key-by, union) operators.
#include <string>
#include <utility>
#include <vector>

#include "exec/Operator.h"
#include "expr/Expression.h"

namespace sw::runtime {

/// Keeps records whose condition is TRUE; FALSE/NULL are counted as filtered; evaluation
/// errors go to the errors port (class `expression`).
class FilterOperator : public Operator {
public:
    FilterOperator(expr::Expression condition, Schema input)
        : m_cond(std::move(condition)), m_input(std::move(input))
    {
    }
    Status open(OperatorContext& ctx) override
    {
        m_counters = &ctx.counters();
        return Status::ok();
    }
    void processBatch(int port, RecordBatch& batch, Collector& out) override;

private:
    expr::Expression m_cond;
    Schema m_input;
    SubtaskCounters* m_counters = nullptr;
};

/// SELECT [*,] expr AS name, ...: computes output columns; errors go to the errors port.
/// Output columns that are plain input column references are swapped/copied, not evaluated.
class MapOperator : public Operator {
public:
    /// One output column: an input column (`source` >= 0) or an expression (`expr` >= 0).
    struct OutColumn {
        int source = -1;
        int expr = -1;
        bool swap = false; ///< the source column is used once: take it instead of copying
    };
    MapOperator(std::vector<expr::Expression> exprs, std::vector<OutColumn> columns, bool keepInput,
                Schema input)
        : m_exprs(std::move(exprs)), m_cols(std::move(columns)), m_keep(keepInput), m_input(std::move(input))
    {
        // Where expression i's value goes: its output column, or m_values[i] when keeping the
        // input columns.
        m_exprSlot.resize(m_exprs.size());
        for (std::size_t i = 0; i < m_exprSlot.size(); ++i)
            m_exprSlot[i] = i;
        if (!m_keep)
            for (std::size_t c = 0; c < m_cols.size(); ++c)
                if (m_cols[c].expr >= 0) m_exprSlot[static_cast<std::size_t>(m_cols[c].expr)] = c;
    }
    void processBatch(int port, RecordBatch& batch, Collector& out) override;

private:
    /// Evaluates every expression of `r` into its slot of `into`; false (error emitted) on a
    /// runtime error.
    bool evaluate(const Record& r, Row& into, Collector& out);

    std::vector<expr::Expression> m_exprs;
    std::vector<OutColumn> m_cols;
    bool m_keep;
    Schema m_input;
    std::vector<std::size_t> m_exprSlot; // expression -> index in the row it is evaluated into
    std::vector<Value> m_values;         // keep mode: computed values of the current record
    Record m_scratch;
    expr::EvalError m_err; // (empty unless an evaluation failed)
};

/// Forwards records unchanged (key-by: the partitioning happens on its input edge; union: the
/// engine merges the input channels and aligns their watermarks).
class PassThroughOperator : public Operator {
public:
    void processBatch(int port, RecordBatch& batch, Collector& out) override
    {
        (void)port;
        for (Record& r : batch) out.emit(r);
    }
};

} // namespace sw::runtime
