#include "schema/AvroModel.h"

#include <algorithm>
#include <map>
#include <set>

namespace sw::runtime::schema {

using J = nlohmann::json;

std::string_view avroKindName(AvroKind k)
{
    switch (k) {
    case AvroKind::Null:
        return "null";
    case AvroKind::Boolean:
        return "boolean";
    case AvroKind::Int:
        return "int";
    case AvroKind::Long:
        return "long";
    case AvroKind::Float:
        return "float";
    case AvroKind::Double:
        return "double";
    case AvroKind::Bytes:
        return "bytes";
    case AvroKind::String:
        return "string";
    case AvroKind::Record:
        return "record";
    case AvroKind::Enum:
        return "enum";
    case AvroKind::Array:
        return "array";
    case AvroKind::Map:
        return "map";
    case AvroKind::Union:
        return "union";
    case AvroKind::Fixed:
        return "fixed";
    }
    return "?";
}

std::string AvroNode::describe() const
{
    std::string s(avroKindName(kind));
    if (isNamed()) return s + " " + fullName;
    if (kind == AvroKind::Union) {
        s += " [";
        for (std::size_t i = 0; i < branches.size(); ++i)
            s += (i ? ", " : "") +
                 (branches[i]->isNamed() ? branches[i]->fullName : branches[i]->describe());
        s += "]";
    }
    if (kind == AvroKind::Array) s += "<" + items->describe() + ">";
    if (kind == AvroKind::Map) s += "<string, " + items->describe() + ">";
    return s;
}

namespace {

bool primitiveKind(std::string_view name, AvroKind& out)
{
    static const std::pair<std::string_view, AvroKind> kPrimitives[] = {
        {"null", AvroKind::Null},   {"boolean", AvroKind::Boolean}, {"int", AvroKind::Int},
        {"long", AvroKind::Long},   {"float", AvroKind::Float},     {"double", AvroKind::Double},
        {"bytes", AvroKind::Bytes}, {"string", AvroKind::String}};
    for (const auto& [n, k] : kPrimitives)
        if (n == name) {
            out = k;
            return true;
        }
    return false;
}

bool validName(std::string_view n)
{
    if (n.empty()) return false;
    for (std::size_t i = 0; i < n.size(); ++i) {
        const char c = n[i];
        const bool alpha = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
        if (!alpha && !(i > 0 && c >= '0' && c <= '9')) return false;
    }
    return true;
}

bool validFullName(std::string_view n)
{
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = n.find('.', start);
        if (!validName(n.substr(start, dot == std::string_view::npos ? n.npos : dot - start)))
            return false;
        if (dot == std::string_view::npos) return true;
        start = dot + 1;
    }
}

} // namespace

class AvroParser {
public:
    explicit AvroParser(AvroSchema& s) : m_s(s) {}

    Status parse(const J& j, const std::string& path, const std::string& ns, const AvroNode*& out)
    {
        if (j.is_string()) return reference(j.get<std::string>(), path, ns, out);
        if (j.is_array()) return parseUnion(j, path, ns, out);
        if (!j.is_object()) return fail(path, "a schema is a type name, an object or an array");
        auto t = j.find("type");
        if (t == j.end()) return fail(path, "the object has no 'type'");
        if (!t->is_string()) return parse(*t, path + "/type", ns, out);
        const std::string type = t->get<std::string>();
        AvroKind k;
        if (primitiveKind(type, k)) {
            AvroNode& n = make(k);
            if (auto lt = j.find("logicalType"); lt != j.end() && lt->is_string()) {
                n.logicalType = lt->get<std::string>();
                n.precision = j.value("precision", 0);
                n.scale = j.value("scale", 0);
                if (n.logicalType == "decimal" &&
                    (n.precision <= 0 || n.scale < 0 || n.scale > n.precision))
                    return fail(path, "decimal needs 0 < precision and 0 <= scale <= precision");
            }
            out = &n;
            return {};
        }
        if (type == "record" || type == "error") return parseRecord(j, path, ns, out);
        if (type == "enum") return parseEnum(j, path, ns, out);
        if (type == "fixed") return parseFixed(j, path, ns, out);
        if (type == "array" || type == "map") {
            const char* key = type == "array" ? "items" : "values";
            auto it = j.find(key);
            if (it == j.end()) return fail(path, "an " + type + " needs '" + key + "'");
            AvroNode& n = make(type == "array" ? AvroKind::Array : AvroKind::Map);
            out = &n;
            return parse(*it, path + "/" + key, ns, n.items);
        }
        return reference(type, path + "/type", ns, out);
    }

private:
    static Status fail(const std::string& path, const std::string& m)
    {
        return Status(makeError((path.empty() ? "" : path + ": ") + m, path));
    }

    AvroNode& make(AvroKind k)
    {
        m_s.m_nodes.push_back(std::make_unique<AvroNode>());
        m_s.m_nodes.back()->kind = k;
        return *m_s.m_nodes.back();
    }

    Status reference(const std::string& name, const std::string& path, const std::string& ns,
                     const AvroNode*& out)
    {
        AvroKind k;
        if (primitiveKind(name, k)) {
            out = &make(k);
            return {};
        }
        const std::string full =
            name.find('.') == std::string::npos && !ns.empty() ? ns + "." + name : name;
        for (const std::string& candidate : {full, name})
            if (auto it = m_named.find(candidate); it != m_named.end()) {
                out = it->second;
                return {};
            }
        return fail(path, "undefined name '" + name + "'");
    }

    Status defineName(AvroNode& n, const J& j, const std::string& path, std::string& ns)
    {
        auto name = j.find("name");
        if (name == j.end() || !name->is_string())
            return fail(path, "a " + std::string(avroKindName(n.kind)) + " needs a 'name'");
        const std::string text = name->get<std::string>();
        if (!validFullName(text)) return fail(path + "/name", "'" + text + "' is not an Avro name");
        if (auto space = j.find("namespace"); space != j.end() && space->is_string())
            ns = space->get<std::string>();
        if (!ns.empty() && !validFullName(ns))
            return fail(path + "/namespace", "'" + ns + "' is not an Avro namespace");
        const auto dot = text.rfind('.');
        if (dot != std::string::npos) ns = text.substr(0, dot);
        n.name = dot == std::string::npos ? text : text.substr(dot + 1);
        n.fullName = ns.empty() ? n.name : ns + "." + n.name;
        if (!m_named.emplace(n.fullName, &n).second)
            return fail(path + "/name", "the name '" + n.fullName + "' is defined twice");
        if (auto al = j.find("aliases"); al != j.end() && al->is_array())
            for (const J& a : *al)
                if (a.is_string()) {
                    std::string s = a.get<std::string>();
                    n.aliases.push_back(
                        s.find('.') == std::string::npos && !ns.empty() ? ns + "." + s : s);
                }
        return {};
    }

    Status parseRecord(const J& j, const std::string& path, std::string ns, const AvroNode*& out)
    {
        AvroNode& n = make(AvroKind::Record);
        out = &n;
        if (auto st = defineName(n, j, path, ns); !st) return st;
        auto fields = j.find("fields");
        if (fields == j.end() || !fields->is_array())
            return fail(path, "record '" + n.fullName + "' needs a 'fields' array");
        std::set<std::string> names;
        for (std::size_t i = 0; i < fields->size(); ++i) {
            const J& f = (*fields)[i];
            const std::string fp = path + "/fields/" + std::to_string(i);
            if (!f.is_object() || !f.contains("name") || !f["name"].is_string())
                return fail(fp, "a field needs a 'name'");
            AvroField field;
            field.name = f["name"].get<std::string>();
            if (!validName(field.name))
                return fail(fp + "/name", "'" + field.name + "' is not an Avro name");
            if (!names.insert(field.name).second)
                return fail(fp + "/name", "the field '" + field.name + "' appears twice");
            if (!f.contains("type")) return fail(fp, "the field '" + field.name + "' has no type");
            if (auto st = parse(f["type"], fp + "/type", ns, field.type); !st) return st;
            if (auto al = f.find("aliases"); al != f.end() && al->is_array())
                for (const J& a : *al)
                    if (a.is_string()) field.aliases.push_back(a.get<std::string>());
            if (auto d = f.find("default"); d != f.end()) {
                field.hasDefault = true;
                field.defaultValue = *d;
                if (!defaultFits(*field.type, *d))
                    return fail(fp + "/default", "the default " + d->dump() + " of field '" +
                                                     field.name + "' is not a " +
                                                     field.type->describe());
            }
            n.fields.push_back(std::move(field));
        }
        return {};
    }

    Status parseEnum(const J& j, const std::string& path, std::string ns, const AvroNode*& out)
    {
        AvroNode& n = make(AvroKind::Enum);
        out = &n;
        if (auto st = defineName(n, j, path, ns); !st) return st;
        auto symbols = j.find("symbols");
        if (symbols == j.end() || !symbols->is_array())
            return fail(path, "enum '" + n.fullName + "' needs a 'symbols' array");
        std::set<std::string> seen;
        for (const J& s : *symbols) {
            if (!s.is_string() || !validName(s.get<std::string>()))
                return fail(path + "/symbols", "the symbol " + s.dump() + " is not an Avro name");
            if (!seen.insert(s.get<std::string>()).second)
                return fail(path + "/symbols", "the symbol " + s.dump() + " appears twice");
            n.symbols.push_back(s.get<std::string>());
        }
        if (auto d = j.find("default"); d != j.end()) {
            if (!d->is_string() || !seen.count(d->get<std::string>()))
                return fail(path + "/default", "the enum default must be one of its symbols");
            n.enumDefault = d->get<std::string>();
        }
        return {};
    }

    Status parseFixed(const J& j, const std::string& path, std::string ns, const AvroNode*& out)
    {
        AvroNode& n = make(AvroKind::Fixed);
        out = &n;
        if (auto st = defineName(n, j, path, ns); !st) return st;
        auto size = j.find("size");
        if (size == j.end() || !size->is_number_unsigned())
            return fail(path, "fixed '" + n.fullName + "' needs a non-negative 'size'");
        n.size = size->get<int>();
        if (auto lt = j.find("logicalType"); lt != j.end() && lt->is_string()) {
            n.logicalType = lt->get<std::string>();
            n.precision = j.value("precision", 0);
            n.scale = j.value("scale", 0);
        }
        return {};
    }

    Status parseUnion(const J& j, const std::string& path, const std::string& ns,
                      const AvroNode*& out)
    {
        AvroNode& n = make(AvroKind::Union);
        out = &n;
        std::set<std::string> seen;
        for (std::size_t i = 0; i < j.size(); ++i) {
            const AvroNode* b = nullptr;
            const std::string bp = path + "/" + std::to_string(i);
            if (auto st = parse(j[i], bp, ns, b); !st) return st;
            if (b->kind == AvroKind::Union) return fail(bp, "a union cannot hold a union");
            const std::string key = b->isNamed() ? b->fullName : std::string(avroKindName(b->kind));
            if (!seen.insert(key).second) return fail(bp, "the union holds " + key + " twice");
            n.branches.push_back(b);
        }
        if (n.branches.empty()) return fail(path, "an empty union");
        return {};
    }

    static bool defaultFits(const AvroNode& t, const J& d)
    {
        switch (t.kind) {
        case AvroKind::Null:
            return d.is_null();
        case AvroKind::Boolean:
            return d.is_boolean();
        case AvroKind::Int:
        case AvroKind::Long:
            return d.is_number_integer();
        case AvroKind::Float:
        case AvroKind::Double:
            return d.is_number();
        case AvroKind::Bytes:
        case AvroKind::String:
        case AvroKind::Fixed:
            return d.is_string();
        case AvroKind::Enum:
            return d.is_string() && std::find(t.symbols.begin(), t.symbols.end(),
                                              d.get<std::string>()) != t.symbols.end();
        case AvroKind::Array:
            if (!d.is_array()) return false;
            for (const J& e : d)
                if (!defaultFits(*t.items, e)) return false;
            return true;
        case AvroKind::Map:
            if (!d.is_object()) return false;
            for (const auto& [k, v] : d.items())
                if (!defaultFits(*t.items, v)) return false;
            return true;
        case AvroKind::Record:
            if (!d.is_object()) return false;
            for (const AvroField& f : t.fields) {
                auto it = d.find(f.name);
                if (it == d.end() ? !f.hasDefault : !defaultFits(*f.type, *it)) return false;
            }
            return true;
        case AvroKind::Union:
            return defaultFits(*t.branches.front(), d);
        }
        return false;
    }

    AvroSchema& m_s;
    std::map<std::string, const AvroNode*> m_named;
};

Result<AvroSchema> AvroSchema::parse(std::string_view text)
{
    nlohmann::ordered_json ordered = nlohmann::ordered_json::parse(text, nullptr, false);
    if (ordered.is_discarded()) return makeError("the schema is not valid JSON");
    J j = J::parse(text, nullptr, false);
    AvroSchema s;
    AvroParser p(s);
    try {
        if (auto st = p.parse(j, "", "", s.m_root); !st) return st.error();
    } catch (const std::exception& e) { // a JSON value of an unexpected type (precision: "x")
        return makeError(std::string("the schema is not valid Avro: ") + e.what());
    }
    s.m_text = ordered.dump();
    s.m_canonical = j.dump();
    return s;
}

} // namespace sw::runtime::schema
