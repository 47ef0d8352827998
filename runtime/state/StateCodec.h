#pragma once
// A small binary codec for operator state blobs (state/OperatorState.h): LEB128 varints
// (zig-zag for signed values), length-prefixed strings, Value, Row and EventTime. Compact
// (a BIGINT key of a window is 2-10 bytes) and versioned by the caller (write a format number
// first).
//
// StateInput never reads out of bounds: a truncated or corrupt blob makes every later read
// return a zero value and leaves the input failed with the reason (ok(), error()); counts read
// with count() are bounded by the bytes left, so a corrupt count cannot allocate without bound.
// Operators check ok() once after decoding and fail their restore with error() (never UB).
#include <cstdint>
#include <string>
#include <string_view>

#include "time/EventTime.h"
#include "types/Row.h"

namespace sw::runtime {

class StateOutput {
public:
    void u64(std::uint64_t v);
    void i64(std::int64_t v); ///< zig-zag varint
    void boolean(bool b) { u64(b ? 1 : 0); }
    void f64(double d); ///< 8 bytes, little-endian IEEE 754
    void bytes(std::string_view s);
    void value(const Value& v);
    void row(const Row& r);
    void time(EventTime t) { i64(t); }

    const std::string& data() const { return m_data; }
    std::string take() { return std::move(m_data); }
    std::size_t size() const { return m_data.size(); }

private:
    std::string m_data;
};

class StateInput {
public:
    explicit StateInput(std::string_view data) : m_data(data) {}

    std::uint64_t u64();
    std::int64_t i64();
    bool boolean() { return u64() != 0; }
    double f64();
    std::string bytes();
    Value value();
    Row row();
    EventTime time() { return i64(); }
    /// A count of items that take at least `minItemBytes` each: fails when the rest of the
    /// input cannot hold that many (corrupt), so loops over it stay bounded.
    std::size_t count(std::size_t minItemBytes = 1);

    bool ok() const { return m_error.empty(); }
    const std::string& error() const { return m_error; }
    /// True when every byte was read (and nothing failed).
    bool atEnd() const { return ok() && m_pos == m_data.size(); }
    /// Bytes not read yet (0 once failed).
    std::size_t remaining() const { return ok() ? m_data.size() - m_pos : 0; }
    /// Marks the input failed (first reason wins), e.g. an unknown format number.
    void fail(std::string reason);
    /// ok() and atEnd(), else a message naming `what` and the reason ("... has N trailing bytes").
    std::string finish(const std::string& what) const;

private:
    std::string_view m_data;
    std::size_t m_pos = 0;
    std::string m_error;
};

} // namespace sw::runtime
