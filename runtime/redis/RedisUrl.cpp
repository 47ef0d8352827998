#include "redis/RedisUrl.h"

#include <charconv>

namespace sw::runtime::redis {

namespace {

bool parseInt(std::string_view s, int lo, int hi, int& out)
{
    if (s.empty()) return false;
    auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return r.ec == std::errc() && r.ptr == s.data() + s.size() && out >= lo && out <= hi;
}

bool percentDecode(std::string_view in, std::string& out)
{
    out.clear();
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in[i] != '%') {
            out += in[i];
            continue;
        }
        int v = 0;
        if (i + 2 >= in.size()) return false;
        auto r = std::from_chars(in.data() + i + 1, in.data() + i + 3, v, 16);
        if (r.ec != std::errc() || r.ptr != in.data() + i + 3) return false;
        out += static_cast<char>(v);
        i += 2;
    }
    return true;
}

} // namespace

Result<RedisUrl> RedisUrl::parse(std::string_view url)
{
    constexpr std::string_view scheme = "redis://";
    if (url.substr(0, 9) == "rediss://")
        return makeError("TLS (rediss://) is not supported; use redis://host:port/db");
    if (url.substr(0, scheme.size()) != scheme)
        return makeError("expected redis://[[user]:password@]host[:port][/db]");
    std::string_view rest = url.substr(scheme.size());
    RedisUrl u;
    if (auto at = rest.rfind('@'); at != std::string_view::npos) {
        std::string_view info = rest.substr(0, at);
        rest = rest.substr(at + 1);
        auto colon = info.find(':');
        std::string_view user = info.substr(0, colon);
        std::string_view pass = colon == std::string_view::npos ? "" : info.substr(colon + 1);
        if (colon == std::string_view::npos) std::swap(user, pass); // redis://password@host
        if (!percentDecode(user, u.user)) return makeError("the user name has an invalid %-escape");
        if (!percentDecode(pass, u.password))
            return makeError("the password has an invalid %-escape");
    }
    std::string_view hostPort = rest.substr(0, rest.find('/'));
    std::string_view path =
        rest.size() > hostPort.size() ? rest.substr(hostPort.size() + 1) : std::string_view();
    std::string_view portText;
    if (!hostPort.empty() && hostPort.front() == '[') {
        auto close = hostPort.find(']');
        if (close == std::string_view::npos) return makeError("unterminated IPv6 address");
        u.host = std::string(hostPort.substr(1, close - 1));
        std::string_view after = hostPort.substr(close + 1);
        if (!after.empty() && after.front() != ':') return makeError("expected ':' after ']'");
        portText = after.empty() ? "" : after.substr(1);
    } else {
        auto colon = hostPort.find(':');
        u.host = std::string(hostPort.substr(0, colon));
        portText = colon == std::string_view::npos ? "" : hostPort.substr(colon + 1);
    }
    if (u.host.empty()) return makeError("the host is missing");
    if (!portText.empty() && !parseInt(portText, 1, 65535, u.port))
        return makeError("the port must be a number between 1 and 65535");
    if (auto q = path.find('?'); q != std::string_view::npos) path = path.substr(0, q);
    if (!path.empty() && !parseInt(path, 0, 1 << 20, u.db))
        return makeError("the database must be a number (redis://host:port/0)");
    return u;
}

std::string RedisUrl::redacted() const
{
    std::string s = "redis://";
    if (!user.empty() || !password.empty()) s += user + (password.empty() ? "" : ":******") + "@";
    return s + address();
}

std::string RedisUrl::address() const
{
    const bool v6 = host.find(':') != std::string::npos;
    return (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port) + "/" + std::to_string(db);
}

} // namespace sw::runtime::redis
