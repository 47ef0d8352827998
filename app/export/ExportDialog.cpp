#include "ExportDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "YamlHighlighter.h"
#include "properties/fields/SqlHighlighter.h"

namespace sw::app {

namespace ex = sw::runtime::exporting;

ExportDialog::ExportDialog(sw::runtime::PipelineSpec pipeline, QWidget* parent)
    : QDialog(parent), m_pipeline(std::move(pipeline))
{
    setWindowTitle(tr("Export for Production"));
    resize(1100, 720);
    buildUi();
    setTarget(ex::ExportTarget::All);
}

void ExportDialog::buildUi()
{
    m_target = new QComboBox(this);
    m_target->addItem(tr("Everything"), static_cast<int>(ex::ExportTarget::All));
    m_target->addItem(tr("Flink SQL"), static_cast<int>(ex::ExportTarget::FlinkSql));
    m_target->addItem(tr("Kubernetes (FlinkDeployment + KafkaTopics)"),
                      static_cast<int>(ex::ExportTarget::Kubernetes));
    m_target->addItem(tr("Kafka topic plan"), static_cast<int>(ex::ExportTarget::Topics));
    m_target->addItem(tr("Production readiness"), static_cast<int>(ex::ExportTarget::Readiness));
    connect(m_target, &QComboBox::activated, this, [this](int i) {
        setTarget(static_cast<ex::ExportTarget>(m_target->itemData(i).toInt()));
    });
    m_status = new QLabel(this);
    m_status->setWordWrap(true);

    m_files = new QListWidget(this);
    connect(m_files, &QListWidget::currentRowChanged, this, &ExportDialog::showFile);
    m_preview = new QPlainTextEdit(this);
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    m_issues = new QTreeWidget(this);
    m_issues->setHeaderLabels(
        {tr("Node"), tr("Kind"), tr("Feature"), tr("Reason"), tr("Closest equivalent")});
    m_issues->setRootIsDecorated(false);
    m_issues->setWordWrap(true);
    m_issues->header()->setStretchLastSection(true);
    connect(m_issues, &QTreeWidget::itemActivated, this, &ExportDialog::issueActivated);

    auto* top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(m_files);
    top->addWidget(m_preview);
    top->setStretchFactor(1, 4);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    auto* issuesBox = new QWidget(this);
    auto* issuesLayout = new QVBoxLayout(issuesBox);
    issuesLayout->setContentsMargins(0, 0, 0, 0);
    issuesLayout->addWidget(new QLabel(
        tr("Not exported exactly (per node; double-click to select the node):"), issuesBox));
    issuesLayout->addWidget(m_issues);
    split->addWidget(issuesBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_save = buttons->addButton(tr("Save…"), QDialogButtonBox::ActionRole);
    connect(m_save, &QPushButton::clicked, this, &ExportDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // No default button: Return activates an issue (selects its node), it must not also press
    // Save (the button box makes the first AcceptRole button the default, hence ActionRole).
    for (QAbstractButton* b : buttons->buttons())
        if (auto* push = qobject_cast<QPushButton*>(b)) push->setAutoDefault(false);

    auto* head = new QHBoxLayout;
    head->addWidget(new QLabel(tr("Target:"), this));
    head->addWidget(m_target, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(head);
    layout->addWidget(m_status);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
}

void ExportDialog::setTarget(ex::ExportTarget target)
{
    m_target->setCurrentIndex(m_target->findData(static_cast<int>(target)));
    auto r = ex::exportPipeline(m_pipeline, target, m_options);
    if (r) {
        m_bundle = std::move(r).value();
        m_status->setText(
            tr("%n file(s) for job '%1'.", nullptr, static_cast<int>(m_bundle.files.size()))
                .arg(QString::fromStdString(m_bundle.name)));
    } else {
        m_bundle = {};
        m_status->setText(tr("Cannot export: %1").arg(QString::fromStdString(r.error().message)));
    }
    refresh();
}

void ExportDialog::refresh()
{
    m_files->clear();
    for (const auto& f : m_bundle.files)
        m_files->addItem(QString::fromStdString(f.path));
    m_save->setEnabled(!m_bundle.files.empty());
    m_issues->clear();
    for (const auto& i : m_bundle.issues) {
        auto* item = new QTreeWidgetItem(
            m_issues,
            {QString::fromStdString(i.nodeId.empty() ? "(pipeline)" : i.nodeId),
             QString::fromUtf8(ex::toString(i.kind).data()), QString::fromStdString(i.feature),
             QString::fromStdString(i.reason), QString::fromStdString(i.equivalent)});
        item->setData(0, Qt::UserRole, QString::fromStdString(i.nodeId));
        item->setToolTip(3, QString::fromStdString(i.reason));
        item->setToolTip(4, QString::fromStdString(i.equivalent));
        if (i.kind == ex::IssueKind::NotExportable)
            item->setForeground(1, QColor(0xc0, 0x39, 0x2b));
    }
    for (int c = 0; c < 3; ++c)
        m_issues->resizeColumnToContents(c);
    m_issues->setColumnWidth(3, 440);
    // Show the target's own output first (the manifests for Kubernetes, not the SQL it embeds).
    int first = m_bundle.files.empty() ? -1 : 0;
    for (int i = 0; i < static_cast<int>(m_bundle.files.size()); ++i)
        if (m_target->currentData().toInt() == static_cast<int>(ex::ExportTarget::Kubernetes) &&
            m_bundle.files[static_cast<std::size_t>(i)].path.rfind("k8s/", 0) == 0) {
            first = i;
            break;
        }
    m_files->setCurrentRow(first);
    if (m_bundle.files.empty()) m_preview->clear();
}

void ExportDialog::showFile(int row)
{
    delete m_highlighter;
    m_highlighter = nullptr;
    if (row < 0 || row >= static_cast<int>(m_bundle.files.size())) return;
    const auto& f = m_bundle.files[static_cast<std::size_t>(row)];
    m_preview->setPlainText(QString::fromStdString(f.content));
    if (f.syntax == "sql")
        m_highlighter = new sw::widgets::SqlHighlighter(m_preview->document());
    else if (f.syntax == "yaml" || f.syntax == "json" || f.syntax == "shell")
        m_highlighter = new YamlHighlighter(m_preview->document());
}

bool ExportDialog::saveTo(const QString& directory)
{
    auto s = ex::writeBundle(m_bundle, directory.toStdString());
    if (!s) {
        QMessageBox::warning(this, tr("Export"), QString::fromStdString(s.message()));
        return false;
    }
    m_status->setText(
        tr("Saved %n file(s) to %1.", nullptr, static_cast<int>(m_bundle.files.size()))
            .arg(directory));
    return true;
}

void ExportDialog::save()
{
    QString dir = QFileDialog::getExistingDirectory(this, tr("Export to folder"));
    if (!dir.isEmpty()) saveTo(dir);
}

void ExportDialog::issueActivated(QTreeWidgetItem* item)
{
    QString id = item ? item->data(0, Qt::UserRole).toString() : QString();
    if (!id.isEmpty()) Q_EMIT nodeActivated(id);
}

} // namespace sw::app
