#include "connectors/format/CsvRecordParser.h"

#include <cstring>

namespace sw::runtime {

CsvRecordParser::Status CsvRecordParser::fail(std::string_view data, std::size_t at,
                                              std::string message, std::size_t& end)
{
    m_error = std::move(message);
    const void* nl = std::memchr(data.data() + at, '\n', data.size() - at);
    end =
        nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - data.data()) + 1 : data.size();
    return Status::Error;
}

CsvRecordParser::Status CsvRecordParser::parse(std::string_view data, std::size_t pos, bool atEof,
                                               std::size_t& end)
{
    m_fields.clear();
    m_buffer.clear();
    m_error.clear();
    const std::size_t n = data.size();
    std::size_t i = pos;
    for (;;) {
        Field f;
        if (i < n && data[i] == '"') {
            f.quoted = true;
            std::size_t start = ++i;
            for (;;) {
                const void* q = std::memchr(data.data() + i, '"', n - i);
                if (!q) {
                    if (!atEof) return Status::NeedMore;
                    m_error = "unterminated quoted field (starts at column " +
                              std::to_string(start - pos) + ")";
                    end = n;
                    return Status::Error;
                }
                std::size_t qi =
                    static_cast<std::size_t>(static_cast<const char*>(q) - data.data());
                if (qi + 1 == n && !atEof) return Status::NeedMore;
                if (qi + 1 < n && data[qi + 1] == '"') { // escaped quote
                    if (!f.inBuffer) {
                        f.inBuffer = true;
                        f.offset = m_buffer.size();
                    }
                    m_buffer.append(data.data() + start, qi + 1 - start);
                    i = start = qi + 2;
                    continue;
                }
                if (f.inBuffer) {
                    m_buffer.append(data.data() + start, qi - start);
                    f.length = m_buffer.size() - f.offset;
                } else {
                    f.ptr = data.data() + start;
                    f.length = qi - start;
                }
                i = qi + 1;
                break;
            }
            if (i < n && data[i] != ',' && data[i] != '\n' &&
                !(data[i] == '\r' && (i + 1 == n || data[i + 1] == '\n')))
                return fail(data, i,
                            "unexpected character after a closing quote at column " +
                                std::to_string(i - pos + 1),
                            end);
        } else {
            std::size_t start = i;
            while (i < n && data[i] != ',' && data[i] != '\n') {
                if (data[i] == '"')
                    return fail(data, i,
                                "quote inside an unquoted field at column " +
                                    std::to_string(i - pos + 1),
                                end);
                ++i;
            }
            if (i == n && !atEof) return Status::NeedMore;
            std::size_t len = i - start;
            if (i < n && data[i] == '\n' && len > 0 && data[i - 1] == '\r') --len; // CRLF
            f.ptr = data.data() + start;
            f.length = len;
        }
        m_fields.push_back(f);
        if (i < n && data[i] == ',') {
            ++i;
            continue;
        }
        if (i < n && data[i] == '\r') ++i;
        if (i < n && data[i] == '\n') {
            end = i + 1;
            return Status::Record;
        }
        if (i >= n) {
            if (!atEof) return Status::NeedMore;
            end = n;
            return Status::Record;
        }
    }
}

void CsvRecordParser::appendField(std::string& out, std::string_view s)
{
    bool quote = !s.empty() &&
                 (s.front() == ' ' || s.back() == ' ' || s.front() == '\t' || s.back() == '\t');
    quote = quote || s.find_first_of(",\"\r\n") != std::string_view::npos;
    if (!quote) {
        out += s;
        return;
    }
    out += '"';
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

} // namespace sw::runtime
