#include "schema/AvroCompatibility.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <utility>

namespace sw::runtime::schema {
namespace {

bool promotes(AvroKind writer, AvroKind reader)
{
    switch (writer) {
    case AvroKind::Int:
        return reader == AvroKind::Long || reader == AvroKind::Float || reader == AvroKind::Double;
    case AvroKind::Long:
        return reader == AvroKind::Float || reader == AvroKind::Double;
    case AvroKind::Float:
        return reader == AvroKind::Double;
    case AvroKind::String:
        return reader == AvroKind::Bytes;
    case AvroKind::Bytes:
        return reader == AvroKind::String;
    default:
        return false;
    }
}

std::string typeName(const AvroNode& n)
{
    return n.isNamed() ? std::string(avroKindName(n.kind)) + " '" + n.fullName + "'" : n.describe();
}

/// Avro's SchemaCompatibility.schemaNameEquals: the unqualified names match, or a reader alias
/// is the writer's full name.
bool namesMatch(const AvroNode& reader, const AvroNode& writer)
{
    if (reader.name == writer.name) return true;
    return std::find(reader.aliases.begin(), reader.aliases.end(), writer.fullName) !=
           reader.aliases.end();
}

class Checker {
public:
    std::optional<Incompatibility> check(const AvroNode& r, const AvroNode& w,
                                         const std::string& path)
    {
        // Recursive types: a pair under check is assumed compatible (Avro does the same).
        if (!m_active.insert({&r, &w}).second) return std::nullopt;
        auto result = checkPair(r, w, path);
        m_active.erase({&r, &w});
        return result;
    }

private:
    static Incompatibility make(std::string type, const std::string& path, std::string message)
    {
        return Incompatibility{std::move(type), path.empty() ? "/" : path, std::move(message)};
    }

    std::optional<Incompatibility> checkPair(const AvroNode& r, const AvroNode& w,
                                             const std::string& path)
    {
        if (w.kind == AvroKind::Union) {
            for (std::size_t i = 0; i < w.branches.size(); ++i)
                if (auto bad = check(r, *w.branches[i], path)) {
                    if (r.kind != AvroKind::Union && bad->type != "MISSING_UNION_BRANCH")
                        return make("MISSING_UNION_BRANCH", path,
                                    "the reader's " + typeName(r) + " cannot read branch " +
                                        std::to_string(i) + " (" + typeName(*w.branches[i]) +
                                        ") of the writer's union");
                    return bad;
                }
            return std::nullopt;
        }
        if (r.kind == AvroKind::Union) {
            for (const AvroNode* b : r.branches)
                if (!check(*b, w, path)) return std::nullopt;
            return make("MISSING_UNION_BRANCH", path,
                        "the reader's " + typeName(r) + " has no branch that reads the writer's " +
                            typeName(w));
        }
        if (r.kind != w.kind) {
            if (promotes(w.kind, r.kind)) return std::nullopt;
            return make("TYPE_MISMATCH", path,
                        "the reader's " + typeName(r) + " cannot read the writer's " + typeName(w));
        }
        switch (r.kind) {
        case AvroKind::Record:
            return record(r, w, path);
        case AvroKind::Enum:
            return enumeration(r, w, path);
        case AvroKind::Fixed:
            if (!namesMatch(r, w)) return nameMismatch(r, w, path);
            if (r.size != w.size)
                return make("FIXED_SIZE_MISMATCH", path + "/size",
                            "fixed '" + r.fullName + "' has size " + std::to_string(r.size) +
                                " in the reader and " + std::to_string(w.size) + " in the writer");
            return std::nullopt;
        case AvroKind::Array:
            return check(*r.items, *w.items, path + "/items");
        case AvroKind::Map:
            return check(*r.items, *w.items, path + "/values");
        default:
            return std::nullopt; // the same primitive
        }
    }

    static Incompatibility nameMismatch(const AvroNode& r, const AvroNode& w,
                                        const std::string& path)
    {
        return make("NAME_MISMATCH", path + "/name",
                    "the reader's " + std::string(avroKindName(r.kind)) + " is named '" +
                        r.fullName + "', the writer's '" + w.fullName +
                        "' (and no reader alias "
                        "names it)");
    }

    std::optional<Incompatibility> record(const AvroNode& r, const AvroNode& w,
                                          const std::string& path)
    {
        if (!namesMatch(r, w)) return nameMismatch(r, w, path);
        for (std::size_t i = 0; i < r.fields.size(); ++i) {
            const AvroField& rf = r.fields[i];
            const std::string fp = path + "/fields/" + std::to_string(i);
            const AvroField* wf = nullptr;
            for (const AvroField& f : w.fields)
                if (f.name == rf.name ||
                    std::find(rf.aliases.begin(), rf.aliases.end(), f.name) != rf.aliases.end()) {
                    wf = &f;
                    break;
                }
            if (!wf) {
                if (rf.hasDefault) continue;
                return make("READER_FIELD_MISSING_DEFAULT_VALUE", fp,
                            "field '" + rf.name + "' (" + rf.type->describe() +
                                ") has no default value and is missing in the writer's record '" +
                                w.fullName + "'");
            }
            if (auto bad = check(*rf.type, *wf->type, fp + "/type")) {
                bad->message = "field '" + rf.name + "': " + bad->message;
                return bad;
            }
        }
        return std::nullopt;
    }

    static std::optional<Incompatibility> enumeration(const AvroNode& r, const AvroNode& w,
                                                      const std::string& path)
    {
        if (!namesMatch(r, w)) return nameMismatch(r, w, path);
        if (!r.enumDefault.empty()) return std::nullopt;
        std::vector<std::string> missing;
        for (const std::string& s : w.symbols)
            if (std::find(r.symbols.begin(), r.symbols.end(), s) == r.symbols.end())
                missing.push_back(s);
        if (missing.empty()) return std::nullopt;
        std::string list;
        for (const std::string& s : missing)
            list += (list.empty() ? "" : ", ") + s;
        return make("MISSING_ENUM_SYMBOLS", path + "/symbols",
                    "enum '" + r.fullName + "' of the reader lacks the writer's symbols [" + list +
                        "] and has no default symbol");
    }

    std::set<std::pair<const AvroNode*, const AvroNode*>> m_active;
};

} // namespace

std::optional<Incompatibility> canRead(const AvroNode& reader, const AvroNode& writer)
{
    Checker c;
    return c.check(reader, writer, "");
}

std::optional<Incompatibility> canRead(const AvroSchema& reader, const AvroSchema& writer)
{
    return canRead(reader.root(), writer.root());
}

std::string_view compatibilityName(CompatibilityLevel l)
{
    switch (l) {
    case CompatibilityLevel::None:
        return "NONE";
    case CompatibilityLevel::Backward:
        return "BACKWARD";
    case CompatibilityLevel::BackwardTransitive:
        return "BACKWARD_TRANSITIVE";
    case CompatibilityLevel::Forward:
        return "FORWARD";
    case CompatibilityLevel::ForwardTransitive:
        return "FORWARD_TRANSITIVE";
    case CompatibilityLevel::Full:
        return "FULL";
    case CompatibilityLevel::FullTransitive:
        return "FULL_TRANSITIVE";
    }
    return "?";
}

bool parseCompatibility(std::string_view text, CompatibilityLevel& out)
{
    std::string upper(text);
    for (char& c : upper)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (auto l : {CompatibilityLevel::None, CompatibilityLevel::Backward,
                   CompatibilityLevel::BackwardTransitive, CompatibilityLevel::Forward,
                   CompatibilityLevel::ForwardTransitive, CompatibilityLevel::Full,
                   CompatibilityLevel::FullTransitive})
        if (compatibilityName(l) == upper) {
            out = l;
            return true;
        }
    return false;
}

std::vector<std::string> checkCompatibility(CompatibilityLevel level, const AvroSchema& candidate,
                                            const std::vector<VersionedSchema>& existing)
{
    std::vector<std::string> out;
    if (level == CompatibilityLevel::None || existing.empty()) return out;
    const bool transitive = level == CompatibilityLevel::BackwardTransitive ||
                            level == CompatibilityLevel::ForwardTransitive ||
                            level == CompatibilityLevel::FullTransitive;
    const bool backward =
        level != CompatibilityLevel::Forward && level != CompatibilityLevel::ForwardTransitive;
    const bool forward =
        level != CompatibilityLevel::Backward && level != CompatibilityLevel::BackwardTransitive;
    const std::string name(compatibilityName(level));
    const std::size_t first = transitive ? 0 : existing.size() - 1;
    for (std::size_t i = existing.size(); i-- > first;) {
        const VersionedSchema& old = existing[i];
        const std::string v = "version " + std::to_string(old.version);
        if (backward)
            if (auto bad = canRead(candidate, *old.schema))
                out.push_back(name + ": the new schema cannot read data written with " + v + ": " +
                              bad->type + " at " + bad->path + ": " + bad->message);
        if (forward)
            if (auto bad = canRead(*old.schema, candidate))
                out.push_back(name + ": " + v + " cannot read data written with the new schema: " +
                              bad->type + " at " + bad->path + ": " + bad->message);
    }
    return out;
}

} // namespace sw::runtime::schema
