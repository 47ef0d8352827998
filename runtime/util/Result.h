#pragma once
// Status / Result<T>: the runtime library reports errors as values, never by exit/abort, and no
// exception crosses a library boundary or a thread.
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace sw::runtime {

/// An error with a human-readable message and, where known, where it happened.
struct Error {
    std::string message;
    std::string path; ///< JSON path ("/nodes/3/properties/size") or empty.
    int line = 0;     ///< 1-based line in the source text, 0 when unknown.
    int column = 0;   ///< 1-based column, 0 when unknown.

    /// "path: message (line L, column C)" with the parts that are known.
    std::string toString() const;
};

class Status {
public:
    Status() = default;
    Status(Error e) : m_error(std::move(e)) {}
    static Status ok() { return {}; }
    bool isOk() const { return !m_error.has_value(); }
    explicit operator bool() const { return isOk(); }
    const Error& error() const { return *m_error; }
    std::string message() const { return m_error ? m_error->toString() : std::string(); }

private:
    std::optional<Error> m_error;
};

template <typename T> class Result {
public:
    Result(T value) : m_v(std::move(value)) {}
    Result(Error e) : m_v(std::move(e)) {}
    bool isOk() const { return m_v.index() == 0; }
    explicit operator bool() const { return isOk(); }
    T& value() & { return std::get<0>(m_v); }
    const T& value() const& { return std::get<0>(m_v); }
    T&& value() && { return std::get<0>(std::move(m_v)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    const Error& error() const { return std::get<1>(m_v); }
    Status status() const { return isOk() ? Status() : Status(error()); }

private:
    std::variant<T, Error> m_v;
};

inline Error makeError(std::string message, std::string path = {}, int line = 0, int column = 0)
{
    return Error{std::move(message), std::move(path), line, column};
}

} // namespace sw::runtime
