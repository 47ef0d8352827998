#pragma once
// Internal to the binder: the context a function handler gets (BindFunctions.cpp,
// BindTimeFunctions.cpp).
#include <algorithm>
#include <string>
#include <vector>

#include "expr/Binder.h"

namespace sw::runtime::expr::fn {

enum class Arg : unsigned char { String, Integral, Numeric, Timestamp, Boolean, StringOrTimestamp };

struct Call {
    Binder& binder;
    const Ast& ast;
    std::vector<Bound> args;
    bool constant = true;

    DataType type(std::size_t i) const { return args[i].type(); }
    bool nullable(std::size_t i) const { return type(i).nullable(); }
    bool anyNullable() const
    {
        return std::any_of(args.begin(), args.end(),
                           [](const Bound& b) { return b.type().nullable(); });
    }
    NodePtr take(std::size_t i) { return i < args.size() ? std::move(args[i].node) : nullptr; }
    int pos(std::size_t i) const { return ast.kids[i]->pos; }
    [[noreturn]] void fail(std::string msg) const { Binder::fail(ast.pos, std::move(msg)); }
    Bound done(NodePtr n) { return binder.finish(std::move(n), constant); }
};

// Time function handlers (BindTimeFunctions.cpp).
Bound extract(Call& c);
Bound dateFormat(Call& c);
Bound toTimestamp(Call& c);
Bound unixTimestamp(Call& c);
Bound timestampAdd(Call& c);

} // namespace sw::runtime::expr::fn
