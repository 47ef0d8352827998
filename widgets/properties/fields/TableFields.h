#pragma once
// Table editors: aggregates of window nodes, computed columns of map, a source's schema, and
// key/value client properties. Each cell edit is checked and applied as one change.
#include <QStringList>

#include "properties/PropertyField.h"

class QComboBox;
class QTableWidget;
class QToolButton;

namespace sw::widgets {

class TableField : public PropertyField {
    Q_OBJECT
public:
    TableField(const runtime::PropertySpec& spec, const QStringList& headers, QWidget* parent);
    QWidget* editorWidget() override;
    QTableWidget* table() const { return m_table; }
    /// Appends a row with the default item and applies it.
    void addDefaultRow();
    void removeCurrentRow();

protected:
    void display(const nlohmann::json& value) override;
    /// Appends one row showing `item` (an array element, or {"key","value"} for maps).
    virtual void appendRow(const nlohmann::json& item) = 0;
    /// The element of row `row`, or an error message.
    virtual nlohmann::json rowValue(int row, QString& error) const = 0;
    virtual nlohmann::json defaultItem() const = 0;
    /// Rows -> property value; default: an array of row values.
    virtual nlohmann::json collect(QString& error) const;
    /// Splits the property value into row items; default: the array elements.
    virtual std::vector<nlohmann::json> items(const nlohmann::json& value) const;

    QComboBox* addCombo(int row, int column, const QStringList& choices, const QString& current,
                        bool editable);
    void setText(int row, int column, const QString& text);
    QString text(int row, int column) const;
    QString comboText(int row, int column) const;
    void rowsEdited();
    bool filling() const { return m_filling; }

private:
    void fitHeight();
    QTableWidget* m_table;
    QToolButton* m_add;
    QToolButton* m_remove;
    bool m_filling = false;
};

class AggregatesField : public TableField {
    Q_OBJECT
public:
    AggregatesField(const runtime::PropertySpec& spec, QWidget* parent);
    void setSchema(const runtime::Schema* schema) override;

protected:
    void appendRow(const nlohmann::json& item) override;
    nlohmann::json rowValue(int row, QString& error) const override;
    nlohmann::json defaultItem() const override;

private:
    QStringList columnChoices() const;
};

class ColumnsField : public TableField {
    Q_OBJECT
public:
    ColumnsField(const runtime::PropertySpec& spec, QWidget* parent);

protected:
    void appendRow(const nlohmann::json& item) override;
    nlohmann::json rowValue(int row, QString& error) const override;
    nlohmann::json defaultItem() const override;
};

class SchemaDefField : public TableField {
    Q_OBJECT
public:
    SchemaDefField(const runtime::PropertySpec& spec, QWidget* parent);

protected:
    void appendRow(const nlohmann::json& item) override;
    nlohmann::json rowValue(int row, QString& error) const override;
    nlohmann::json defaultItem() const override;
};

/// String -> string map; values of secret keys (passwords, tokens) are masked.
class KeyValueField : public TableField {
    Q_OBJECT
public:
    KeyValueField(const runtime::PropertySpec& spec, QWidget* parent);

protected:
    void appendRow(const nlohmann::json& item) override;
    nlohmann::json rowValue(int row, QString& error) const override;
    nlohmann::json defaultItem() const override;
    nlohmann::json collect(QString& error) const override;
    std::vector<nlohmann::json> items(const nlohmann::json& value) const override;
};

} // namespace sw::widgets
