#include "util/Result.h"

namespace sw::runtime {

std::string Error::toString() const
{
    std::string s;
    if (!path.empty()) s += path + ": ";
    s += message;
    if (line > 0) {
        s += " (line " + std::to_string(line);
        if (column > 0) s += ", column " + std::to_string(column);
        s += ")";
    } else if (column > 0) {
        s += " (column " + std::to_string(column) + ")";
    }
    return s;
}

} // namespace sw::runtime
