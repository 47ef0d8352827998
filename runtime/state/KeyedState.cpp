#include "state/KeyedState.h"

#include <string_view>

namespace sw::runtime {

namespace {
constexpr std::uint64_t kKeyedFormat = 1;
constexpr std::string_view kPrefix = "kg:";

/// One old subtask's blob: header parsed, sections located.
std::string readBlob(const std::string& blob, int subtask, const KeyGroupRange& want,
                     const std::string& what, const std::function<void(StateInput&, int)>& meta,
                     const std::function<void(StateInput&, int)>& section)
{
    StateInput in(blob);
    if (in.u64() != kKeyedFormat && in.ok()) in.fail("unknown keyed state format");
    const std::uint64_t max = in.u64();
    if (in.ok() && max != static_cast<std::uint64_t>(kMaxParallelism))
        in.fail("written with " + std::to_string(max) + " key groups, this build has " +
                std::to_string(kMaxParallelism));
    const std::string metaBytes = in.bytes();
    const auto first = static_cast<int>(in.u64());
    const std::size_t count = in.count();
    if (in.ok() && (first < 0 || first + static_cast<std::uint64_t>(count) > max))
        in.fail("key group range out of bounds");
    std::vector<std::size_t> sizes(count);
    for (std::size_t& s : sizes)
        s = in.count();
    std::string headerError = in.ok() ? std::string() : in.finish(what);
    if (!headerError.empty()) return headerError;
    {
        StateInput m(metaBytes);
        meta(m, subtask);
        if (std::string e = m.finish(what + " (operator values)"); !e.empty()) return e;
    }
    // The sections follow the header: the rest of the blob.
    const std::size_t header = blob.size() - in.remaining();
    std::size_t offset = header;
    std::size_t total = 0;
    for (std::size_t s : sizes)
        total += s;
    if (total != in.remaining()) return what + ": section sizes do not match the blob";
    for (std::size_t i = 0; i < count; ++i) {
        const int g = first + static_cast<int>(i);
        if (sizes[i] > 0 && want.contains(g)) {
            StateInput s(std::string_view(blob).substr(offset, sizes[i]));
            section(s, subtask);
            if (std::string e = s.finish(what + " (key group " + std::to_string(g) + ")");
                !e.empty())
                return e;
        }
        offset += sizes[i];
    }
    return {};
}
} // namespace

std::string keyedBlobName(const std::string& name)
{
    return std::string(kPrefix) + name;
}

bool isKeyedBlobName(const std::string& key)
{
    return key.starts_with(kPrefix);
}

KeyedStateOutput::KeyedStateOutput(int maxParallelism)
    : m_max(maxParallelism), m_groups(static_cast<std::size_t>(maxParallelism))
{
}

std::string KeyedStateOutput::finish()
{
    std::size_t first = m_groups.size(), last = 0;
    for (std::size_t g = 0; g < m_groups.size(); ++g)
        if (m_groups[g].size() > 0) {
            first = std::min(first, g);
            last = g;
        }
    const std::size_t count = first < m_groups.size() ? last - first + 1 : 0;
    if (count == 0) first = 0;
    StateOutput out;
    out.u64(kKeyedFormat);
    out.u64(static_cast<std::uint64_t>(m_max));
    out.bytes(m_meta.data());
    out.u64(first);
    out.u64(count);
    std::size_t total = 0;
    for (std::size_t g = first; g < first + count; ++g) {
        out.u64(m_groups[g].size());
        total += m_groups[g].size();
    }
    std::string blob = out.take();
    blob.reserve(blob.size() + total);
    for (std::size_t g = first; g < first + count; ++g)
        blob += m_groups[g].data();
    m_meta = StateOutput();
    for (StateOutput& s : m_groups)
        s = StateOutput();
    return blob;
}

std::string readKeyedState(const StateReader& r, const std::string& name, const std::string& what,
                           const std::function<void(StateInput&)>& meta,
                           const std::function<void(StateInput&)>& section, bool* found)
{
    return readKeyedStateIndexed(
        r, name, what, [&](StateInput& in, int) { meta(in); },
        [&](StateInput& in, int) { section(in); }, found);
}

std::string readKeyedStateIndexed(const StateReader& r, const std::string& name,
                                  const std::string& what,
                                  const std::function<void(StateInput&, int)>& meta,
                                  const std::function<void(StateInput&, int)>& section, bool* found)
{
    const std::string key = keyedBlobName(name);
    const KeyGroupRange want = r.keyGroups();
    if (found) *found = false;
    for (int i = 0; i < r.subtaskCount(); ++i) {
        const std::string* blob = r.getFrom(i, key);
        if (!blob) continue;
        if (found) *found = true;
        if (std::string e = readBlob(*blob, i, want, what, meta, section); !e.empty()) return e;
    }
    return {};
}

} // namespace sw::runtime
