#include "inspector/InspectorView.h"

#include <algorithm>
#include <climits>

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include "inspector/RecordTableModel.h"

namespace sw::widgets {

InspectorView::InspectorView(QWidget* parent) : QWidget(parent)
{
    m_model = new RecordTableModel(this);
    m_proxy = new RecordFilterProxy(this);
    m_proxy->setSourceModel(m_model);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::RichText);
    layout->addWidget(m_title);

    auto* bar = new QHBoxLayout;
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("inspectorFilter"));
    m_filter->setPlaceholderText(
        tr("Filter with an expression, e.g. amount > 100 AND category = 'books'"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::returnPressed, this, &InspectorView::onFilterEdited);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& t) {
        if (t.isEmpty()) onFilterEdited();
    });
    m_pause = new QToolButton(this);
    m_pause->setObjectName(QStringLiteral("inspectorPause"));
    m_pause->setText(tr("Pause"));
    m_pause->setCheckable(true);
    m_pause->setToolTip(tr("Keep the captured records; new ones are counted, not kept"));
    connect(m_pause, &QToolButton::toggled, this, &InspectorView::setPaused);
    m_clear = new QToolButton(this);
    m_clear->setObjectName(QStringLiteral("inspectorClear"));
    m_clear->setText(tr("Clear"));
    connect(m_clear, &QToolButton::clicked, this, &InspectorView::clear);
    m_copy = new QToolButton(this);
    m_copy->setObjectName(QStringLiteral("inspectorCopy"));
    m_copy->setText(tr("Copy as JSON"));
    m_copy->setToolTip(tr("Copy the selected rows as a JSON array"));
    connect(m_copy, &QToolButton::clicked, this, [this] { copySelectionAsJson(); });
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_pause);
    bar->addWidget(m_clear);
    bar->addWidget(m_copy);
    layout->addLayout(bar);
    m_filterError = new QLabel(this);
    m_filterError->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_filterError->hide();
    layout->addWidget(m_filterError);

    auto* split = new QSplitter(Qt::Horizontal, this);
    m_table = new QTableView(split);
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &InspectorView::updateDetail);
    m_detail = new QPlainTextEdit(split);
    m_detail->setReadOnly(true);
    m_detail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_detail->setPlaceholderText(tr("Select a record to see it as JSON"));
    split->addWidget(m_table);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("inspectorStatus"));
    layout->addWidget(m_status);
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this](int v) { m_follow = v >= m_table->verticalScrollBar()->maximum() - 1; });
    updateStatus();
}

void InspectorView::setSource(const QString& title, const runtime::Schema& schema,
                              std::vector<int> keyColumns)
{
    m_title->setText(title);
    m_model->setSchema(schema, std::move(keyColumns));
    m_haveSeq = false;
    m_notKept = m_missed = 0;
    if (!m_filter->text().trimmed().isEmpty()) onFilterEdited();
    fitColumns();
    updateStatus();
}

void InspectorView::fitColumns()
{
    // Fitted to the first records; sequence numbers and keys grow, so those two columns get
    // room for at least 8 digits.
    m_table->resizeColumnsToContents();
    const int digits = m_table->fontMetrics().horizontalAdvance(QStringLiteral("00000000")) + 12;
    for (int c : {int(RecordTableModel::SequenceColumn), int(RecordTableModel::KeyColumn)})
        m_table->setColumnWidth(c, std::max(m_table->columnWidth(c), digits));
}

void InspectorView::setMaxRows(std::size_t n)
{
    m_model->setMaxRows(n);
}

void InspectorView::addRecords(const std::vector<runtime::TappedRecord>& records)
{
    std::vector<runtime::TappedRecord> keep;
    if (!m_paused) keep.reserve(records.size());
    for (const runtime::TappedRecord& r : records) {
        // Sequence numbers restart with a new tap (a new run): no gap then.
        if (m_haveSeq && r.sequence > m_nextSeq)
            (m_paused ? m_notKept : m_missed) += r.sequence - m_nextSeq;
        m_nextSeq = r.sequence + 1;
        m_haveSeq = true;
        if (m_paused)
            ++m_notKept;
        else
            keep.push_back(r);
    }
    const bool wasEmpty = m_model->rowCount() == 0;
    if (!keep.empty()) m_model->append(std::move(keep));
    if (wasEmpty && m_model->rowCount() > 0) fitColumns();
    if (m_follow && !m_paused) m_table->scrollToBottom();
    updateStatus();
}

void InspectorView::setPaused(bool paused)
{
    if (m_paused == paused) return;
    m_paused = paused;
    if (paused) m_notKept = 0;
    if (m_pause->isChecked() != paused) m_pause->setChecked(paused);
    m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    updateStatus();
}

void InspectorView::clear()
{
    m_model->clear();
    m_notKept = m_missed = 0;
    m_detail->clear();
    updateStatus();
}

bool InspectorView::setFilterText(const QString& text)
{
    if (m_filter->text() != text) {
        const QSignalBlocker block(m_filter);
        m_filter->setText(text);
    }
    runtime::Status st = m_proxy->setExpression(text);
    if (!st) {
        QString msg = QString::fromStdString(st.error().message);
        if (st.error().column > 0) msg = tr("column %1: %2").arg(st.error().column).arg(msg);
        m_filterError->setText(msg);
        m_filterError->show();
        m_filter->setStyleSheet(QStringLiteral("QLineEdit { border: 1px solid #c0392b; }"));
        return false;
    }
    m_filterError->hide();
    m_filter->setStyleSheet(QString());
    updateStatus();
    return true;
}

void InspectorView::onFilterEdited()
{
    setFilterText(m_filter->text());
}

QString InspectorView::copySelectionAsJson()
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    QString out = QStringLiteral("[");
    bool first = true;
    for (const QModelIndex& idx : rows) {
        const int src = m_proxy->mapToSource(idx).row();
        out += first ? QStringLiteral("\n") : QStringLiteral(",\n");
        out += QString::fromStdString(m_model->recordJson(src));
        first = false;
    }
    out += rows.isEmpty() ? QStringLiteral("]") : QStringLiteral("\n]");
    QApplication::clipboard()->setText(out);
    return out;
}

QString InspectorView::detailText() const
{
    return m_detail->toPlainText();
}

void InspectorView::updateDetail()
{
    const QModelIndex cur = m_table->selectionModel()->currentIndex();
    if (!cur.isValid()) {
        m_detail->clear();
        return;
    }
    m_detail->setPlainText(
        QString::fromStdString(m_model->prettyJson(m_proxy->mapToSource(cur).row())));
}

int InspectorView::capturedCount() const
{
    return m_model->rowCount();
}
int InspectorView::shownCount() const
{
    return m_proxy->rowCount();
}

void InspectorView::updateStatus()
{
    // %Ln: plural forms per language, numbers in the user's locale.
    auto n = [](auto count) { return static_cast<int>(std::min<qulonglong>(count, INT_MAX)); };
    QStringList parts;
    parts << tr("%Ln captured", nullptr, n(capturedCount()));
    if (m_proxy->hasExpression()) parts << tr("%Ln match the filter", nullptr, n(shownCount()));
    if (m_paused) parts << tr("paused: %Ln arrived and were not kept", nullptr, n(m_notKept));
    if (m_missed) parts << tr("%Ln not captured (capture buffer full)", nullptr, n(m_missed));
    if (m_model->evicted())
        parts << tr("%Ln oldest dropped from the table", nullptr, n(m_model->evicted()));
    if (m_proxy->evaluationErrors())
        parts << tr("%Ln could not be evaluated", nullptr, n(m_proxy->evaluationErrors()));
    m_status->setText(parts.join(QStringLiteral(" · ")));
}

} // namespace sw::widgets
