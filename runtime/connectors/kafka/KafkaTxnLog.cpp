#include "connectors/kafka/KafkaTxnLog.h"

namespace sw::runtime::kafka {

void TxnRecords::add(const OutMessage& m)
{
    Entry e;
    std::size_t t = 0;
    while (t < m_topics.size() && m_topics[t] != m.topic)
        ++t;
    if (t == m_topics.size()) m_topics.emplace_back(m.topic);
    e.topic = static_cast<std::uint16_t>(t);
    e.partition = m.partition;
    e.hasKey = m.hasKey;
    e.hasValue = m.hasValue;
    e.timestamp = m.timestamp;
    e.key = m_data.size();
    e.keyLen = static_cast<std::uint32_t>(m.key.size());
    m_data.append(m.key);
    e.value = m_data.size();
    e.valueLen = static_cast<std::uint32_t>(m.value.size());
    m_data.append(m.value);
    if (m.headers && !m.headers->empty()) {
        e.headers = static_cast<std::int32_t>(m_headers.size());
        m_headers.push_back(*m.headers);
    }
    m_entries.push_back(e);
}

OutMessage TxnRecords::at(std::size_t i) const
{
    const Entry& e = m_entries[i];
    OutMessage m;
    m.topic = m_topics[e.topic];
    m.partition = e.partition;
    m.key = std::string_view(m_data).substr(e.key, e.keyLen);
    m.hasKey = e.hasKey;
    m.value = std::string_view(m_data).substr(e.value, e.valueLen);
    m.hasValue = e.hasValue;
    m.timestamp = e.timestamp;
    if (e.headers >= 0) m.headers = &m_headers[static_cast<std::size_t>(e.headers)];
    return m;
}

void TxnRecords::truncate(std::size_t n)
{
    if (n >= m_entries.size()) return;
    m_entries.resize(n); // the arena keeps the bytes of the dropped ones until clear()
}

void TxnRecords::clear()
{
    m_data.clear();
    m_entries.clear();
    m_headers.clear();
}

KafkaTxnLog& KafkaTxnLog::instance()
{
    static KafkaTxnLog* log = new KafkaTxnLog(); // never destroyed: producers may outlive statics
    return *log;
}

void KafkaTxnLog::add(TxnOutcome o)
{
    std::lock_guard lock(m_mutex);
    m_outcomes.push_back(std::move(o));
    while (m_outcomes.size() > kCapacity)
        m_outcomes.pop_front();
}

std::vector<TxnOutcome> KafkaTxnLog::outcomes(const std::string& prefix) const
{
    std::lock_guard lock(m_mutex);
    std::vector<TxnOutcome> out;
    for (const TxnOutcome& o : m_outcomes)
        if (o.transactionalId.compare(0, prefix.size(), prefix) == 0) out.push_back(o);
    return out;
}

void KafkaTxnLog::clear()
{
    std::lock_guard lock(m_mutex);
    m_outcomes.clear();
}

void KafkaTxnLog::deposit(const std::string& txn, TxnRecords records)
{
    std::lock_guard lock(m_mutex);
    m_orphans.emplace_back(txn, std::move(records));
    while (m_orphans.size() > kOrphans)
        m_orphans.pop_front();
}

bool KafkaTxnLog::take(const std::string& txn, TxnRecords& records)
{
    std::lock_guard lock(m_mutex);
    for (auto it = m_orphans.begin(); it != m_orphans.end(); ++it)
        if (it->first == txn) {
            records = std::move(it->second);
            m_orphans.erase(it);
            return true;
        }
    return false;
}

bool KafkaTxnLog::committed(const std::string& txn) const
{
    std::lock_guard lock(m_mutex);
    for (const TxnOutcome& o : m_outcomes)
        if (o.txn == txn && o.kind == TxnOutcome::Kind::Committed) return true;
    return false;
}

std::string transactionalIdFor(const std::string& prefix, const std::string& node, int subtask)
{
    return prefix + "-" + node + "-" + std::to_string(subtask);
}

std::string transactionalIdPrefix(const std::string& property, const std::string& pipelineName)
{
    if (!property.empty()) return property;
    return pipelineName.empty() ? std::string("streamwright") : pipelineName;
}

} // namespace sw::runtime::kafka
