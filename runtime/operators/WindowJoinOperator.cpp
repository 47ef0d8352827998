#include "operators/WindowJoinOperator.h"

#include "catalog/PropertyAccess.h"
#include "operators/JoinKeys.h"
#include "operators/OperatorFactories.h"
#include "operators/windows/WindowAssigner.h"
#include "operators/windows/WindowState.h"

namespace sw::runtime {

namespace {
constexpr std::uint64_t kWindowJoinStateFormat = 1;
}

WindowJoinOperator::WindowJoinOperator(std::vector<int> leftKeys, std::vector<int> rightKeys,
                                       Type type, std::int64_t size, std::int64_t slide,
                                       Schema left, Schema right)
    : m_keys{std::move(leftKeys), std::move(rightKeys)}, m_type(type), m_size(size),
      m_slide(slide), m_schemas{std::move(left), std::move(right)}
{
}

void WindowJoinOperator::add(int side, const Record& r, EventTime end)
{
    Window& w = m_windows[end];
    const KeyView kv = keyViewOf(r.row, m_keys[side]);
    // Keys of both sides share the index: the key values of equal keys are equal Values.
    auto it = w.index.find(KeyView{&r.row, m_keys[side], kv.hash});
    if (it == w.index.end()) {
        it = w.index.emplace(toGroupKey(kv), w.groups.size()).first;
        w.groups.push_back(Group{it->first, {}});
    }
    w.groups[it->second].rows[side].push_back(r.row);
    if (r.provenance.kind == Provenance::Kind::Kafka) m_holds[end].hold(r.provenance);
}

void WindowJoinOperator::processBatch(int port, RecordBatch& batch, Collector& out)
{
    const int side = port == 0 ? 0 : 1;
    const HopAssigner assigner{m_size, m_slide};
    for (Record& r : batch) {
        if (r.timestamp == kNoTimestamp) [[unlikely]] {
            out.emitError(ErrorClass::Type, "record has no event time", r, m_schemas[side]);
            continue;
        }
        const EventTime w = m_ctx->currentWatermark();
        bool taken = false;
        assigner.forEach(r.timestamp, [&](const TimeWindow& win) {
            if (win.maxTimestamp() <= w) return; // this window fired already
            add(side, r, win.end);
            taken = true;
        });
        if (!taken) {
            m_ctx->counters().late.add(1);
            out.emitError(ErrorClass::Late,
                          "late record: every window of event time " +
                              formatTimestamp(r.timestamp) + " closed at watermark " +
                              formatTimestamp(w),
                          r, m_schemas[side]);
        }
    }
}

void WindowJoinOperator::emitRow(EventTime end, const Row* left, const Row* right, Collector& out)
{
    Row& o = m_out.row;
    o.clear();
    o.push_back(Value::timestamp(end - m_size));
    o.push_back(Value::timestamp(end));
    if (left)
        o.insert(o.end(), left->begin(), left->end());
    else
        o.resize(2 + m_schemas[0].size());
    if (m_type != Type::Semi && m_type != Type::Anti) {
        if (right)
            o.insert(o.end(), right->begin(), right->end());
        else
            o.resize(2 + m_schemas[0].size() + m_schemas[1].size());
    }
    m_out.kind = RowKind::Insert;
    m_out.timestamp = end - 1;
    out.emit(m_out);
}

void WindowJoinOperator::fire(EventTime end, Window& w, Collector& out)
{
    const bool leftOuter = m_type == Type::Left || m_type == Type::Full;
    const bool rightOuter = m_type == Type::Right || m_type == Type::Full;
    for (const Group& g : w.groups) {
        const std::vector<Row>& ls = g.rows[0];
        const std::vector<Row>& rs = g.rows[1];
        bool nullKey = false;
        for (const Value& v : g.key.values)
            nullKey = nullKey || v.isNull();
        const bool matched = !nullKey && !ls.empty() && !rs.empty();
        switch (m_type) {
        case Type::Semi:
            if (matched)
                for (const Row& l : ls)
                    emitRow(end, &l, nullptr, out);
            continue;
        case Type::Anti:
            if (!matched)
                for (const Row& l : ls)
                    emitRow(end, &l, nullptr, out);
            continue;
        default:
            break;
        }
        if (matched) {
            for (const Row& l : ls)
                for (const Row& r : rs)
                    emitRow(end, &l, &r, out);
            continue;
        }
        if (leftOuter)
            for (const Row& l : ls)
                emitRow(end, &l, nullptr, out);
        if (rightOuter)
            for (const Row& r : rs)
                emitRow(end, nullptr, &r, out);
    }
}

void WindowJoinOperator::processWatermark(EventTime watermark, Collector& out)
{
    while (!m_windows.empty() && m_windows.begin()->first - 1 <= watermark) {
        auto node = m_windows.extract(m_windows.begin());
        fire(node.key(), node.mapped(), out);
    }
    while (!m_holds.empty() && m_holds.begin()->first - 1 <= watermark)
        m_holds.erase(m_holds.begin());
    out.emitWatermark(watermark);
}

void WindowJoinOperator::collectHolds(SourceHolds& holds) const
{
    for (const auto& [end, h] : m_holds)
        holds.merge(h);
}

void WindowJoinOperator::snapshotState(std::int64_t, StateWriter& w)
{
    StateOutput out;
    out.u64(kWindowJoinStateFormat);
    out.u64(m_windows.size());
    for (const auto& [end, win] : m_windows) {
        out.time(end);
        out.u64(win.groups.size());
        for (const Group& g : win.groups) {
            writeKey(out, g.key);
            for (const auto& rows : g.rows) {
                out.u64(rows.size());
                for (const Row& row : rows)
                    out.row(row);
            }
        }
    }
    w.put("windows", out.take());
}

void WindowJoinOperator::restoreState(const StateReader& r)
{
    const std::string* blob = r.get("windows");
    if (!blob) return;
    StateInput in(*blob);
    readFormat(in, kWindowJoinStateFormat);
    const std::size_t windows = in.count(2);
    for (std::size_t i = 0; i < windows && in.ok(); ++i) {
        Window& win = m_windows[in.time()];
        const std::size_t groups = in.count(3);
        for (std::size_t g = 0; g < groups && in.ok(); ++g) {
            Group group{readKey(in), {}};
            for (auto& rows : group.rows) {
                const std::size_t n = in.count(1);
                for (std::size_t k = 0; k < n && in.ok(); ++k)
                    rows.push_back(in.row());
            }
            if (!in.ok()) break;
            if (!win.index.emplace(group.key, win.groups.size()).second) {
                in.fail("a key appears twice in a window");
                break;
            }
            win.groups.push_back(std::move(group));
        }
    }
    finishRestore(in, "window join state");
}

Result<std::unique_ptr<Operator>> makeWindowJoinOperator(const OperatorSpec& spec)
{
    auto keys = joinKeyColumns(spec);
    if (!keys) return keys.error();
    PropertyReader props(spec.node);
    const std::string window = props.string("window");
    const std::string t = props.string("join_type");
    const std::int64_t size = props.durationMs("size");
    const std::int64_t slide = window == "hop" ? props.durationMs("slide") : size;
    if (!props.ok()) return props.error();
    if (window != "tumbling" && window != "hop")
        return makeError("window: expected tumbling or hop (session windows are not supported)");
    if (size <= 0 || slide <= 0 || slide > size || size % slide != 0)
        return makeError("size/slide: need 0 < slide <= size, size a whole multiple of slide");
    using T = WindowJoinOperator::Type;
    static const std::map<std::string, T> kTypes = {{"inner", T::Inner}, {"left", T::Left},
                                                    {"right", T::Right}, {"full", T::Full},
                                                    {"semi", T::Semi},   {"anti", T::Anti}};
    auto type = kTypes.find(t);
    if (type == kTypes.end())
        return makeError("join_type: expected inner, left, right, full, semi or anti");
    return makeOperator<WindowJoinOperator>(std::move(keys->left), std::move(keys->right),
                                            type->second, size, slide, spec.inputSchemas.at(0),
                                            spec.inputSchemas.at(1));
}

} // namespace sw::runtime
