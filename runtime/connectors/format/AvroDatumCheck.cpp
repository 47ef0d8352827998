#include "connectors/format/AvroDatumCheck.h"

#include <climits>
#include <cstdint>
#include <string_view>

namespace sw::runtime {
namespace {

using schema::AvroKind;
using schema::AvroNode;

constexpr int kMaxDepth = 64;                               // recursive schemas
constexpr std::uint64_t kMaxItems = std::uint64_t{1} << 24; // array/map items of one datum

struct Walker {
    const unsigned char* p;
    const unsigned char* end;
    std::uint64_t items = 0;
    std::string error;

    std::size_t left() const { return static_cast<std::size_t>(end - p); }

    bool fail(std::string_view where, const std::string& what)
    {
        error = (where.empty() ? std::string() : "field '" + std::string(where) + "': ") + what;
        return false;
    }

    bool varint(std::int64_t& out, std::string_view where)
    {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            if (p == end) return fail(where, "the datum ends inside a number");
            const unsigned char b = *p++;
            v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
            if (!(b & 0x80)) {
                out = static_cast<std::int64_t>((v >> 1) ^ (~(v & 1) + 1));
                return true;
            }
        }
        return fail(where, "a number longer than 10 bytes");
    }

    bool skip(std::uint64_t n, std::string_view where, const char* what)
    {
        if (n > left())
            return fail(where, std::string(what) + " of " + std::to_string(n) + " bytes, " +
                                   std::to_string(left()) + " left");
        p += n;
        return true;
    }

    bool length(std::string_view where, const char* what)
    {
        std::int64_t n = 0;
        if (!varint(n, where)) return false;
        if (n < 0)
            return fail(where, std::string(what) + " of negative length " + std::to_string(n));
        return skip(static_cast<std::uint64_t>(n), where, what);
    }

    bool blocks(const AvroNode& n, std::string_view where, int depth)
    {
        while (true) {
            std::int64_t count = 0;
            if (!varint(count, where)) return false;
            if (count == 0) return true;
            if (count < 0) { // a block with its byte size
                std::int64_t bytes = 0;
                if (!varint(bytes, where)) return false;
                if (bytes < 0 || static_cast<std::uint64_t>(bytes) > left())
                    return fail(where, "a block of " + std::to_string(bytes) + " bytes, " +
                                           std::to_string(left()) + " left");
                count = count == INT64_MIN ? INT64_MAX : -count;
            }
            if (static_cast<std::uint64_t>(count) > kMaxItems - items)
                return fail(where, "more than " + std::to_string(kMaxItems) + " items");
            items += static_cast<std::uint64_t>(count);
            for (std::int64_t i = 0; i < count; ++i) {
                if (n.kind == AvroKind::Map && !length(where, "a map key")) return false;
                if (!walk(*n.items, where, depth + 1)) return false;
            }
        }
    }

    bool walk(const AvroNode& n, std::string_view where, int depth)
    {
        if (depth > kMaxDepth)
            return fail(where, "nested deeper than " + std::to_string(kMaxDepth));
        std::int64_t v = 0;
        switch (n.kind) {
        case AvroKind::Null:
            return true;
        case AvroKind::Boolean:
            if (p == end) return fail(where, "the datum ends before a boolean");
            if (*p > 1) return fail(where, "a boolean byte " + std::to_string(*p));
            ++p;
            return true;
        case AvroKind::Int:
            if (!varint(v, where)) return false;
            if (v < INT32_MIN || v > INT32_MAX) return fail(where, "an int out of range");
            return true;
        case AvroKind::Long:
            return varint(v, where);
        case AvroKind::Float:
            return skip(4, where, "a float");
        case AvroKind::Double:
            return skip(8, where, "a double");
        case AvroKind::Bytes:
            return length(where, "bytes");
        case AvroKind::String:
            return length(where, "a string");
        case AvroKind::Fixed:
            return skip(static_cast<std::uint64_t>(n.size), where, "a fixed");
        case AvroKind::Enum:
            if (!varint(v, where)) return false;
            if (v < 0 || static_cast<std::uint64_t>(v) >= n.symbols.size())
                return fail(where, "enum index " + std::to_string(v) + " of " +
                                       std::to_string(n.symbols.size()) + " symbols");
            return true;
        case AvroKind::Union:
            if (!varint(v, where)) return false;
            if (v < 0 || static_cast<std::uint64_t>(v) >= n.branches.size())
                return fail(where, "union branch " + std::to_string(v) + " of " +
                                       std::to_string(n.branches.size()));
            return walk(*n.branches[static_cast<std::size_t>(v)], where, depth + 1);
        case AvroKind::Array:
        case AvroKind::Map:
            return blocks(n, where, depth);
        case AvroKind::Record:
            for (const schema::AvroField& f : n.fields)
                if (!walk(*f.type, f.name, depth + 1)) return false;
            return true;
        }
        return fail(where, "unknown type");
    }
};

} // namespace

std::optional<std::string> checkAvroDatum(const AvroNode& schema, const char* data,
                                          std::size_t size)
{
    const auto* b = reinterpret_cast<const unsigned char*>(data);
    Walker w{b, b + size};
    if (!w.walk(schema, "", 0)) return w.error;
    if (w.p != w.end)
        return std::to_string(w.left()) + " bytes left after the datum (not written with this "
                                          "schema, or garbage appended)";
    return std::nullopt;
}

} // namespace sw::runtime
