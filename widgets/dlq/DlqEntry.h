#pragma once
// One dead-letter record as the DLQ browser shows it: the columns of an `errors` output row
// (catalog errorSchema()) plus the browser's own state (replayed, edited). Plain C++.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/DeadLetter.h"
#include "types/Row.h"
#include "types/Schema.h"
#include "util/Base64.h"
#include "util/Utf8.h"

namespace sw::widgets {

/// A dead letter (runtime/model/DeadLetter.h: the columns of an `errors` row) with the DLQ
/// browser's own state: its id and run, the failed record's event time, replay outcome and edit.
struct DlqEntry : runtime::DeadLetter {
    enum class Replay { None, Replayed, Failed };

    DlqEntry() = default;
    explicit DlqEntry(runtime::DeadLetter d) : DeadLetter(std::move(d)) {}

    std::uint64_t id = 0; ///< unique in the browser
    int run = 0;
    std::int64_t eventTimeMs = INT64_MIN; ///< the failed record's event time, when it had one
    Replay replay = Replay::None;
    std::string replayNote;                ///< why a replay failed, or when it was replayed
    std::optional<std::string> editedText; ///< the user's fix of the replay text

    /// What a replay feeds back: the edit, else runtime::replayText (the raw value for records
    /// that failed before parsing, else the record JSON).
    std::string replayText() const
    {
        return runtime::replayText(*this, editedText ? &*editedText : nullptr);
    }
    bool replaysRawBytes() const { return runtime::replaysRawBytes(*this); }
};

/// Reads an errors-port row (runtime::deadLetterFromErrorRow: columns matched by name; missing
/// ones stay empty, malformed ones add to `problems` instead of failing).
DlqEntry dlqEntryFromErrorRow(const runtime::Row& row, const runtime::Schema& schema);
/// A dead letter read back from a `dlq` node's SQLite table or JSONL file (runtime
/// readDeadLetters).
inline DlqEntry dlqEntryFromDeadLetter(const runtime::DeadLetter& d)
{
    return DlqEntry(d);
}
/// Classic hex dump: offset, 16 bytes in hex, printable ASCII.
std::string hexDump(std::string_view bytes);
/// Bytes as space-separated hex pairs ("00 ff 10").
std::string hexBytes(std::string_view bytes);
/// Bytes as text: valid UTF-8 as is, other bytes as \xNN.
std::string bytesAsText(std::string_view bytes);
/// One JSON Lines record of the entry. Raw bytes are kept exactly (base64) and, when valid
/// UTF-8, also as text.
std::string dlqEntryToJsonLine(const DlqEntry& e);
/// The runtime's one base64 and UTF-8 validator (util/Base64.h, util/Utf8.h).
using runtime::base64Encode;
using runtime::isValidUtf8;
/// Valid UTF-8 without control characters other than tab: shown as text (else as hex).
bool isPrintableText(std::string_view s);

} // namespace sw::widgets
