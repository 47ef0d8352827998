#pragma once
// A parsed Avro schema (the Avro 1.11 specification, "Schema Declaration"): the tree the Schema
// Registry validates, compares and checks for compatibility, and the Confluent codec resolves
// writer schemas against. Parsing is strict where Apache Avro's Java parser is (Confluent's
// registry uses it): names are [A-Za-z_][A-Za-z0-9_]*, named types are defined once, unions hold
// no union and no two branches of one type, record field names are unique, enum symbols are
// unique names, field defaults match the field's type (a union's default matches its first
// branch). Logical types are kept as annotations (decimal precision/scale, the others by name).
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "util/Result.h"

namespace sw::runtime::schema {

enum class AvroKind {
    Null,
    Boolean,
    Int,
    Long,
    Float,
    Double,
    Bytes,
    String,
    Record,
    Enum,
    Array,
    Map,
    Union,
    Fixed
};

/// "int", "record", ... as the specification spells them.
std::string_view avroKindName(AvroKind k);

struct AvroNode;

struct AvroField {
    std::string name;
    std::vector<std::string> aliases;
    const AvroNode* type = nullptr;
    bool hasDefault = false;
    nlohmann::json defaultValue;
};

struct AvroNode {
    AvroKind kind = AvroKind::Null;
    std::string name;                 ///< unqualified name of a named type (record, enum, fixed)
    std::string fullName;             ///< namespace.name
    std::vector<std::string> aliases; ///< full names
    std::string logicalType;          ///< "decimal", "timestamp-millis", ... or empty
    int precision = 0, scale = 0;     ///< decimal
    int size = 0;                     ///< fixed
    std::vector<AvroField> fields;    ///< record
    std::vector<std::string> symbols; ///< enum
    std::string enumDefault;          ///< enum default symbol, empty when none
    const AvroNode* items = nullptr;  ///< array items / map values
    std::vector<const AvroNode*> branches; ///< union

    bool isNamed() const
    {
        return kind == AvroKind::Record || kind == AvroKind::Enum || kind == AvroKind::Fixed;
    }
    /// "int", "record com.acme.Order", "union [null, string]".
    std::string describe() const;
};

class AvroSchema {
public:
    /// Parses and validates Avro schema JSON text. The error names the JSON path of the problem
    /// ("/fields/2/type: undefined name 'Adress'").
    static Result<AvroSchema> parse(std::string_view text);

    const AvroNode& root() const { return *m_root; }
    /// The schema as compact JSON in its original key order (what the registry returns).
    const std::string& text() const { return m_text; }
    /// Compact JSON with sorted keys: two registrations with the same canonical text are the
    /// same schema (one id), whatever their whitespace and key order.
    const std::string& canonical() const { return m_canonical; }

private:
    friend class AvroParser;
    std::vector<std::unique_ptr<AvroNode>> m_nodes; // owns every node; pointers stay valid
    const AvroNode* m_root = nullptr;
    std::string m_text;
    std::string m_canonical;
};

} // namespace sw::runtime::schema
