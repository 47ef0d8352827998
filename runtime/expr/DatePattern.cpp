// Java-style date-time patterns for DATE_FORMAT and TO_TIMESTAMP (DateTimeFormatter subset).
#include <cctype>
#include <cstring>

#include "expr/TimeUtil.h"

namespace sw::runtime::expr {
namespace {

constexpr const char* kMonths[12] = {"January",   "February", "March",    "April",
                                     "May",       "June",     "July",     "August",
                                     "September", "October",  "November", "December"};
constexpr const char* kDays[7] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                  "Thursday", "Friday", "Saturday"};

void appendPadded(std::string& out, std::int64_t v, int width)
{
    if (v < 0) {
        out += '-';
        v = -v;
    }
    std::string d = std::to_string(v);
    if (static_cast<int>(d.size()) < width)
        out.append(static_cast<std::size_t>(width) - d.size(), '0');
    out += d;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

bool isNumericLetter(char c)
{
    return std::strchr("yMdHhmsSD", c) != nullptr;
}

} // namespace

std::string DatePattern::compile(std::string_view p)
{
    m_items.clear();
    for (std::size_t i = 0; i < p.size();) {
        char c = p[i];
        if (c == '\'') {
            std::string text;
            std::size_t j = i + 1;
            if (j < p.size() && p[j] == '\'') {
                text = "'";
                i = j + 1;
            } else {
                for (;;) {
                    if (j >= p.size()) return "unterminated quote in date-time pattern";
                    if (p[j] == '\'') {
                        if (j + 1 < p.size() && p[j + 1] == '\'') {
                            text += '\'';
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    text += p[j++];
                }
                i = j + 1;
            }
            m_items.push_back({0, 0, std::move(text)});
            continue;
        }
        if (std::isalpha(static_cast<unsigned char>(c))) {
            std::size_t j = i;
            while (j < p.size() && p[j] == c)
                ++j;
            int count = static_cast<int>(j - i);
            i = j;
            int maxCount = 0;
            switch (c) {
            case 'y':
                maxCount = 9;
                break;
            case 'M':
                maxCount = 4;
                break;
            case 'd':
            case 'H':
            case 'h':
            case 'm':
            case 's':
                maxCount = 2;
                break;
            case 'S':
                maxCount = 9;
                break;
            case 'D':
                maxCount = 3;
                break;
            case 'E':
                maxCount = 4;
                break;
            case 'a':
                maxCount = 1;
                break;
            default:
                return std::string("unsupported letter '") + c +
                       "' in date-time pattern (supported: y M d H h m s S D E a)";
            }
            if (count > maxCount)
                return "too many pattern letters '" +
                       std::string(static_cast<std::size_t>(count), c) + "'";
            m_items.push_back({c, count, {}});
            continue;
        }
        if (c == '[' || c == ']' || c == '{' || c == '}' || c == '#')
            return std::string("unsupported character '") + c + "' in date-time pattern";
        if (!m_items.empty() && m_items.back().letter == 0 && m_items.back().count == 0) {
            m_items.back().text += c;
        } else {
            m_items.push_back({0, 0, std::string(1, c)});
        }
        ++i;
    }
    return {};
}

void DatePattern::format(std::int64_t millis, std::string& out) const
{
    CivilTime c = toCivil(millis);
    for (const Item& it : m_items) {
        switch (it.letter) {
        case 0:
            out += it.text;
            break;
        case 'y':
            if (it.count == 2)
                appendPadded(out, floorMod(c.year, 100), 2);
            else
                appendPadded(out, c.year, it.count);
            break;
        case 'M':
            if (it.count >= 4)
                out += kMonths[c.month - 1];
            else if (it.count == 3)
                out.append(kMonths[c.month - 1], 3);
            else
                appendPadded(out, c.month, it.count);
            break;
        case 'd':
            appendPadded(out, c.day, it.count);
            break;
        case 'H':
            appendPadded(out, c.hour, it.count);
            break;
        case 'h':
            appendPadded(out, c.hour % 12 == 0 ? 12 : c.hour % 12, it.count);
            break;
        case 'm':
            appendPadded(out, c.minute, it.count);
            break;
        case 's':
            appendPadded(out, c.second, it.count);
            break;
        case 'S': {
            std::string f = std::to_string(1000 + c.millis).substr(1); // 3 digits
            f.resize(static_cast<std::size_t>(it.count), '0');
            out += f;
            break;
        }
        case 'D':
            appendPadded(out, dayOfYear(millis), it.count);
            break;
        case 'E': {
            const char* name = kDays[dayOfWeek(millis) - 1];
            if (it.count >= 4)
                out += name;
            else
                out.append(name, 3);
            break;
        }
        case 'a':
            out += c.hour < 12 ? "AM" : "PM";
            break;
        default:
            break;
        }
    }
}

bool DatePattern::parse(std::string_view t, std::int64_t& millis) const
{
    CivilTime c;
    std::size_t i = 0;
    int dayOfYearValue = -1, hour12 = -1, pm = -1;
    bool sawMonthOrDay = false;
    auto digits = [&](int minD, int maxD, std::int64_t& v) {
        std::size_t start = i;
        v = 0;
        while (i < t.size() && static_cast<int>(i - start) < maxD &&
               std::isdigit(static_cast<unsigned char>(t[i])))
            v = v * 10 + (t[i++] - '0');
        return static_cast<int>(i - start) >= minD;
    };
    for (std::size_t k = 0; k < m_items.size(); ++k) {
        const Item& it = m_items[k];
        bool adjacent = k + 1 < m_items.size() && isNumericLetter(m_items[k + 1].letter);
        std::int64_t v = 0;
        int exact = it.count >= 2 || adjacent ? it.count : 0;
        switch (it.letter) {
        case 0:
            if (t.substr(i, it.text.size()) != it.text) return false;
            i += it.text.size();
            break;
        case 'y':
            if (it.count == 2) {
                if (!digits(2, 2, v)) return false;
                c.year = 2000 + v;
            } else {
                if (!digits(adjacent ? it.count : 1, adjacent ? it.count : 9, v)) return false;
                c.year = v;
            }
            break;
        case 'M':
            if (it.count >= 3) {
                bool found = false;
                for (int m = 0; m < 12 && !found; ++m) {
                    std::string_view name = kMonths[m];
                    if (it.count == 3) name = name.substr(0, 3);
                    if (equalsIgnoreCase(t.substr(i, name.size()), name)) {
                        c.month = m + 1;
                        i += name.size();
                        found = true;
                    }
                }
                if (!found) return false;
            } else {
                if (!digits(exact ? exact : 1, exact ? exact : 2, v)) return false;
                c.month = static_cast<int>(v);
            }
            sawMonthOrDay = true;
            break;
        case 'E': {
            bool found = false;
            for (const char* day : kDays) {
                std::string_view name = day;
                if (it.count < 4) name = name.substr(0, 3);
                if (!found && equalsIgnoreCase(t.substr(i, name.size()), name)) {
                    i += name.size();
                    found = true;
                }
            }
            if (!found) return false;
            break;
        }
        case 'a':
            if (equalsIgnoreCase(t.substr(i, 2), "AM"))
                pm = 0;
            else if (equalsIgnoreCase(t.substr(i, 2), "PM"))
                pm = 1;
            else
                return false;
            i += 2;
            break;
        case 'S': {
            if (!digits(it.count, it.count, v)) return false;
            for (int n = it.count; n < 3; ++n)
                v *= 10;
            for (int n = it.count; n > 3; --n)
                v /= 10;
            c.millis = static_cast<int>(v);
            break;
        }
        default: {
            int maxD = it.letter == 'D' ? 3 : 2;
            if (!digits(exact ? exact : 1, exact ? exact : maxD, v)) return false;
            int iv = static_cast<int>(v);
            switch (it.letter) {
            case 'd':
                c.day = iv, sawMonthOrDay = true;
                break;
            case 'H':
                c.hour = iv;
                break;
            case 'h':
                hour12 = iv;
                break;
            case 'm':
                c.minute = iv;
                break;
            case 's':
                c.second = iv;
                break;
            case 'D':
                dayOfYearValue = iv;
                break;
            default:
                return false;
            }
        }
        }
    }
    if (i != t.size()) return false;
    if (hour12 >= 0) {
        if (hour12 < 1 || hour12 > 12) return false;
        c.hour = hour12 % 12 + (pm == 1 ? 12 : 0);
    } else if (pm == 1 && c.hour < 12) {
        c.hour += 12;
    }
    if (dayOfYearValue >= 0 && !sawMonthOrDay) {
        int leap = daysInMonth(c.year, 2) == 29 ? 1 : 0;
        if (dayOfYearValue < 1 || dayOfYearValue > 365 + leap) return false;
        std::int64_t base = 0;
        CivilTime jan1 = c;
        jan1.month = 1;
        jan1.day = 1;
        if (!fromCivil(jan1, base)) return false;
        millis = base + (dayOfYearValue - 1) * kMillisPerDay;
        return true;
    }
    return fromCivil(c, millis);
}

} // namespace sw::runtime::expr
