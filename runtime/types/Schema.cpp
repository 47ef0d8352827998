#include "types/Schema.h"

namespace sw::runtime {

int Schema::indexOf(std::string_view name) const
{
    for (std::size_t i = 0; i < m_fields.size(); ++i)
        if (m_fields[i].name == name) return static_cast<int>(i);
    return -1;
}

const Field* Schema::find(std::string_view name) const
{
    int i = indexOf(name);
    return i < 0 ? nullptr : &m_fields[static_cast<std::size_t>(i)];
}

std::string Schema::toString() const
{
    std::string s;
    for (const auto& f : m_fields) {
        if (!s.empty()) s += ", ";
        s += f.name + " " + f.type.toString();
    }
    return s;
}

} // namespace sw::runtime
