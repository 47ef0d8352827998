#include "export/YamlWriter.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "util/JsonEscape.h"

namespace sw::runtime::exporting {
namespace {

bool reservedWord(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const char* w : {"true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"})
        if (s == w) return true;
    return false;
}

bool looksNumeric(const std::string& s)
{
    if (s.empty()) return false;
    std::size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
    bool digit = false;
    for (; i < s.size(); ++i) {
        char c = s[i];
        if (std::isdigit(static_cast<unsigned char>(c)))
            digit = true;
        else if (c != '.' && c != 'e' && c != 'E' && c != '_' && c != '-' && c != '+' && c != ':')
            return false;
    }
    return digit;
}

std::string quoted(const std::string& s)
{
    // A JSON string is a YAML 1.2 double-quoted scalar (same escapes, \uXXXX included).
    std::string out;
    appendJsonString(out, s);
    return out;
}

std::string pad(int n)
{
    return std::string(static_cast<std::size_t>(n), ' ');
}

void literalBlock(const std::string& s, int indent, std::string& out)
{
    out += "|";
    if (!s.empty() && s.front() == ' ') out += "2";
    if (s.empty() || s.back() != '\n')
        out += "-";
    else if (s.size() > 1 && s[s.size() - 2] == '\n')
        out += "+";
    out += "\n";
    std::size_t pos = 0;
    while (pos < s.size()) {
        std::size_t nl = s.find('\n', pos);
        std::string line = s.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
        out += (line.empty() ? "" : pad(indent) + line) + "\n";
        if (nl == std::string::npos) break;
        pos = nl + 1;
    }
}

void scalar(const nlohmann::ordered_json& v, int indent, std::string& out)
{
    if (v.is_string()) {
        const std::string& s = v.get_ref<const std::string&>();
        if (s.find('\n') != std::string::npos)
            literalBlock(s, indent, out);
        else
            out += yamlScalar(s) + "\n";
    } else if (v.is_null()) {
        out += "null\n";
    } else {
        out += v.dump() + "\n";
    }
}

void node(const nlohmann::ordered_json& v, int indent, std::string& out);

/// Emits a value that follows "key:" or "- " on the current line.
void inlineValue(const nlohmann::ordered_json& v, int indent, std::string& out)
{
    if (v.is_object() && !v.empty()) {
        out += "\n";
        node(v, indent, out);
    } else if (v.is_array() && !v.empty()) {
        out += "\n";
        node(v, indent, out);
    } else if (v.is_object()) {
        out += " {}\n";
    } else if (v.is_array()) {
        out += " []\n";
    } else {
        out += " ";
        scalar(v, indent, out);
    }
}

void node(const nlohmann::ordered_json& v, int indent, std::string& out)
{
    if (v.is_object()) {
        for (auto it = v.begin(); it != v.end(); ++it) {
            out += pad(indent) + yamlScalar(it.key()) + ":";
            inlineValue(*it, indent + 2, out);
        }
    } else if (v.is_array()) {
        for (const auto& e : v) {
            if (e.is_object() && !e.empty()) {
                // "- first: x\n  second: y"
                std::string inner;
                node(e, indent + 2, inner);
                out += pad(indent) + "- " + inner.substr(static_cast<std::size_t>(indent) + 2);
            } else {
                out += pad(indent) + "-";
                inlineValue(e, indent + 2, out);
            }
        }
    } else {
        out += pad(indent);
        scalar(v, indent, out);
    }
}

} // namespace

std::string yamlScalar(const std::string& s)
{
    bool plain = !s.empty() && !reservedWord(s) && !looksNumeric(s);
    if (plain) {
        unsigned char first = static_cast<unsigned char>(s.front());
        plain = std::isalnum(first) || first == '_' || first == '/' || first == '.';
        for (unsigned char c : s)
            if (!(std::isalnum(c) || c == '_' || c == '-' || c == '.' || c == '/' || c == ':'))
                plain = false;
        if (s.back() == ':') plain = false;
    }
    return plain ? s : quoted(s);
}

std::string toYaml(const nlohmann::ordered_json& document)
{
    std::string out;
    node(document, 0, out);
    return out;
}

} // namespace sw::runtime::exporting
