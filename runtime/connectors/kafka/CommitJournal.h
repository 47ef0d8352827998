#pragma once
// The durable record of the transactions a transactional producer (a kafka-sink subtask or a
// Kafka DLQ writer) committed: `<data dir>/kafka-transactions/<transactional.id>.journal`, one
// line per commit, appended and fsync'd right after commit_transaction returned:
//
//   <transaction>\t<checkpoint>\t<records>\t<stands for>
//
// `stands for` names the transaction whose records this commit carries when that is another
// one: the transaction sealed at the barrier when an abortable commit error made the producer
// send its records again in a new one, or the transaction of a restored checkpoint that a
// resume committed again (KafkaTransactions::recover). A resume in a later process asks
// committed(name) to decide whether a checkpoint's sealed transaction still needs its records
// committed. The file is bounded: past kCompactBytes it is rewritten with its last kKeepLines
// lines (atomically, by rename), far more than the retained checkpoints can refer to.
// Operators can read it to see which transactions Streamwright committed, and for which
// checkpoint.
#include <cstdint>
#include <string>
#include <vector>

namespace sw::runtime::kafka {

class CommitJournal {
public:
    struct Entry {
        std::string txn;
        std::int64_t checkpointId = 0;
        std::uint64_t records = 0;
        std::string standsFor; ///< "" = itself
    };
    static constexpr std::uintmax_t kCompactBytes = 256u << 10;
    static constexpr std::size_t kKeepLines = 1024;

    CommitJournal() = default;
    explicit CommitJournal(std::string path) : m_path(std::move(path)) {}
    /// "<data directory>/kafka-transactions/<transactional.id>.journal" (directory created), or
    /// "" without a data directory.
    static std::string pathFor(const std::string& dataDirectory,
                               const std::string& transactionalId);

    const std::string& path() const { return m_path; }
    bool enabled() const { return !m_path.empty(); }
    /// Appends `e` and fsyncs; an error message ("" = written).
    std::string append(const Entry& e) const;
    /// Every entry in the file, oldest first (unreadable lines skipped).
    std::vector<Entry> read() const;
    /// True when `txn` is known committed: an entry names it (as itself or as what it stands
    /// for), or the last entry is a later transaction of the same producer instance (names are
    /// "<transactional.id>/<instance>/<sequence>" and one instance commits in sequence).
    bool committed(const std::string& txn) const;

private:
    void compactIfLarge() const;
    std::string m_path;
};

} // namespace sw::runtime::kafka
