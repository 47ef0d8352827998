#include <algorithm>

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include "properties/fields/TableFields.h"

namespace sw::widgets {

TableField::TableField(const runtime::PropertySpec& spec, const QStringList& headers,
                       QWidget* parent)
    : PropertyField(spec, parent),
      m_table(new QTableWidget(0, static_cast<int>(headers.size()), this)),
      m_add(new QToolButton(this)), m_remove(new QToolButton(this))
{
    m_table->setHorizontalHeaderLabels(headers);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 12);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::AnyKeyPressed);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_add->setText(QStringLiteral("+"));
    m_add->setToolTip(tr("Add a row"));
    m_remove->setText(QStringLiteral("\u2212"));
    m_remove->setToolTip(tr("Remove the selected row"));
    auto* buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->setSpacing(2);
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto* l = new QVBoxLayout(this);
    l->setContentsMargins(0, 0, 0, 0);
    l->setSpacing(2);
    l->addWidget(m_table);
    l->addLayout(buttons);
    connect(m_add, &QToolButton::clicked, this, &TableField::addDefaultRow);
    connect(m_remove, &QToolButton::clicked, this, &TableField::removeCurrentRow);
    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        if (!m_filling) rowsEdited();
    });
    fitHeight();
}

QWidget* TableField::editorWidget()
{
    return m_table;
}

std::vector<nlohmann::json> TableField::items(const nlohmann::json& v) const
{
    std::vector<nlohmann::json> out;
    if (v.is_array())
        for (const auto& e : v)
            out.push_back(e);
    return out;
}

void TableField::display(const nlohmann::json& v)
{
    m_filling = true;
    m_table->setRowCount(0);
    for (const auto& item : items(v))
        appendRow(item);
    m_filling = false;
    fitHeight();
}

void TableField::addDefaultRow()
{
    m_filling = true;
    appendRow(defaultItem());
    m_filling = false;
    fitHeight();
    m_table->setCurrentCell(m_table->rowCount() - 1, 0);
    rowsEdited();
}

void TableField::removeCurrentRow()
{
    int row = m_table->currentRow();
    if (row < 0) row = m_table->rowCount() - 1;
    if (row < 0) return;
    m_table->removeRow(row);
    fitHeight();
    rowsEdited();
}

nlohmann::json TableField::collect(QString& error) const
{
    nlohmann::json arr = nlohmann::json::array();
    for (int r = 0; r < m_table->rowCount(); ++r) {
        nlohmann::json v = rowValue(r, error);
        if (!error.isEmpty()) {
            error = tr("row %1: %2").arg(r + 1).arg(error);
            return {};
        }
        arr.push_back(std::move(v));
    }
    return arr;
}

void TableField::rowsEdited()
{
    QString error;
    nlohmann::json v = collect(error);
    if (!error.isEmpty()) {
        Q_EMIT invalid(error);
        return;
    }
    commit(v);
}

QComboBox* TableField::addCombo(int row, int column, const QStringList& choices,
                                const QString& current, bool editable)
{
    auto* combo = new QComboBox(m_table);
    combo->setFrame(false);
    combo->addItems(choices);
    combo->setEditable(editable);
    if (editable) combo->setInsertPolicy(QComboBox::NoInsert);
    combo->setCurrentText(current);
    m_table->setCellWidget(row, column, combo);
    connect(combo, &QComboBox::activated, this, [this] {
        if (!m_filling) rowsEdited();
    });
    if (editable)
        connect(combo->lineEdit(), &QLineEdit::editingFinished, this, [this] {
            if (!m_filling) rowsEdited();
        });
    return combo;
}

void TableField::setText(int row, int column, const QString& text)
{
    m_table->setItem(row, column, new QTableWidgetItem(text));
}

QString TableField::text(int row, int column) const
{
    const QTableWidgetItem* item = m_table->item(row, column);
    return item ? item->text().trimmed() : QString();
}

QString TableField::comboText(int row, int column) const
{
    auto* combo = qobject_cast<QComboBox*>(m_table->cellWidget(row, column));
    return combo ? combo->currentText().trimmed() : QString();
}

void TableField::fitHeight()
{
    int rows = std::clamp(m_table->rowCount(), 2, 8);
    int h = m_table->horizontalHeader()->height() +
            rows * m_table->verticalHeader()->defaultSectionSize() + 2 * m_table->frameWidth() + 2;
    m_table->setFixedHeight(h);
}

} // namespace sw::widgets
