#pragma once
// RFC 4180 CSV records: fields separated by ',', records by CRLF or LF; a field may be quoted
// with '"' (then it may contain ',', line breaks and '""' for a quote). A quote inside an
// unquoted field, or anything but ',' / end of line after a closing quote, is an error; the
// broken record then ends at the end of its physical line so one bad line costs one record.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sw::runtime {

class CsvRecordParser {
public:
    enum class Status { Record, NeedMore, Error };

    /// Parses the record starting at `data[pos]`. Record/Error: `end` is the offset after the
    /// record's line break (or data.size() at the end of input). NeedMore: the record is not
    /// complete in `data` and `atEof` is false (read more and call again).
    Status parse(std::string_view data, std::size_t pos, bool atEof, std::size_t& end);

    std::size_t size() const { return m_fields.size(); }
    std::string_view field(std::size_t i) const
    {
        const Field& f = m_fields[i];
        return f.inBuffer ? std::string_view(m_buffer).substr(f.offset, f.length)
                          : std::string_view(f.ptr, f.length);
    }
    bool quoted(std::size_t i) const { return m_fields[i].quoted; }
    const std::string& error() const { return m_error; }

    /// Appends `s` as a CSV field: quoted (with '""') when it contains ',', '"', CR or LF, or
    /// starts/ends with a blank.
    static void appendField(std::string& out, std::string_view s);

private:
    struct Field {
        const char* ptr = nullptr;
        std::size_t offset = 0;
        std::size_t length = 0;
        bool quoted = false;
        bool inBuffer = false;
    };
    Status fail(std::string_view data, std::size_t at, std::string message, std::size_t& end);

    std::vector<Field> m_fields;
    std::string m_buffer; ///< unescaped content of quoted fields with "" escapes
    std::string m_error;
};

} // namespace sw::runtime
