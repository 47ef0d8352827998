#include "operators/windows/WindowState.h"

#include <numeric>
#include <stdexcept>

namespace sw::runtime {

void writeKey(StateOutput& out, const GroupKey& key)
{
    out.u64(key.values.size());
    for (const Value& v : key.values)
        out.value(v);
}

GroupKey readKey(StateInput& in)
{
    Row values(in.count());
    for (Value& v : values)
        v = in.value();
    std::vector<int> cols(values.size());
    std::iota(cols.begin(), cols.end(), 0);
    return toGroupKey(keyViewOf(values, cols));
}

void writeAccs(StateOutput& out, const Acc* accs, std::size_t n)
{
    for (std::size_t i = 0; i < n; ++i) {
        const Acc& a = accs[i];
        out.i64(a.count);
        out.i64(a.isum);
        out.f64(a.dsum);
        out.value(a.value);
        out.u64(a.seq);
        out.u64(a.distinct ? a.distinct->size() : 0);
        if (a.distinct)
            for (const Value& v : *a.distinct)
                out.value(v);
    }
}

void readAccs(StateInput& in, Acc* accs, std::size_t n)
{
    for (std::size_t i = 0; i < n; ++i) {
        Acc& a = accs[i];
        a.count = in.i64();
        a.isum = in.i64();
        a.dsum = in.f64();
        a.value = in.value();
        a.seq = in.u64();
        const std::size_t distinct = in.count();
        a.distinct.reset();
        if (distinct > 0) {
            a.distinct = std::make_unique<std::unordered_set<Value, ValueHash>>();
            for (std::size_t k = 0; k < distinct && in.ok(); ++k)
                a.distinct->insert(in.value());
        }
    }
}

void writeAccCounts(StateOutput& out, const Acc* accs, std::size_t n)
{
    for (std::size_t i = 0; i < n; ++i) {
        const Acc& a = accs[i];
        out.u64(a.counts ? a.counts->size() : 0);
        if (a.counts)
            for (const auto& [v, c] : *a.counts) {
                out.value(v);
                out.i64(c);
            }
    }
}

void readAccCounts(StateInput& in, Acc* accs, std::size_t n)
{
    for (std::size_t i = 0; i < n; ++i) {
        Acc& a = accs[i];
        const std::size_t values = in.count(2);
        a.counts.reset();
        if (values == 0) continue;
        a.counts = std::make_unique<std::map<Value, std::int64_t>>();
        for (std::size_t k = 0; k < values && in.ok(); ++k) {
            Value v = in.value();
            (*a.counts)[std::move(v)] = in.i64();
        }
    }
}

bool readFormat(StateInput& in, std::uint64_t expected)
{
    const std::uint64_t f = in.u64();
    if (in.ok() && f != expected)
        in.fail("unknown state format " + std::to_string(f) + " (this build reads " +
                std::to_string(expected) + ")");
    return in.ok();
}

void finishRestore(const StateInput& in, const std::string& what)
{
    if (std::string e = in.finish(what); !e.empty()) throw std::runtime_error(e);
}

} // namespace sw::runtime
