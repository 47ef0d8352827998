#include "properties/fields/FieldListField.h"

#include <algorithm>

#include <QLineEdit>
#include <QListWidget>
#include <QStackedLayout>

namespace sw::widgets {

namespace {
constexpr int kNameRole = Qt::UserRole + 1;
}

FieldListField::FieldListField(const runtime::PropertySpec& spec, QWidget* parent)
    : PropertyField(spec, parent), m_list(new QListWidget(this)), m_edit(new QLineEdit(this))
{
    m_stack = new QStackedLayout(this);
    m_stack->setContentsMargins(0, 0, 0, 0);
    m_stack->addWidget(m_edit);
    m_stack->addWidget(m_list);
    m_edit->setPlaceholderText(tr("column, column, ..."));
    m_list->setUniformItemSizes(true);
    connect(m_list, &QListWidget::itemChanged, this, [this] {
        if (!m_filling) listChanged();
    });
    connect(m_edit, &QLineEdit::editingFinished, this, &FieldListField::textFinished);
}

QWidget* FieldListField::editorWidget()
{
    return m_stack->currentWidget();
}

std::vector<std::string> FieldListField::current() const
{
    std::vector<std::string> out;
    const nlohmann::json& v = value();
    if (v.is_array())
        for (const auto& e : v)
            if (e.is_string()) out.push_back(e.get<std::string>());
    return out;
}

void FieldListField::setSchema(const runtime::Schema* s)
{
    PropertyField::setSchema(s);
    rebuildList();
}

void FieldListField::display(const nlohmann::json&)
{
    QStringList names;
    for (const auto& n : current())
        names << QString::fromStdString(n);
    m_edit->setText(names.join(QStringLiteral(", ")));
    rebuildList();
}

void FieldListField::rebuildList()
{
    const runtime::Schema* s = schema();
    m_stack->setCurrentWidget(s ? static_cast<QWidget*>(m_list) : m_edit);
    if (!s) {
        // QStackedLayout's size hint is the largest page's (the list's 192 px), so size to the
        // page shown or the form keeps a gap below it.
        setFixedHeight(m_edit->sizeHint().height());
        return;
    }
    std::vector<std::string> chosen = current();
    auto isChosen = [&](const std::string& n) {
        return std::find(chosen.begin(), chosen.end(), n) != chosen.end();
    };
    // Rows: every input column, then chosen names the input does not have.
    std::vector<std::pair<std::string, bool>> rows;
    for (const auto& f : s->fields())
        rows.emplace_back(f.name, false);
    for (const auto& n : chosen)
        if (!s->find(n)) rows.emplace_back(n, true);
    m_filling = true;
    bool same = m_list->count() == static_cast<int>(rows.size());
    for (int i = 0; same && i < m_list->count(); ++i)
        same = m_list->item(i)->data(kNameRole).toString().toStdString() ==
               rows[static_cast<std::size_t>(i)].first;
    if (same) {
        for (int i = 0; i < m_list->count(); ++i) {
            auto* item = m_list->item(i);
            bool on = isChosen(item->data(kNameRole).toString().toStdString());
            item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
        }
        m_filling = false;
        return;
    }
    m_list->clear();
    for (const auto& [name, missing] : rows) {
        auto* item = new QListWidgetItem(QString::fromStdString(name), m_list);
        item->setData(kNameRole, QString::fromStdString(name));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(isChosen(name) ? Qt::Checked : Qt::Unchecked);
        const runtime::Field* f = s->find(name);
        item->setToolTip(f ? QString::fromStdString(f->type.toString())
                           : tr("not a column of the input"));
        if (missing) {
            item->setForeground(QColor(0xd0, 0x31, 0x31));
            item->setText(tr("%1 (not in the input)").arg(QString::fromStdString(name)));
        }
    }
    int visible = std::clamp(m_list->count(), 2, 7);
    m_list->setFixedHeight(visible * m_list->sizeHintForRow(0) + 2 * m_list->frameWidth() + 2);
    setFixedHeight(m_list->maximumHeight());
    m_filling = false;
}

void FieldListField::listChanged()
{
    // Keep the existing order; newly checked columns go to the end.
    std::vector<std::string> next;
    std::vector<std::string> checked;
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->checkState() == Qt::Checked)
            checked.push_back(m_list->item(i)->data(kNameRole).toString().toStdString());
    for (const auto& n : current())
        if (std::find(checked.begin(), checked.end(), n) != checked.end()) next.push_back(n);
    for (const auto& n : checked)
        if (std::find(next.begin(), next.end(), n) == next.end()) next.push_back(n);
    commit(next);
}

void FieldListField::textFinished()
{
    nlohmann::json arr = nlohmann::json::array();
    for (const QString& part : m_edit->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (QString t = part.trimmed(); !t.isEmpty()) arr.push_back(t.toStdString());
    commit(arr);
}

} // namespace sw::widgets
