#pragma once
// The property editor: a form generated from the catalog for the selected node (or the pipeline
// settings when no node is selected). Values are checked before they reach the model; problems
// are explained under the property; every applied change is one undo step (a model request).
#include <map>
#include <optional>
#include <string>

#include <QPointer>
#include <QWidget>

#include "modelview/ChangeEvent.h"
#include "types/Schema.h"

class QLabel;
class QLineEdit;
class QScrollArea;
class QToolButton;
class QVBoxLayout;

namespace sw::widgets {

class PipelineModel;
class PropertyField;
class PipelineSettingsForm;

class PropertyEditor : public QWidget {
    Q_OBJECT
public:
    explicit PropertyEditor(PipelineModel* model, QWidget* parent = nullptr);
    ~PropertyEditor() override;

    /// Shows the node's properties; an empty id shows the pipeline settings.
    void setNode(const QString& nodeId);
    QString nodeId() const { return QString::fromStdString(m_nodeId); }

    PropertyField* field(const QString& property) const;
    /// The inline message under a property ("" when none is shown).
    QString message(const QString& property) const;
    QLineEdit* labelEdit() const { return m_labelEdit; }
    PipelineSettingsForm* settingsForm() const { return m_settings; }
    /// Gives keyboard focus to a property's editor (expanding "Advanced" when needed).
    void focusProperty(const QString& property);

private:
    struct Row {
        PropertyField* field = nullptr;
        QLabel* message = nullptr;
        QString localError;
        std::optional<runtime::Schema> schema;
        bool advanced = false;
    };

    void rebuild();
    void buildHeader(QVBoxLayout* layout);
    void buildRows(QVBoxLayout* layout);
    void scheduleRefresh();
    void refresh();
    void refreshRow(const std::string& name, Row& row);
    void onChanged(const ChangeEvent& e);
    void onEdited(const std::string& property, const nlohmann::json& value);
    const runtime::Schema* schemaFor(int port) const;
    void setAdvancedVisible(bool on);

    PipelineModel* m_model;
    std::string m_nodeId;
    std::string m_builtType;
    QScrollArea* m_scroll;
    QPointer<QWidget> m_form;
    QLineEdit* m_labelEdit = nullptr;
    QWidget* m_advanced = nullptr;
    QToolButton* m_advancedToggle = nullptr;
    PipelineSettingsForm* m_settings = nullptr;
    std::map<std::string, Row> m_rows;
    bool m_showAdvanced = false;
    bool m_refreshQueued = false;
};

} // namespace sw::widgets
