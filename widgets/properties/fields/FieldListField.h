#pragma once
// A list of columns of the input schema: a checkable list when the schema is known (order of
// checking is kept), comma-separated text otherwise.
#include "properties/PropertyField.h"

class QLineEdit;
class QListWidget;
class QStackedLayout;

namespace sw::widgets {

class FieldListField : public PropertyField {
    Q_OBJECT
public:
    FieldListField(const runtime::PropertySpec& spec, QWidget* parent);
    QWidget* editorWidget() override;
    void setSchema(const runtime::Schema* schema) override;
    QListWidget* list() const { return m_list; }
    QLineEdit* lineEdit() const { return m_edit; }

protected:
    void display(const nlohmann::json& value) override;

private:
    void rebuildList();
    void listChanged();
    void textFinished();
    std::vector<std::string> current() const;

    QListWidget* m_list;
    QLineEdit* m_edit;
    QStackedLayout* m_stack;
    bool m_filling = false;
};

} // namespace sw::widgets
