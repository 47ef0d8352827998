#pragma once
// Single-widget fields: text (string, path, topic), check box, choice combo, duration, column.
#include <optional>

#include "properties/PropertyField.h"

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace sw::widgets {

class TextField : public PropertyField {
    Q_OBJECT
public:
    TextField(const runtime::PropertySpec& spec, QWidget* parent);
    QWidget* editorWidget() override;
    /// `text` with the password of a URL's user info (scheme://user:password@host) as bullets.
    static QString maskUrlPassword(const QString& text);

protected:
    void display(const nlohmann::json& value) override;
    bool eventFilter(QObject* o, QEvent* e) override;

private:
    void browse();
    QLineEdit* m_edit;
    QString m_text; ///< the value; the line edit shows it masked while not focused
};

class BoolField : public PropertyField {
    Q_OBJECT
public:
    BoolField(const runtime::PropertySpec& spec, QWidget* parent);
    QWidget* editorWidget() override;

protected:
    void display(const nlohmann::json& value) override;

private:
    QCheckBox* m_check;
};

class ChoiceField : public PropertyField {
    Q_OBJECT
public:
    ChoiceField(const runtime::PropertySpec& spec, QWidget* parent);
    QWidget* editorWidget() override;

protected:
    void display(const nlohmann::json& value) override;

private:
    QComboBox* m_combo;
};

/// Durations typed like "5 min", "30 s", "100 ms"; stored in canonical spelling.
class DurationField : public PropertyField {
    Q_OBJECT
public:
    DurationField(const runtime::PropertySpec& spec, QWidget* parent);
    QWidget* editorWidget() override;
    QLineEdit* lineEdit() const { return m_edit; }

protected:
    void display(const nlohmann::json& value) override;

private:
    void finish();
    QLineEdit* m_edit;
};

/// One column of the input schema (editable combo; free text when the schema is unknown).
class ColumnField : public PropertyField {
    Q_OBJECT
public:
    ColumnField(const runtime::PropertySpec& spec, QWidget* parent);
    QWidget* editorWidget() override;
    void setSchema(const runtime::Schema* schema) override;
    QComboBox* combo() const { return m_combo; }

protected:
    void display(const nlohmann::json& value) override;

private:
    void finish();
    void fill();
    QComboBox* m_combo;
    std::optional<QString> m_committed; ///< text last committed since the last display()
};

} // namespace sw::widgets
