#include "connectors/format/AvroColumnPlan.h"

namespace sw::runtime::avro_plan {
namespace {

using schema::AvroKind;
using schema::AvroNode;

bool isDecimal(const AvroNode& n)
{
    return n.logicalType == "decimal" && (n.kind == AvroKind::Bytes || n.kind == AvroKind::Fixed);
}

/// How `col` reads a writer value of type `w` (not a union); false when it cannot.
bool stepFor(const DataType& col, const AvroNode& w, Step& s)
{
    s.node = &w;
    const std::string& lt = w.logicalType;
    switch (col.kind()) {
    case TypeKind::Boolean:
        s.conv = Conv::Boolean;
        return w.kind == AvroKind::Boolean;
    case TypeKind::Int:
        s.conv = Conv::IntToInt;
        return w.kind == AvroKind::Int;
    case TypeKind::BigInt:
        s.conv = Conv::IntToInt;
        return w.kind == AvroKind::Int || w.kind == AvroKind::Long;
    case TypeKind::Double:
        s.conv = isDecimal(w) ? Conv::DecimalToDouble : Conv::ToDouble;
        s.scale = w.scale;
        return isDecimal(w) || w.kind == AvroKind::Int || w.kind == AvroKind::Long ||
               w.kind == AvroKind::Float || w.kind == AvroKind::Double;
    case TypeKind::Decimal:
        s.scale = w.scale;
        if (isDecimal(w)) {
            s.conv = Conv::DecimalToDecimal;
            return true;
        }
        s.conv = Conv::IntToDecimal;
        return (w.kind == AvroKind::Int || w.kind == AvroKind::Long) && lt.empty();
    case TypeKind::String:
        if (w.kind == AvroKind::Enum) {
            s.conv = Conv::EnumSymbol;
            return true;
        }
        if (w.kind == AvroKind::Int && (lt == "date" || lt == "time-millis")) {
            s.conv = lt == "date" ? Conv::DateToString : Conv::TimeToString;
            return true;
        }
        s.conv = Conv::Text;
        return (w.kind == AvroKind::String || w.kind == AvroKind::Bytes) && !isDecimal(w);
    case TypeKind::Bytes:
        s.conv = Conv::Text;
        return (w.kind == AvroKind::String || w.kind == AvroKind::Bytes ||
                w.kind == AvroKind::Fixed) &&
               !isDecimal(w);
    case TypeKind::Timestamp:
        if (w.kind == AvroKind::Long && lt == "timestamp-millis") {
            s.conv = Conv::MillisToTimestamp;
            return true;
        }
        if (w.kind == AvroKind::Long && lt == "timestamp-micros") {
            s.conv = Conv::MicrosToTimestamp;
            return true;
        }
        s.conv = Conv::DateToTimestamp;
        return w.kind == AvroKind::Int && lt == "date";
    case TypeKind::Null:
        return false;
    }
    return false;
}

std::string typeOf(const AvroNode& n)
{
    std::string t = n.describe();
    if (!n.logicalType.empty()) t += " (" + n.logicalType + ")";
    return t;
}

} // namespace

Result<std::vector<ColumnRead>> planColumns(const Schema& columns, const schema::AvroSchema& writer)
{
    const AvroNode& root = writer.root();
    if (root.kind != AvroKind::Record)
        return makeError("the writer schema is " + typeOf(root) +
                         ", not a record: avro-confluent reads records into columns");
    std::vector<ColumnRead> plan(columns.size());
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const Field& col = columns[c];
        ColumnRead& read = plan[c];
        for (std::size_t f = 0; f < root.fields.size(); ++f)
            if (root.fields[f].name == col.name) read.field = static_cast<int>(f);
        const std::string what = "column '" + col.name + "' (" + col.type.toString() + ")";
        if (read.field < 0) {
            if (!col.type.nullable())
                return makeError("READER_FIELD_MISSING_DEFAULT_VALUE: " + what +
                                 " is NOT NULL and the writer's record '" + root.fullName +
                                 "' has no field '" + col.name + "'");
            read.branches.push_back(Step{Conv::Null, 0, nullptr});
            continue;
        }
        const AvroNode& w = *root.fields[static_cast<std::size_t>(read.field)].type;
        read.isUnion = w.kind == AvroKind::Union;
        const std::vector<const AvroNode*> types =
            read.isUnion ? w.branches : std::vector<const AvroNode*>{&w};
        for (const AvroNode* b : types) {
            Step s;
            if (b->kind == AvroKind::Null) {
                if (!col.type.nullable())
                    return makeError("MISSING_UNION_BRANCH: " + what + " is NOT NULL but field '" +
                                     col.name + "' is " + typeOf(w) + ", which may be null");
                read.branches.push_back(Step{Conv::Null, 0, b});
                continue;
            }
            if (b->kind == AvroKind::Array || b->kind == AvroKind::Map ||
                b->kind == AvroKind::Record)
                return makeError(what + ": field '" + col.name + "' is " + typeOf(*b) + ": Avro " +
                                 std::string(schema::avroKindName(b->kind)) +
                                 "s have no column type yet (read the fields you need as "
                                 "columns, or drop the column)");
            if (!stepFor(col.type, *b, s))
                return makeError("TYPE_MISMATCH: " + what + " cannot read field '" + col.name +
                                 "' of type " + typeOf(*b));
            read.branches.push_back(s);
        }
    }
    return plan;
}

} // namespace sw::runtime::avro_plan
