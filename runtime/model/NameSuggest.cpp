#include "model/NameSuggest.h"

#include <algorithm>
#include <cctype>

namespace sw::runtime {
namespace {

char fold(char c)
{
    if (c == '_') return '-';
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

} // namespace

std::size_t nameDistance(std::string_view a, std::string_view b)
{
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t subst = prev[j - 1] + (fold(a[i - 1]) == fold(b[j - 1]) ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, subst});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::string closestName(std::string_view name, const std::vector<std::string>& candidates)
{
    std::size_t limit = std::max<std::size_t>(1, name.size() / 3);
    std::size_t best = limit + 1;
    std::string found;
    for (const auto& c : candidates) {
        std::size_t d = nameDistance(name, c);
        if (d < best) {
            best = d;
            found = c;
        }
    }
    return found;
}

std::string didYouMean(std::string_view name, const std::vector<std::string>& candidates)
{
    std::string c = closestName(name, candidates);
    return c.empty() ? std::string() : " (did you mean \"" + c + "\"?)";
}

} // namespace sw::runtime
