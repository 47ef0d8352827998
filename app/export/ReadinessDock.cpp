#include "ReadinessDock.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace sw::app {

namespace ex = sw::runtime::exporting;

namespace {

QColor colourOf(ex::CheckStatus s)
{
    switch (s) {
    case ex::CheckStatus::Pass:
        return QColor(0x2e, 0x7d, 0x32);
    case ex::CheckStatus::Warn:
        return QColor(0xb2, 0x6a, 0x00);
    case ex::CheckStatus::Fail:
        return QColor(0xc0, 0x39, 0x2b);
    }
    return {};
}

QString label(ex::CheckStatus s)
{
    return QString::fromUtf8(ex::toString(s).data()).toUpper();
}

} // namespace

ReadinessDock::ReadinessDock(QWidget* parent) : QDockWidget(tr("Production Readiness"), parent)
{
    setObjectName("ReadinessDock");
    auto* body = new QWidget(this);
    m_summary = new QLabel(body);
    m_tree = new QTreeWidget(body);
    m_tree->setHeaderLabels({tr("Status"), tr("Check / finding"), tr("Fix / details")});
    m_tree->setWordWrap(true);
    m_tree->header()->setStretchLastSection(true);
    connect(m_tree, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem* i) { itemActivated(i); });
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);
    setWidget(body);
}

void ReadinessDock::setPipeline(const sw::runtime::PipelineSpec& pipeline)
{
    m_report = ex::checkReadiness(pipeline);
    m_summary->setText(tr("%1 pass, %2 warn, %3 fail")
                           .arg(m_report.count(ex::CheckStatus::Pass))
                           .arg(m_report.count(ex::CheckStatus::Warn))
                           .arg(m_report.count(ex::CheckStatus::Fail)));
    m_tree->clear();
    for (const auto& item : m_report.items) {
        auto* row = new QTreeWidgetItem(
            m_tree, {label(item.status), QString::fromStdString(item.title),
                     item.findings.empty() ? QString::fromStdString(item.summary) : QString()});
        row->setForeground(0, colourOf(item.status));
        QFont bold = row->font(0);
        bold.setBold(true);
        row->setFont(0, bold);
        row->setToolTip(1, QString::fromStdString(item.summary));
        for (const auto& f : item.findings) {
            QString node = QString::fromStdString(f.nodeId);
            auto* child = new QTreeWidgetItem(row, {label(f.status),
                                                    (node.isEmpty() ? tr("(pipeline)") : node) +
                                                        ": " + QString::fromStdString(f.message),
                                                    QString::fromStdString(f.fix)});
            child->setForeground(0, colourOf(f.status));
            child->setData(0, Qt::UserRole, node);
            child->setToolTip(1, QString::fromStdString(f.message));
            child->setToolTip(2, QString::fromStdString(f.fix));
        }
        row->setExpanded(item.status != ex::CheckStatus::Pass);
    }
    m_tree->resizeColumnToContents(0);
    m_tree->setColumnWidth(1, 420);
}

void ReadinessDock::itemActivated(QTreeWidgetItem* item)
{
    QString id = item ? item->data(0, Qt::UserRole).toString() : QString();
    if (!id.isEmpty()) Q_EMIT nodeActivated(id);
}

} // namespace sw::app
