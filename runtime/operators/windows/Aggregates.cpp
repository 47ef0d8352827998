#include "operators/windows/Aggregates.h"

#include <algorithm>

namespace sw::runtime {

namespace {

Result<AggKind> kindOf(const std::string& fn, bool star)
{
    if (fn == "COUNT") return star ? AggKind::CountStar : AggKind::Count;
    if (fn == "COUNT_DISTINCT") return AggKind::CountDistinct;
    if (fn == "SUM") return AggKind::Sum;
    if (fn == "AVG") return AggKind::Avg;
    if (fn == "MIN") return AggKind::Min;
    if (fn == "MAX") return AggKind::Max;
    if (fn == "FIRST_VALUE") return AggKind::First;
    if (fn == "LAST_VALUE") return AggKind::Last;
    return makeError("aggregates: unknown function '" + fn + "'");
}

std::int64_t pow10(int n)
{
    std::int64_t p = 1;
    while (n-- > 0) p *= 10;
    return p;
}

/// A DECIMAL value's unscaled amount at `scale` (inputs normally already have it).
std::int64_t unscaledAt(const Value& v, int scale)
{
    if (v.kind() != Value::Kind::Decimal) return v.asInt() * pow10(scale);
    int s = v.decimalScale();
    if (s == scale) return v.decimalUnscaled();
    if (s < scale) return v.decimalUnscaled() * pow10(scale - s);
    return v.decimalUnscaled() / pow10(s - scale);
}

} // namespace

Result<Aggregates> Aggregates::fromProperty(const nlohmann::json& aggs, const Schema& input,
                                            const Schema& output, std::size_t firstOutput)
{
    Aggregates a;
    if (!aggs.is_array()) return makeError("aggregates: expected a list");
    for (std::size_t i = 0; i < aggs.size(); ++i) {
        const auto& j = aggs[i];
        if (!j.is_object() || !j.contains("function") || !j["function"].is_string())
            return makeError("aggregates[" + std::to_string(i) + "]: expected {\"function\", \"column\"}");
        std::string col = j.contains("column") && j["column"].is_string() ? j["column"].get<std::string>() : "";
        bool star = col.empty() || col == "*";
        auto kind = kindOf(j["function"].get<std::string>(), star);
        if (!kind) return kind.error();
        AggSpec s;
        s.kind = *kind;
        if (!star) {
            s.column = input.indexOf(col);
            if (s.column < 0) return makeError("aggregates: unknown column '" + col + "'");
            s.argType = input[static_cast<std::size_t>(s.column)].type;
        } else if (s.kind != AggKind::CountStar) {
            return makeError("aggregates: " + j["function"].get<std::string>() + " needs a column");
        }
        if (firstOutput + i >= output.size()) return makeError("aggregates: output schema mismatch");
        s.outType = output[firstOutput + i].type;
        a.m_specs.push_back(s);
    }
    return a;
}

std::int64_t decimalAverage(std::int64_t unscaledSum, int scale, std::int64_t count, int outScale)
{
    __extension__ using I128 = __int128;
    I128 num = static_cast<I128>(unscaledSum);
    I128 den = count;
    if (outScale >= scale) num *= pow10(outScale - scale);
    else den *= pow10(scale - outScale);
    bool neg = num < 0;
    I128 a = neg ? -num : num;
    I128 q = (2 * a + den) / (2 * den); // half up, away from zero
    return static_cast<std::int64_t>(neg ? -q : q);
}

bool Aggregates::canRetract() const
{
    for (const AggSpec& s : m_specs)
        if (s.kind == AggKind::First || s.kind == AggKind::Last) return false;
    return true;
}

namespace {
bool countsValues(AggKind k)
{
    return k == AggKind::Min || k == AggKind::Max || k == AggKind::CountDistinct;
}
} // namespace

void Aggregates::retract(Acc* accs, const Row& row) const
{
    for (std::size_t i = 0; i < m_specs.size(); ++i) {
        const AggSpec& s = m_specs[i];
        Acc& a = accs[i];
        if (s.kind == AggKind::CountStar) {
            --a.count;
            continue;
        }
        const Value& v = row[static_cast<std::size_t>(s.column)];
        if (v.isNull()) continue;
        --a.count;
        if (countsValues(s.kind)) {
            if (!a.counts) continue;
            auto it = a.counts->find(v);
            if (it != a.counts->end() && --it->second <= 0) a.counts->erase(it);
        } else if (s.kind == AggKind::Sum || s.kind == AggKind::Avg) {
            if (s.argType.kind() == TypeKind::Double)
                a.dsum -= v.toDouble();
            else if (s.argType.kind() == TypeKind::Decimal)
                a.isum -= unscaledAt(v, s.argType.scale());
            else
                a.isum -= v.asInt();
        }
    }
}

void Aggregates::add(Acc* accs, const Row& row, std::uint64_t seq) const
{
    for (std::size_t i = 0; i < m_specs.size(); ++i) {
        const AggSpec& s = m_specs[i];
        Acc& a = accs[i];
        if (s.kind == AggKind::CountStar) {
            ++a.count;
            continue;
        }
        const Value& v = row[static_cast<std::size_t>(s.column)];
        if (v.isNull()) continue;
        ++a.count;
        if (m_retractable && countsValues(s.kind)) {
            if (!a.counts) a.counts = std::make_unique<std::map<Value, std::int64_t>>();
            ++(*a.counts)[v];
            continue;
        }
        switch (s.kind) {
        case AggKind::CountDistinct:
            if (!a.distinct) a.distinct = std::make_unique<std::unordered_set<Value, ValueHash>>();
            a.distinct->insert(v);
            break;
        case AggKind::Sum:
        case AggKind::Avg:
            if (s.argType.kind() == TypeKind::Double) a.dsum += v.toDouble();
            else if (s.argType.kind() == TypeKind::Decimal) a.isum += unscaledAt(v, s.argType.scale());
            else a.isum += v.asInt();
            break;
        case AggKind::Min:
            if (a.count == 1 || v < a.value) a.value = v;
            break;
        case AggKind::Max:
            if (a.count == 1 || a.value < v) a.value = v;
            break;
        case AggKind::First:
            if (a.count == 1) {
                a.value = v;
                a.seq = seq;
            }
            break;
        case AggKind::Last:
            a.value = v;
            a.seq = seq;
            break;
        default: break;
        }
    }
}

void Aggregates::merge(Acc* into, Acc* from) const
{
    for (std::size_t i = 0; i < m_specs.size(); ++i) {
        const AggSpec& s = m_specs[i];
        Acc& a = into[i];
        Acc& b = from[i];
        if (b.count == 0) continue;
        bool takeValue = a.count == 0;
        switch (s.kind) {
        case AggKind::Min: takeValue = takeValue || b.value < a.value; break;
        case AggKind::Max: takeValue = takeValue || a.value < b.value; break;
        case AggKind::First: takeValue = takeValue || b.seq < a.seq; break;
        case AggKind::Last: takeValue = takeValue || b.seq > a.seq; break;
        case AggKind::CountDistinct:
            if (b.distinct) {
                if (!a.distinct) a.distinct = std::move(b.distinct);
                else a.distinct->insert(b.distinct->begin(), b.distinct->end());
            }
            break;
        default: break;
        }
        if (takeValue) {
            a.value = b.value;
            a.seq = b.seq;
        }
        a.count += b.count;
        a.isum += b.isum;
        a.dsum += b.dsum;
    }
}

void Aggregates::results(const Acc* accs, Row& out) const
{
    for (std::size_t i = 0; i < m_specs.size(); ++i) {
        const AggSpec& s = m_specs[i];
        const Acc& a = accs[i];
        if (m_retractable && countsValues(s.kind)) {
            const bool empty = !a.counts || a.counts->empty();
            if (s.kind == AggKind::CountDistinct)
                out.push_back(
                    Value::integer(empty ? 0 : static_cast<std::int64_t>(a.counts->size())));
            else if (empty)
                out.push_back(Value::null());
            else
                out.push_back(s.kind == AggKind::Min ? a.counts->begin()->first
                                                     : a.counts->rbegin()->first);
            continue;
        }
        switch (s.kind) {
        case AggKind::CountStar:
        case AggKind::Count: out.push_back(Value::integer(a.count)); break;
        case AggKind::CountDistinct:
            out.push_back(Value::integer(a.distinct ? static_cast<std::int64_t>(a.distinct->size()) : 0));
            break;
        case AggKind::Sum:
        case AggKind::Avg: {
            if (a.count == 0) {
                out.push_back(Value::null());
                break;
            }
            bool avg = s.kind == AggKind::Avg;
            TypeKind k = s.argType.kind();
            if (k == TypeKind::Double) out.push_back(Value::float64(avg ? a.dsum / double(a.count) : a.dsum));
            else if (k == TypeKind::Decimal)
                out.push_back(Value::decimal(avg ? decimalAverage(a.isum, s.argType.scale(), a.count, s.outType.scale())
                                                 : a.isum * pow10(s.outType.scale() - s.argType.scale()),
                                             s.outType.scale()));
            else out.push_back(Value::integer(avg ? a.isum / a.count : a.isum)); // Java long division
            break;
        }
        default: out.push_back(a.count ? a.value : Value::null()); break;
        }
    }
}

} // namespace sw::runtime
