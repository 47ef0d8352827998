#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "types/DataType.h"

namespace sw::runtime {

struct Field {
    std::string name;
    DataType type;
    friend bool operator==(const Field&, const Field&) = default;
};

/// An ordered list of named, typed columns. Names are case-sensitive, as in Flink SQL.
class Schema {
public:
    Schema() = default;
    Schema(std::vector<Field> fields) : m_fields(std::move(fields)) {}

    const std::vector<Field>& fields() const { return m_fields; }
    std::size_t size() const { return m_fields.size(); }
    bool empty() const { return m_fields.empty(); }
    const Field& operator[](std::size_t i) const { return m_fields[i]; }
    void add(std::string name, DataType type) { m_fields.push_back({std::move(name), type}); }

    /// Column index by exact name, or -1.
    int indexOf(std::string_view name) const;
    /// Column by name, or nullptr.
    const Field* find(std::string_view name) const;

    /// The event-time attribute: a TIMESTAMP(3) column that carries watermarks (Flink's rowtime),
    /// or empty when the stream has no watermark strategy upstream.
    const std::string& rowtime() const { return m_rowtime; }
    void setRowtime(std::string column) { m_rowtime = std::move(column); }

    /// "order_id BIGINT, amount DECIMAL(10, 2)".
    std::string toString() const;

    friend bool operator==(const Schema&, const Schema&) = default;

private:
    std::vector<Field> m_fields;
    std::string m_rowtime;
};

} // namespace sw::runtime
