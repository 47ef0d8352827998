#include "connectors/lake/AvroSchema.h"

#include <avro.h>

#include <cerrno>

#include <nlohmann/json.hpp>

namespace sw::runtime {

struct AvroRowEncoder::Datum {
    avro_value_t record{};
};

namespace {

nlohmann::ordered_json avroType(const DataType& t)
{
    using J = nlohmann::ordered_json;
    J base;
    switch (t.kind()) {
    case TypeKind::Boolean:
        base = "boolean";
        break;
    case TypeKind::Int:
        base = "int";
        break;
    case TypeKind::BigInt:
        base = "long";
        break;
    case TypeKind::Double:
        base = "double";
        break;
    case TypeKind::String:
        base = "string";
        break;
    case TypeKind::Bytes:
        base = "bytes";
        break;
    case TypeKind::Decimal:
        base = J{{"type", "bytes"},
                 {"logicalType", "decimal"},
                 {"precision", t.precision()},
                 {"scale", t.scale()}};
        break;
    case TypeKind::Timestamp:
        base = J{{"type", "long"}, {"logicalType", "timestamp-millis"}};
        break;
    case TypeKind::Null:
        base = "null";
        break;
    }
    if (!t.nullable() || t.kind() == TypeKind::Null) return base;
    return J::array({"null", base});
}

/// Big-endian two's complement of `v` in the fewest bytes (Java's BigInteger.toByteArray).
std::size_t decimalBytes(std::int64_t v, unsigned char out[8])
{
    std::size_t n = 8;
    for (int i = 7; i >= 0; --i, v >>= 8)
        out[i] = static_cast<unsigned char>(v & 0xff);
    std::size_t skip = 0;
    while (skip < 7 && ((out[skip] == 0x00 && !(out[skip + 1] & 0x80)) ||
                        (out[skip] == 0xff && (out[skip + 1] & 0x80))))
        ++skip;
    for (std::size_t i = skip; i < n; ++i)
        out[i - skip] = out[i];
    return n - skip;
}

bool kindFits(const Value& v, const DataType& t)
{
    switch (t.kind()) {
    case TypeKind::Boolean:
        return v.kind() == Value::Kind::Bool;
    case TypeKind::Int:
    case TypeKind::BigInt:
        return v.kind() == Value::Kind::Int;
    case TypeKind::Double:
        return v.kind() == Value::Kind::Double || v.kind() == Value::Kind::Int ||
               v.kind() == Value::Kind::Decimal;
    case TypeKind::Decimal:
        return v.kind() == Value::Kind::Decimal && v.decimalScale() == t.scale();
    case TypeKind::String:
    case TypeKind::Bytes:
        return v.kind() == Value::Kind::String;
    case TypeKind::Timestamp:
        return v.kind() == Value::Kind::Timestamp;
    case TypeKind::Null:
        return false;
    }
    return false;
}

int setValue(avro_value_t& f, const Value& v, const DataType& t)
{
    switch (t.kind()) {
    case TypeKind::Boolean:
        return avro_value_set_boolean(&f, v.asBool() ? 1 : 0);
    case TypeKind::Int:
        return avro_value_set_int(&f, static_cast<int32_t>(v.asInt()));
    case TypeKind::BigInt:
        return avro_value_set_long(&f, v.asInt());
    case TypeKind::Double:
        return avro_value_set_double(&f, v.toDouble());
    case TypeKind::String:
        // libavro's string length counts the terminating NUL, which std::string guarantees.
        return avro_value_set_string_len(&f, v.asString().c_str(), v.asString().size() + 1);
    case TypeKind::Bytes:
        return avro_value_set_bytes(&f, const_cast<char*>(v.asString().data()),
                                    v.asString().size());
    case TypeKind::Decimal: {
        unsigned char b[8];
        const std::size_t n = decimalBytes(v.decimalUnscaled(), b);
        return avro_value_set_bytes(&f, b, n);
    }
    case TypeKind::Timestamp:
        return avro_value_set_long(&f, v.asTimestamp());
    case TypeKind::Null:
        return avro_value_set_null(&f);
    }
    return EINVAL;
}

} // namespace

std::string avroSchemaJson(const Schema& schema)
{
    using J = nlohmann::ordered_json;
    J fields = J::array();
    for (const Field& f : schema.fields()) {
        J field = {{"name", f.name}, {"type", avroType(f.type)}};
        if (f.type.nullable()) field["default"] = nullptr;
        fields.push_back(std::move(field));
    }
    J record = {{"type", "record"},
                {"name", "record"},
                {"namespace", "org.apache.flink.avro.generated"},
                {"fields", std::move(fields)}};
    return record.dump();
}

Result<std::unique_ptr<AvroRowEncoder>> AvroRowEncoder::make(const Schema& schema)
{
    std::unique_ptr<AvroRowEncoder> e(new AvroRowEncoder());
    e->m_schema = schema;
    e->m_json = avroSchemaJson(schema);
    if (avro_schema_from_json_length(e->m_json.data(), e->m_json.size(), &e->m_avroSchema) != 0)
        return makeError(std::string("the Avro schema of the input is refused by libavro: ") +
                         avro_strerror());
    e->m_iface = avro_generic_class_from_schema(e->m_avroSchema);
    if (!e->m_iface) return makeError(std::string("libavro: ") + avro_strerror());
    e->m_value = std::make_unique<Datum>();
    if (avro_generic_value_new(e->m_iface, &e->m_value->record) != 0) {
        e->m_value.reset();
        return makeError(std::string("libavro: ") + avro_strerror());
    }
    e->m_buf.resize(kMaxDatumBytes);
    e->m_writer = avro_writer_memory(e->m_buf.data(), static_cast<int64_t>(e->m_buf.size()));
    return e;
}

AvroRowEncoder::~AvroRowEncoder()
{
    if (m_writer) avro_writer_free(m_writer);
    if (m_value) avro_value_decref(&m_value->record);
    if (m_iface) avro_value_iface_decref(m_iface);
    if (m_avroSchema) avro_schema_decref(m_avroSchema);
}

std::optional<std::string> AvroRowEncoder::fill(const Row& row)
{
    if (row.size() != m_schema.size())
        return "the row has " + std::to_string(row.size()) + " values, the schema " +
               std::to_string(m_schema.size()) + " columns";
    for (std::size_t i = 0; i < row.size(); ++i) {
        const Field& col = m_schema[i];
        const Value& v = row[i];
        avro_value_t field, target;
        avro_value_get_by_index(&m_value->record, i, &field, nullptr);
        if (v.isNull() && !col.type.nullable())
            return "column '" + col.name + "' is " + col.type.toString() + " but the value is NULL";
        if (!v.isNull() && !kindFits(v, col.type))
            return "column '" + col.name + "' is " + col.type.toString() + " but the value is '" +
                   v.toString() + "'";
        int rc = 0;
        if (col.type.nullable()) {
            rc = avro_value_set_branch(&field, v.isNull() ? 0 : 1, &target);
            if (rc == 0)
                rc = v.isNull() ? avro_value_set_null(&target) : setValue(target, v, col.type);
        } else {
            rc = setValue(field, v, col.type);
        }
        if (rc != 0) return "column '" + col.name + "': libavro: " + avro_strerror();
    }
    return std::nullopt;
}

std::optional<std::string> AvroRowEncoder::encode(const Row& row)
{
    if (auto problem = fill(row)) return problem;
    avro_writer_reset(m_writer);
    if (avro_value_write(m_writer, &m_value->record) != 0) {
        std::size_t need = 0;
        avro_value_sizeof(&m_value->record, &need);
        return "the row encodes to " + std::to_string(need) + " bytes of Avro, more than the " +
               std::to_string(kMaxDatumBytes) + " bytes a row may have";
    }
    m_size = static_cast<std::size_t>(avro_writer_tell(m_writer));
    return std::nullopt;
}

} // namespace sw::runtime
