#pragma once
// Keyed operator state written per key group (state/KeyGroups.h; Flink's keyed state backend
// snapshot with its KeyGroupRangeOffsets), so it can be restored at any parallelism.
//
// A keyed blob holds: a format number, the max parallelism, the operator's meta (operator-wide
// values such as its time or an arrival sequence; every old subtask's meta is read on restore
// and the operator merges them), and one section per key group with the items of that group's
// keys, with an index of the section sizes. A restoring subtask reads, from every old subtask's
// blob, only the sections of the groups in its range (StateReader::keyGroups()).
//
// Items are the operator's business: a section is a sequence of items read until its end, and
// an item must carry its key so the operator can place it. Blob names get the prefix "kg:"
// (keyedBlobName), which tells the engine that a node's state is redistributable.
//
// Writing: KeyedStateOutput out; out.meta().time(m_time); for each key:
// out.groupOf(key.values).<item>; w.put(keyedBlobName("windows"), out.finish()).
// Reading: readKeyedState(r, "windows", meta callback, section callback) -> error text.
#include <functional>
#include <string>
#include <vector>

#include "state/KeyGroups.h"
#include "state/OperatorState.h"
#include "state/StateCodec.h"

namespace sw::runtime {

/// "kg:" + name: the blob name of keyed state.
std::string keyedBlobName(const std::string& name);
/// True for a blob written by KeyedStateOutput (its name has the keyed prefix).
bool isKeyedBlobName(const std::string& key);

class KeyedStateOutput {
public:
    explicit KeyedStateOutput(int maxParallelism = kMaxParallelism);
    /// Operator-wide values, written once per subtask.
    StateOutput& meta() { return m_meta; }
    /// The section of key group `group`.
    StateOutput& group(int group) { return m_groups[static_cast<std::size_t>(group)]; }
    /// The section of the group of the key with values `key` (in key column order).
    StateOutput& groupOf(std::span<const Value> key)
    {
        return group(keyGroupOf(keyHash(key), m_max));
    }
    int maxParallelism() const { return m_max; }
    /// The blob (the output is empty afterwards).
    std::string finish();

private:
    int m_max;
    StateOutput m_meta;
    std::vector<StateOutput> m_groups;
};

/// Reads keyed blob `name` of every old subtask of the node (StateReader::getFrom): calls
/// `meta` with each old subtask's meta, in subtask order, then `section` with every non-empty
/// section of a group in r.keyGroups(). `found` (optional) is set to whether any old subtask
/// wrote the blob. Returns an error naming `what` when a blob is corrupt, a callback left its
/// input failed or unread bytes, or the blob's max parallelism is not this build's; empty when
/// all is well.
std::string readKeyedState(const StateReader& r, const std::string& name, const std::string& what,
                           const std::function<void(StateInput&)>& meta,
                           const std::function<void(StateInput&)>& section, bool* found = nullptr);
/// The same, the callbacks also told which old subtask (0..) the meta or section comes from
/// (all of one old subtask's sections come before the next one's).
std::string readKeyedStateIndexed(const StateReader& r, const std::string& name,
                                  const std::string& what,
                                  const std::function<void(StateInput&, int)>& meta,
                                  const std::function<void(StateInput&, int)>& section,
                                  bool* found = nullptr);

} // namespace sw::runtime
