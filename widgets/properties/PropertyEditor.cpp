#include "properties/PropertyEditor.h"

#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include "catalog/Catalog.h"
#include "catalog/PropertyAccess.h"
#include "common/NodeIcons.h"
#include "modelview/PipelineModel.h"
#include "properties/MessageLabel.h"
#include "properties/PipelineSettingsForm.h"
#include "properties/PropertyField.h"

namespace sw::widgets {

namespace {
bool isWide(runtime::PropertyType t)
{
    using T = runtime::PropertyType;
    return t == T::Aggregates || t == T::Columns || t == T::SchemaDef || t == T::KeyValue ||
           t == T::Expression || t == T::FieldList;
}
} // namespace

PropertyEditor::PropertyEditor(PipelineModel* model, QWidget* parent)
    : QWidget(parent), m_model(model), m_scroll(new QScrollArea(this))
{
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* l = new QVBoxLayout(this);
    l->setContentsMargins(0, 0, 0, 0);
    l->addWidget(m_scroll);
    connect(model, &PipelineModel::changed, this, &PropertyEditor::onChanged);
    connect(model, &PipelineModel::validated, this, &PropertyEditor::scheduleRefresh);
    rebuild();
}

PropertyEditor::~PropertyEditor() = default;

void PropertyEditor::setNode(const QString& nodeId)
{
    std::string id = nodeId.toStdString();
    if (id == m_nodeId && m_form) return;
    m_nodeId = id;
    rebuild();
}

PropertyField* PropertyEditor::field(const QString& property) const
{
    auto it = m_rows.find(property.toStdString());
    return it == m_rows.end() ? nullptr : it->second.field;
}

QString PropertyEditor::message(const QString& property) const
{
    auto it = m_rows.find(property.toStdString());
    if (it == m_rows.end() || it->second.message->isHidden()) return {};
    return it->second.message->text();
}

void PropertyEditor::rebuild()
{
    m_rows.clear();
    m_labelEdit = nullptr;
    m_advanced = nullptr;
    m_advancedToggle = nullptr;
    m_settings = nullptr;
    // The old form may be inside a signal of one of its fields: delete it later.
    if (QWidget* old = m_scroll->takeWidget()) {
        old->hide();
        old->deleteLater();
    }
    auto* form = new QWidget;
    m_form = form;
    auto* layout = new QVBoxLayout(form);
    layout->setContentsMargins(10, 10, 10, 10);
    layout->setSpacing(8);
    const runtime::NodeSpec* n = m_model->node(m_nodeId);
    if (!n) {
        m_nodeId.clear();
        m_builtType.clear();
        m_settings = new PipelineSettingsForm(m_model, form);
        layout->addWidget(m_settings);
    } else {
        m_builtType = n->type;
        buildHeader(layout);
        buildRows(layout);
    }
    layout->addStretch(1);
    m_scroll->setWidget(form);
    refresh();
}

void PropertyEditor::buildHeader(QVBoxLayout* layout)
{
    const runtime::NodeSpec* n = m_model->node(m_nodeId);
    const runtime::NodeType* t = runtime::Catalog::instance().find(n->type);
    auto* head = new QHBoxLayout;
    head->setSpacing(10);
    auto* icon = new QLabel(m_form);
    icon->setPixmap(
        nodeIcon(t ? t->icon : std::string()).pixmap(QSize(32, 32), devicePixelRatioF()));
    icon->setFixedSize(32, 32);
    head->addWidget(icon, 0, Qt::AlignTop);
    auto* text = new QVBoxLayout;
    text->setSpacing(2);
    auto* title = new QLabel(
        t ? QString::fromStdString(t->displayName) : QString::fromStdString(n->type), m_form);
    QFont f = title->font();
    f.setBold(true);
    if (f.pointSizeF() > 0) f.setPointSizeF(f.pointSizeF() + 1.5);
    title->setFont(f);
    text->addWidget(title);
    if (t) {
        auto* desc = new QLabel(QString::fromStdString(t->description), m_form);
        desc->setWordWrap(true);
        desc->setForegroundRole(QPalette::PlaceholderText);
        text->addWidget(desc);
    }
    head->addLayout(text, 1);
    layout->addLayout(head);

    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(6);
    grid->addWidget(new QLabel(tr("Label"), m_form), 0, 0);
    m_labelEdit = new QLineEdit(QString::fromStdString(n->label), m_form);
    m_labelEdit->setObjectName(QStringLiteral("labelEdit"));
    m_labelEdit->setPlaceholderText(QString::fromStdString(n->id));
    grid->addWidget(m_labelEdit, 0, 1);
    grid->addWidget(new QLabel(tr("Id"), m_form), 1, 0);
    auto* id = new QLabel(QString::fromStdString(n->id), m_form);
    id->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addWidget(id, 1, 1);
    grid->setColumnStretch(1, 1);
    layout->addLayout(grid);
    connect(m_labelEdit, &QLineEdit::editingFinished, this, [this] {
        if (m_labelEdit && m_model->node(m_nodeId))
            m_model->setLabel(m_nodeId, m_labelEdit->text().trimmed().toStdString());
    });
}

void PropertyEditor::buildRows(QVBoxLayout* layout)
{
    const runtime::NodeSpec* n = m_model->node(m_nodeId);
    const runtime::NodeType* t = runtime::Catalog::instance().find(n->type);
    if (!t) return;
    auto section = [&](QWidget* parent, bool advanced) {
        auto* grid = new QGridLayout(parent);
        grid->setContentsMargins(0, 0, 0, 0);
        grid->setHorizontalSpacing(10);
        grid->setVerticalSpacing(4);
        grid->setColumnStretch(1, 1);
        int r = 0;
        for (const auto& spec : t->properties) {
            if (spec.advanced != advanced) continue;
            Row row;
            row.advanced = advanced;
            QString text = QString::fromStdString(spec.label) +
                           (spec.required ? QStringLiteral(" *") : QString());
            auto* label = new QLabel(text, parent);
            label->setToolTip(QString::fromStdString(spec.doc));
            row.field = PropertyField::create(spec, parent);
            row.field->setObjectName(QString::fromStdString(spec.name));
            row.field->setToolTip(QString::fromStdString(spec.doc));
            row.message = createMessageLabel(parent);
            if (isWide(spec.type)) {
                grid->addWidget(label, r++, 0, 1, 2);
                grid->addWidget(row.field, r++, 0, 1, 2);
                grid->addWidget(row.message, r++, 0, 1, 2);
            } else {
                grid->addWidget(label, r, 0);
                grid->addWidget(row.field, r++, 1);
                grid->addWidget(row.message, r++, 1);
            }
            std::string name = spec.name;
            connect(row.field, &PropertyField::edited, this,
                    [this, name](const nlohmann::json& v) { onEdited(name, v); });
            connect(row.field, &PropertyField::invalid, this, [this, name](const QString& msg) {
                auto it = m_rows.find(name);
                if (it == m_rows.end()) return;
                it->second.localError = msg;
                refreshRow(name, it->second);
            });
            m_rows[name] = row;
        }
        return r;
    };
    auto* main = new QWidget(m_form);
    section(main, false);
    layout->addWidget(main);
    auto* adv = new QWidget(m_form);
    if (section(adv, true) == 0) {
        delete adv;
        return;
    }
    m_advancedToggle = new QToolButton(m_form);
    m_advancedToggle->setText(tr("Advanced"));
    m_advancedToggle->setCheckable(true);
    m_advancedToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_advancedToggle->setAutoRaise(true);
    m_advanced = adv;
    layout->addWidget(m_advancedToggle);
    layout->addWidget(adv);
    connect(m_advancedToggle, &QToolButton::toggled, this, &PropertyEditor::setAdvancedVisible);
    setAdvancedVisible(m_showAdvanced);
}

void PropertyEditor::setAdvancedVisible(bool on)
{
    m_showAdvanced = on;
    if (!m_advanced) return;
    m_advanced->setVisible(on);
    const QSignalBlocker block(m_advancedToggle);
    m_advancedToggle->setChecked(on);
    m_advancedToggle->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
}

void PropertyEditor::focusProperty(const QString& property)
{
    auto it = m_rows.find(property.toStdString());
    if (it == m_rows.end()) {
        if (m_settings) m_settings->focusProperty(property);
        return;
    }
    if (it->second.advanced) setAdvancedVisible(true);
    QWidget* w = it->second.field->editorWidget();
    m_scroll->ensureWidgetVisible(it->second.field, 10, 40);
    w->setFocus(Qt::OtherFocusReason);
}

const runtime::Schema* PropertyEditor::schemaFor(int port) const
{
    const runtime::NodeSpec* n = m_model->node(m_nodeId);
    const runtime::NodeType* t = n ? runtime::Catalog::instance().find(n->type) : nullptr;
    if (!t) return nullptr;
    if (!t->inputs.empty()) return m_model->inputSchema(m_nodeId, port);
    // Sources: column properties refer to the node's own output.
    for (const auto& o : t->outputs)
        if (!o.errors) return m_model->validation().schemaOf({m_nodeId, o.name});
    return nullptr;
}

void PropertyEditor::onEdited(const std::string& property, const nlohmann::json& value)
{
    auto it = m_rows.find(property);
    if (it == m_rows.end()) return;
    runtime::Status st = it->second.field->spec().check(value);
    if (!st) {
        it->second.localError =
            tr("%1 (not applied)").arg(QString::fromStdString(st.error().message));
        refreshRow(property, it->second);
        return;
    }
    it->second.localError.clear();
    m_model->setProperty(m_nodeId, property, value);
    scheduleRefresh();
}

void PropertyEditor::onChanged(const ChangeEvent& e)
{
    using T = ChangeEvent::Type;
    if (e.type == T::Reset || (e.type == T::NodeRemoved && e.nodeId == m_nodeId)) {
        QTimer::singleShot(0, this, [this] {
            if (!m_model->node(m_nodeId) || !m_form || m_model->node(m_nodeId)->type != m_builtType)
                rebuild();
        });
        return;
    }
    scheduleRefresh();
}

void PropertyEditor::scheduleRefresh()
{
    if (m_refreshQueued) return;
    m_refreshQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_refreshQueued = false;
        refresh();
    });
}

void PropertyEditor::refresh()
{
    if (m_settings) {
        m_settings->refresh();
        return;
    }
    const runtime::NodeSpec* n = m_model->node(m_nodeId);
    if (!n) return;
    if (m_labelEdit && !m_labelEdit->hasFocus())
        m_labelEdit->setText(QString::fromStdString(n->label));
    for (auto& [name, row] : m_rows)
        refreshRow(name, row);
}

void PropertyEditor::refreshRow(const std::string& name, Row& row)
{
    const runtime::NodeSpec* n = m_model->node(m_nodeId);
    if (!n) return;
    const runtime::Schema* s = schemaFor(row.field->spec().port);
    bool schemaChanged = s ? (!row.schema || !(*row.schema == *s)) : row.schema.has_value();
    if (schemaChanged) {
        row.schema = s ? std::optional<runtime::Schema>(*s) : std::nullopt;
        row.field->setSchema(s);
    }
    nlohmann::json value = propertyValue(*n, name);
    if (value != row.field->value()) row.localError.clear(); // the model moved on (undo, reload)
    row.field->setValue(value);
    if (!row.localError.isEmpty()) {
        showMessage(row.message, row.localError, MessageKind::Error);
        return;
    }
    for (const auto& d : m_model->diagnosticsFor(m_nodeId)) {
        if (d.property != name) continue;
        bool error = d.severity == runtime::Severity::Error;
        showMessage(row.message, QString::fromStdString(d.message),
                    error ? MessageKind::Error : MessageKind::Warning);
        if (d.column > 0) row.field->markColumn(d.column, QString::fromStdString(d.message));
        return;
    }
    clearMessage(row.message);
}

} // namespace sw::widgets
