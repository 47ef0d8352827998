#include "time/PartitionPattern.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "types/ValueText.h"

namespace sw::runtime {

namespace {

struct Letters {
    const char* text;
    PartitionPattern::Field unit;
};
constexpr Letters kFields[] = {{"yyyy", PartitionPattern::Field::Year},
                               {"MM", PartitionPattern::Field::Month},
                               {"dd", PartitionPattern::Field::Day},
                               {"HH", PartitionPattern::Field::Hour},
                               {"mm", PartitionPattern::Field::Minute}};

const char* fieldText(PartitionPattern::Field f)
{
    return kFields[static_cast<int>(f)].text;
}

bool literalChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '=' || c == '-' || c == '_' ||
           c == '.';
}

Error errorAt(std::size_t column, std::string message)
{
    return makeError("column " + std::to_string(column + 1) + ": " + message, {}, 0,
                     static_cast<int>(column + 1));
}

void appendPadded(std::string& out, std::int64_t v, int width)
{
    std::string digits = std::to_string(v < 0 ? -v : v);
    if (v < 0) out += '-';
    if (static_cast<int>(digits.size()) < width) out.append(width - digits.size(), '0');
    out += digits;
}

using Segment = PartitionPattern::Segment;
using Field = PartitionPattern::Field;

/// The letters of a field at text[i] ("yyyy", "MM", ...); i moves past them.
std::optional<Error> readField(std::string_view text, std::size_t& i, Segment& seg, bool used[5])
{
    std::size_t j = i;
    while (j < text.size() && text[j] == text[i])
        ++j;
    const std::string letters(text.substr(i, j - i));
    const auto* f = std::find_if(std::begin(kFields), std::end(kFields),
                                 [&](const Letters& l) { return letters == l.text; });
    if (f == std::end(kFields))
        return errorAt(i, "unknown date field '" + letters + "' (use yyyy, MM, dd, HH or mm)");
    seg.pieces.push_back({true, f->unit, letters});
    used[static_cast<int>(f->unit)] = true;
    i = j;
    return std::nullopt;
}

/// The pieces of the directory level starting at text[i], up to '/' or the end.
std::optional<Error> readPieces(std::string_view text, std::size_t& i, Segment& seg, bool used[5])
{
    bool inField = false;
    std::size_t fieldStart = 0;
    for (; i < text.size() && (inField || text[i] != '/'); ++i) {
        const char c = text[i];
        if (c == '{') {
            if (inField) return errorAt(i, "'{' inside a field: fields do not nest");
            inField = true;
            fieldStart = i;
        } else if (c == '}') {
            if (!inField) return errorAt(i, "'}' without a '{' before it");
            if (i == fieldStart + 1) return errorAt(fieldStart, "an empty field '{}'");
            inField = false;
        } else if (inField && std::isalpha(static_cast<unsigned char>(c))) {
            if (auto e = readField(text, i, seg, used)) return e;
            --i; // the loop steps past the last letter
        } else if (inField && c == '/') {
            return errorAt(i, "'/' inside a field");
        } else if (!(inField ? (c == '-' || c == '_' || c == '.') : literalChar(c))) {
            return errorAt(i, std::string("'") + c + "' is not allowed in a partition " +
                                  (inField ? "field (letters yyyy MM dd HH mm and - _ .)"
                                           : "directory name (letters, digits, = - _ .)"));
        } else if (!seg.pieces.empty() && !seg.pieces.back().field) {
            seg.pieces.back().text += c;
        } else {
            seg.pieces.push_back({false, Field::Year, std::string(1, c)});
        }
    }
    if (inField) return errorAt(fieldStart, "'{' is not closed by '}'");
    return std::nullopt;
}

/// Checks the level text[start, end) as a whole and finds its Hive name (`name={format}`).
std::optional<Error> finishSegment(std::string_view text, std::size_t start, std::size_t end,
                                   Segment& seg)
{
    seg.text = std::string(text.substr(start, end - start));
    if (seg.text.empty())
        return errorAt(start, start == 0           ? "the pattern starts with '/'"
                              : end == text.size() ? "the pattern ends with '/'"
                                                   : "an empty directory name ('//')");
    if (seg.text[0] == '.')
        return errorAt(start, "a directory name must not start with '.': readers skip hidden "
                              "directories");
    const auto eq = seg.text.find('=');
    if (eq != std::string::npos && eq > 0 && seg.text.size() > eq + 2 && seg.text[eq + 1] == '{' &&
        seg.text.back() == '}' && seg.text.find('{', eq + 2) == std::string::npos) {
        seg.hiveName = seg.text.substr(0, eq);
        seg.hiveFormat = seg.text.substr(eq + 2, seg.text.size() - eq - 3);
    }
    return std::nullopt;
}

/// A field needs every coarser one.
std::optional<Error> checkCoarser(const bool used[5])
{
    static const char* const spans[] = {"years", "months", "days", "hours"};
    for (int f = 4; f >= 0; --f)
        for (int coarser = 0; used[f] && coarser < f; ++coarser)
            if (!used[coarser])
                return makeError(std::string("'") + fieldText(static_cast<Field>(f)) +
                                 "' without '" + fieldText(static_cast<Field>(coarser)) +
                                 "': one directory would mix records of different " +
                                 spans[coarser] +
                                 "; add the coarser fields (e.g. dt={yyyy-MM-dd}/hr={HH})");
    return std::nullopt;
}

} // namespace

Result<PartitionPattern> PartitionPattern::parse(std::string_view text)
{
    PartitionPattern p;
    p.m_text = std::string(text);
    if (text.empty()) return p;
    bool used[5] = {};
    for (std::size_t i = 0; i <= text.size(); ++i) { // ++i: past '/' (or the end)
        Segment seg;
        const std::size_t start = i;
        if (auto e = readPieces(text, i, seg, used)) return *e;
        if (auto e = finishSegment(text, start, i, seg)) return *e;
        p.m_segments.push_back(std::move(seg));
    }
    if (auto e = checkCoarser(used)) return *e;
    for (int f = 4; f >= 0 && !p.m_hasField; --f)
        if (used[f]) {
            p.m_finest = static_cast<Field>(f);
            p.m_hasField = true;
        }
    return p;
}

std::string PartitionPattern::format(std::int64_t millis) const
{
    std::string out;
    if (m_segments.empty()) return out;
    const CivilTime c = toCivil(millis);
    for (const Segment& s : m_segments) {
        if (!out.empty()) out += '/';
        for (const Piece& piece : s.pieces) {
            if (!piece.field) {
                out += piece.text;
                continue;
            }
            switch (piece.unit) {
            case Field::Year:
                appendPadded(out, c.year, 4);
                break;
            case Field::Month:
                appendPadded(out, c.month, 2);
                break;
            case Field::Day:
                appendPadded(out, c.day, 2);
                break;
            case Field::Hour:
                appendPadded(out, c.hour, 2);
                break;
            case Field::Minute:
                appendPadded(out, c.minute, 2);
                break;
            }
        }
    }
    return out;
}

std::int64_t PartitionPattern::granularityMs() const
{
    if (!m_hasField) return 0;
    switch (m_finest) {
    case Field::Minute:
        return 60000;
    case Field::Hour:
        return 3600000;
    default:
        return kMillisPerDay;
    }
}

bool PartitionPattern::isHive() const
{
    return !m_segments.empty() && std::all_of(m_segments.begin(), m_segments.end(),
                                              [](const Segment& s) { return !s.hiveName.empty(); });
}

} // namespace sw::runtime
