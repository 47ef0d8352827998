#pragma once
// Checkpoint encoding of keyed window state (state/StateCodec.h): group keys and accumulators,
// shared by the window operators, dedup and the interval join.
#include "operators/windows/Aggregates.h"
#include "operators/windows/GroupKey.h"
#include "state/StateCodec.h"

namespace sw::runtime {

/// Blob format of the operators' state (bump on any layout change; restore refuses others).
inline constexpr std::uint64_t kOperatorStateFormat = 1;

void writeKey(StateOutput& out, const GroupKey& key);
/// A key as toGroupKey() builds it (same values, same hash).
GroupKey readKey(StateInput& in);
void writeAccs(StateOutput& out, const Acc* accs, std::size_t n);
void readAccs(StateInput& in, Acc* accs, std::size_t n);
/// The value multiplicities of retractable accumulators (Acc::counts), after writeAccs.
void writeAccCounts(StateOutput& out, const Acc* accs, std::size_t n);
void readAccCounts(StateInput& in, Acc* accs, std::size_t n);

/// Reads and checks the format number; false (input failed) when it is not `expected`.
bool readFormat(StateInput& in, std::uint64_t expected = kOperatorStateFormat);
/// Throws std::runtime_error naming the blob when `in` failed or has trailing bytes (the
/// operators' restore error: the engine reports it with the node id).
void finishRestore(const StateInput& in, const std::string& what);

} // namespace sw::runtime
