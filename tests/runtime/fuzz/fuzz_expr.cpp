// libFuzzer target for the expression language (built with -DSW_FUZZ=ON and clang):
//   fuzz_expr -dict=tests/runtime/fuzz/expr.dict tests/runtime/fuzz/corpus_expr
#include <cstdio>
#include <cstdlib>

#include "ExprFuzzCase.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size > 4096) return 0;
    std::string problem = exprfuzz::runExprCase(data, size);
    if (!problem.empty()) {
        std::fprintf(stderr, "invariant violated: %s\n", problem.c_str());
        std::abort();
    }
    return 0;
}
