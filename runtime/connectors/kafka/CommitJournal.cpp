#include "connectors/kafka/CommitJournal.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <unistd.h>

namespace sw::runtime::kafka {

namespace {

bool parse(const std::string& line, CommitJournal::Entry& e)
{
    std::vector<std::string> f;
    std::size_t at = 0;
    while (f.size() < 4) {
        const std::size_t tab = line.find('\t', at);
        f.push_back(line.substr(at, tab == std::string::npos ? std::string::npos : tab - at));
        if (tab == std::string::npos) break;
        at = tab + 1;
    }
    if (f.size() != 4 || f[0].empty()) return false;
    try {
        e.txn = f[0];
        e.checkpointId = std::stoll(f[1]);
        e.records = std::stoull(f[2]);
        e.standsFor = f[3];
        return true;
    } catch (const std::exception&) {
        return false; // a line cut by a crash: ignored
    }
}

/// "<id>/<instance>" and the sequence of a transaction name; false when it is not one of ours.
bool split(const std::string& txn, std::string& producer, unsigned long long& seq)
{
    const std::size_t cut = txn.rfind('/');
    if (cut == std::string::npos) return false;
    producer = txn.substr(0, cut);
    try {
        seq = std::stoull(txn.substr(cut + 1));
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

std::string lineOf(const CommitJournal::Entry& e)
{
    return e.txn + "\t" + std::to_string(e.checkpointId) + "\t" + std::to_string(e.records) + "\t" +
           e.standsFor + "\n";
}

} // namespace

std::string CommitJournal::pathFor(const std::string& dataDirectory,
                                   const std::string& transactionalId)
{
    if (dataDirectory.empty()) return {};
    std::error_code ec;
    const auto dir = std::filesystem::path(dataDirectory) / "kafka-transactions";
    std::filesystem::create_directories(dir, ec);
    return (dir / (transactionalId + ".journal")).string();
}

std::string CommitJournal::append(const Entry& e) const
{
    if (m_path.empty()) return {};
    compactIfLarge();
    const std::string line = lineOf(e);
    const int fd = ::open(m_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0) return m_path + ": " + std::strerror(errno);
    bool ok = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
    ok = ::fsync(fd) == 0 && ok;
    const int err = errno;
    ::close(fd);
    return ok ? std::string() : m_path + ": " + std::strerror(err);
}

std::vector<CommitJournal::Entry> CommitJournal::read() const
{
    std::vector<Entry> out;
    if (m_path.empty()) return out;
    std::ifstream f(m_path);
    std::string line;
    Entry e;
    while (std::getline(f, line))
        if (parse(line, e)) out.push_back(e);
    return out;
}

bool CommitJournal::committed(const std::string& txn) const
{
    const auto entries = read();
    for (const Entry& e : entries)
        if (e.txn == txn || e.standsFor == txn) return true;
    if (entries.empty()) return false;
    std::string lastProducer, producer;
    unsigned long long lastSeq = 0, seq = 0;
    return split(entries.back().txn, lastProducer, lastSeq) && split(txn, producer, seq) &&
           lastProducer == producer && lastSeq >= seq;
}

void CommitJournal::compactIfLarge() const
{
    std::error_code ec;
    if (std::filesystem::file_size(m_path, ec) < kCompactBytes || ec) return;
    auto entries = read();
    if (entries.size() > kKeepLines)
        entries.erase(entries.begin(), entries.end() - static_cast<std::ptrdiff_t>(kKeepLines));
    const std::string tmp = m_path + ".tmp";
    FILE* f = std::fopen(tmp.c_str(), "wb");
    bool ok = f != nullptr;
    for (const Entry& e : entries)
        ok = ok && std::fputs(lineOf(e).c_str(), f) >= 0;
    if (f) ok = std::fflush(f) == 0 && ::fsync(fileno(f)) == 0 && std::fclose(f) == 0 && ok;
    if (ok) ok = std::rename(tmp.c_str(), m_path.c_str()) == 0;
    if (!ok) std::remove(tmp.c_str()); // keep the long journal: still correct
}

} // namespace sw::runtime::kafka
