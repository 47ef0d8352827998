#pragma once
// One fuzz case for the expression language, shared by the libFuzzer target (fuzz_expr) and the
// corpus replay test (tst_expr_corpus), so the stored corpus runs in every normal test run.
#include <cstddef>
#include <cstdint>
#include <string>

namespace exprfuzz {

/// Compiles `data` as expression text against a fixed schema, evaluates it on several rows
/// (ordinary values, NULLs, extreme values, a too-short row) and checks invariants: no crash or
/// exception, errors carry a column inside the text, results match the declared type, NOT NULL
/// types never yield NULL, evaluation is deterministic, test() agrees with evaluate().
/// Returns "" when all hold, else a description of the first violation.
std::string runExprCase(const std::uint8_t* data, std::size_t size);

} // namespace exprfuzz
