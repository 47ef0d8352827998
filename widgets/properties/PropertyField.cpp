#include "properties/PropertyField.h"

#include "properties/fields/ExpressionField.h"
#include "properties/fields/FieldListField.h"
#include "properties/fields/NumberField.h"
#include "properties/fields/SimpleFields.h"
#include "properties/fields/TableFields.h"

namespace sw::widgets {

PropertyField::PropertyField(const runtime::PropertySpec& spec, QWidget* parent)
    : QWidget(parent), m_spec(spec)
{
}

void PropertyField::setValue(const nlohmann::json& value)
{
    if (value == m_value && !value.is_null()) return;
    m_value = value;
    display(value);
}

void PropertyField::setSchema(const runtime::Schema* schema)
{
    m_schema = schema ? std::make_unique<runtime::Schema>(*schema) : nullptr;
}

void PropertyField::markColumn(int, const QString&) {}

void PropertyField::commit(const nlohmann::json& v)
{
    Q_EMIT invalid({});
    if (v == m_value) return;
    Q_EMIT edited(v);
}

PropertyField* PropertyField::create(const runtime::PropertySpec& spec, QWidget* parent)
{
    using T = runtime::PropertyType;
    switch (spec.type) {
    case T::String:
    case T::Path:
    case T::Topic:
        return new TextField(spec, parent);
    case T::Int:
    case T::Double:
        return new NumberField(spec, parent);
    case T::Bool:
        return new BoolField(spec, parent);
    case T::Duration:
        return new DurationField(spec, parent);
    case T::Choice:
        return new ChoiceField(spec, parent);
    case T::Expression:
        return new ExpressionField(spec, parent);
    case T::Field:
        return new ColumnField(spec, parent);
    case T::FieldList:
        return new FieldListField(spec, parent);
    case T::Aggregates:
        return new AggregatesField(spec, parent);
    case T::Columns:
        return new ColumnsField(spec, parent);
    case T::SchemaDef:
        return new SchemaDefField(spec, parent);
    case T::KeyValue:
        return new KeyValueField(spec, parent);
    }
    return new TextField(spec, parent);
}

} // namespace sw::widgets
