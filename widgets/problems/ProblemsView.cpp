#include "problems/ProblemsView.h"

#include <QApplication>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "common/SchemaText.h"
#include "modelview/PipelineModel.h"

namespace sw::widgets {

namespace {
constexpr int kNodeRole = Qt::UserRole + 1;
constexpr int kPropertyRole = Qt::UserRole + 2;

QIcon severityIcon(runtime::Severity s)
{
    QStyle* st = QApplication::style();
    switch (s) {
    case runtime::Severity::Error:
        return st->standardIcon(QStyle::SP_MessageBoxCritical);
    case runtime::Severity::Warning:
        return st->standardIcon(QStyle::SP_MessageBoxWarning);
    case runtime::Severity::Info:
        return st->standardIcon(QStyle::SP_MessageBoxInformation);
    }
    return {};
}
} // namespace

ProblemsView::ProblemsView(PipelineModel* model, QWidget* parent) : QWidget(parent), m_model(model)
{
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("problemsTree"));
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Message"), tr("Node"), tr("Property")});
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setFrameShape(QFrame::NoFrame);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::Interactive);
    m_tree->header()->setSectionResizeMode(2, QHeaderView::Interactive);
    m_tree->setColumnWidth(1, 160);
    m_tree->setColumnWidth(2, 140);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        Q_EMIT problemActivated(item->data(0, kNodeRole).toString(),
                                item->data(0, kPropertyRole).toString());
    });
    connect(model, &PipelineModel::validated, this, &ProblemsView::refresh);
    // Others (run & debug) add rows too: follow the tree's model, not only refresh().
    m_empty = new QLabel(tr("No problems: the pipeline is valid."), m_tree->viewport());
    m_empty->setObjectName(QStringLiteral("problemsEmptyNote"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_tree->viewport()->installEventFilter(this);
    // The label is the context: the tree resets its model while it is destroyed, after the
    // viewport (and the label) are gone.
    QAbstractItemModel* rows = m_tree->model();
    auto follow = [this] { updateEmptyNote(); };
    connect(rows, &QAbstractItemModel::rowsInserted, m_empty, follow);
    connect(rows, &QAbstractItemModel::rowsRemoved, m_empty, follow);
    connect(rows, &QAbstractItemModel::modelReset, m_empty, follow);
    refresh();
    updateEmptyNote();
}

bool ProblemsView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_tree->viewport() && event->type() == QEvent::Resize)
        m_empty->setGeometry(m_tree->viewport()->rect());
    return QWidget::eventFilter(watched, event);
}

void ProblemsView::updateEmptyNote()
{
    m_empty->setVisible(m_tree->topLevelItemCount() == 0);
}

void ProblemsView::refresh()
{
    const auto& diags = m_model->validation().diagnostics;
    m_tree->clear();
    m_errors = m_warnings = 0;
    // Errors first, then warnings, then infos; validator order within a severity.
    for (auto severity :
         {runtime::Severity::Error, runtime::Severity::Warning, runtime::Severity::Info}) {
        for (const auto& d : diags) {
            if (d.severity != severity) continue;
            auto* item = new QTreeWidgetItem(m_tree);
            QString node = QString::fromStdString(d.nodeId);
            if (const auto* n = m_model->node(d.nodeId); n && !n->label.empty())
                node = QStringLiteral("%1 (%2)").arg(QString::fromStdString(n->label), node);
            item->setText(0, QString::fromStdString(d.message));
            item->setText(1, d.nodeId.empty() ? tr("pipeline") : node);
            item->setText(2, QString::fromStdString(d.property));
            item->setIcon(0, severityIcon(d.severity));
            item->setToolTip(0, severityName(d.severity) + QStringLiteral(": ") +
                                    QString::fromStdString(d.message).toHtmlEscaped());
            item->setData(0, kNodeRole, QString::fromStdString(d.nodeId));
            item->setData(0, kPropertyRole, QString::fromStdString(d.property));
            m_errors += severity == runtime::Severity::Error;
            m_warnings += severity == runtime::Severity::Warning;
        }
    }
    Q_EMIT countsChanged(m_errors, m_warnings);
}

} // namespace sw::widgets
