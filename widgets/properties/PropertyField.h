#pragma once
// One property's editor, chosen by the PropertySpec type. Fields turn user input into JSON and
// report input that is not a value at all (unparsable duration, expression syntax error) with
// invalid(); the PropertyRow around them checks the value against the spec before the model
// sees it.
#include <memory>

#include <QWidget>

#include "catalog/PropertySpec.h"
#include "types/Schema.h"

namespace sw::widgets {

class PropertyField : public QWidget {
    Q_OBJECT
public:
    PropertyField(const runtime::PropertySpec& spec, QWidget* parent = nullptr);
    const runtime::PropertySpec& spec() const { return m_spec; }

    /// Shows a model value (no signals). Does nothing when `value` is already shown.
    void setValue(const nlohmann::json& value);
    const nlohmann::json& value() const { return m_value; }
    /// The schema property references resolve against (input port, or a source's own output).
    virtual void setSchema(const runtime::Schema* schema);
    /// The widget that takes keyboard focus when the property is focused from outside.
    virtual QWidget* editorWidget() = 0;
    /// Marks a position in the text (1-based column) as the place of a problem (expressions).
    virtual void markColumn(int column, const QString& message);

    /// The field for `spec` (never null; unknown types get a JSON text field).
    static PropertyField* create(const runtime::PropertySpec& spec, QWidget* parent);

Q_SIGNALS:
    /// The user committed a new value (not yet checked against the spec).
    void edited(const nlohmann::json& value);
    /// What the user typed is not a value; nothing is written. Empty message = input is fine.
    void invalid(const QString& message);

protected:
    virtual void display(const nlohmann::json& value) = 0;
    const runtime::Schema* schema() const { return m_schema.get(); }
    /// Emits edited() unless `v` equals the shown value.
    void commit(const nlohmann::json& v);

private:
    runtime::PropertySpec m_spec;
    nlohmann::json m_value;
    std::unique_ptr<runtime::Schema> m_schema;
};

} // namespace sw::widgets
