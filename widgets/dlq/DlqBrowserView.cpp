#include "dlq/DlqBrowserView.h"

#include <algorithm>
#include <climits>

#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include "dlq/DlqTableModel.h"
#include "types/Value.h"

namespace sw::widgets {

namespace {
QPlainTextEdit* monoPane(QWidget* parent)
{
    auto* p = new QPlainTextEdit(parent);
    p->setReadOnly(true);
    p->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    p->setLineWrapMode(QPlainTextEdit::NoWrap);
    return p;
}

/// "2023-11-14T22:13:20.123Z (1700000000123 ms)".
QString isoUtcWithMs(std::int64_t ms)
{
    return QStringLiteral("%1 (%2 ms)")
        .arg(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs))
        .arg(ms);
}

/// One line per header: name padded to the longest, "text" or "hex", the value (hex when it is
/// not UTF-8 or holds control characters, which would garble or break the line).
QString headerLines(const DlqEntry& e)
{
    if (e.unreadableHeaders)
        return QObject::tr("(headers could not be read: %1)\n\nAs stored:\n%2")
            .arg(QString::fromStdString(e.rawNote), QString::fromStdString(*e.unreadableHeaders));
    if (e.rawHeaders.empty()) return QObject::tr("(no headers)");
    qsizetype width = 0;
    for (const auto& h : e.rawHeaders)
        width = std::max(width, QString::fromStdString(bytesAsText(h.first)).size());
    QString out;
    for (const auto& [name, value] : e.rawHeaders) {
        const bool text = isPrintableText(value);
        out += QString::fromStdString(bytesAsText(name)).leftJustified(width) +
               (text ? QStringLiteral("  text  ") : QStringLiteral("  hex   ")) +
               QString::fromStdString(text ? value : hexBytes(value)) + QLatin1Char('\n');
    }
    out.chop(1);
    return out;
}
} // namespace

DlqBrowserView::DlqBrowserView(QWidget* parent) : QWidget(parent)
{
    m_model = new DlqTableModel(this);
    m_proxy = new DlqFilterProxy(this);
    m_proxy->setSourceModel(m_model);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    auto* bar = new QHBoxLayout;
    m_reason = new QComboBox(this);
    m_reason->setObjectName(QStringLiteral("dlqReasonFilter"));
    m_node = new QComboBox(this);
    m_node->setObjectName(QStringLiteral("dlqNodeFilter"));
    m_count = new QLabel(this);
    bar->addWidget(new QLabel(tr("Reason:"), this));
    bar->addWidget(m_reason);
    bar->addWidget(new QLabel(tr("Node:"), this));
    bar->addWidget(m_node);
    bar->addWidget(m_count, 1);
    layout->addLayout(bar);
    connect(m_reason, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setReason(m_reason->currentData().toString());
        updateCount();
    });
    connect(m_node, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setNode(m_node->currentData().toString());
        updateCount();
    });

    auto* split = new QSplitter(Qt::Vertical, this);
    m_table = new QTableView(split);
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(DlqTableModel::MessageColumn,
                                                      QHeaderView::Stretch);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateDetail();
        updateButtons();
    });

    auto* detail = new QWidget(split);
    auto* dl = new QVBoxLayout(detail);
    dl->setContentsMargins(0, 0, 0, 0);
    m_meta = new QLabel(detail);
    m_meta->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_meta->setWordWrap(true);
    dl->addWidget(m_meta);
    m_tabs = new QTabWidget(detail);
    m_hex = monoPane(m_tabs);
    m_text = monoPane(m_tabs);
    m_headers = monoPane(m_tabs);
    m_headers->setObjectName(QStringLiteral("dlqHeaders"));
    m_record = monoPane(m_tabs);
    m_tabs->addTab(m_hex, tr("Raw value (hex)"));
    m_tabs->addTab(m_text, tr("Raw value (text)"));
    m_tabs->addTab(m_headers, tr("Headers"));
    m_tabs->addTab(m_record, tr("Record / replay text"));
    dl->addWidget(m_tabs, 1);
    split->addWidget(m_table);
    split->addWidget(detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    auto* buttons = new QHBoxLayout;
    m_export = new QPushButton(tr("Export selected…"), this);
    m_export->setObjectName(QStringLiteral("dlqExport"));
    m_edit = new QPushButton(tr("Edit replay text…"), this);
    m_edit->setObjectName(QStringLiteral("dlqEdit"));
    m_replay = new QPushButton(tr("Replay selected"), this);
    m_replay->setObjectName(QStringLiteral("dlqReplay"));
    buttons->addStretch(1);
    buttons->addWidget(m_export);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_replay);
    layout->addLayout(buttons);
    connect(m_export, &QPushButton::clicked, this, &DlqBrowserView::onExportClicked);
    connect(m_edit, &QPushButton::clicked, this, &DlqBrowserView::onEditClicked);
    connect(m_replay, &QPushButton::clicked, this, [this] {
        const auto ids = selectedIds();
        if (!ids.empty()) Q_EMIT replayRequested(ids);
    });
    connect(m_model, &DlqTableModel::categoriesChanged, this, &DlqBrowserView::updateFilters);
    updateFilters();
    updateButtons();
    updateCount();
}

void DlqBrowserView::addEntries(std::vector<DlqEntry> entries)
{
    if (entries.empty()) return;
    const bool first = m_model->count() == 0;
    m_model->append(std::move(entries));
    if (first) m_table->resizeColumnsToContents();
    updateCount();
}

void DlqBrowserView::clear()
{
    m_model->clear();
    m_missed = 0;
    updateDetail();
    updateCount();
}

void DlqBrowserView::addMissed(std::uint64_t n)
{
    m_missed += n;
    updateCount();
}

void DlqBrowserView::updateFilters()
{
    auto refill = [](QComboBox* box, const std::set<std::string>& values, const QString& all) {
        const QString current = box->currentData().toString();
        const QSignalBlocker block(box);
        box->clear();
        box->addItem(all, QString());
        for (const std::string& v : values)
            box->addItem(QString::fromStdString(v), QString::fromStdString(v));
        const int i = box->findData(current);
        box->setCurrentIndex(i < 0 ? 0 : i);
    };
    refill(m_reason, m_model->reasons(), tr("All reasons"));
    refill(m_node, m_model->nodes(), tr("All nodes"));
}

void DlqBrowserView::setReasonFilter(const QString& reason)
{
    const int i = m_reason->findData(reason);
    m_reason->setCurrentIndex(i < 0 ? 0 : i);
    m_proxy->setReason(reason);
    updateCount();
}

void DlqBrowserView::setNodeFilter(const QString& node)
{
    const int i = m_node->findData(node);
    m_node->setCurrentIndex(i < 0 ? 0 : i);
    m_proxy->setNode(node);
    updateCount();
}

void DlqBrowserView::selectIds(const std::vector<std::uint64_t>& ids)
{
    QItemSelection sel;
    for (std::uint64_t id : ids) {
        const int r = m_model->rowOf(id);
        if (r < 0) continue;
        const QModelIndex p = m_proxy->mapFromSource(m_model->index(r, 0));
        if (p.isValid()) sel.select(p, p.siblingAtColumn(DlqTableModel::ColumnCount - 1));
    }
    m_table->selectionModel()->select(sel, QItemSelectionModel::ClearAndSelect |
                                               QItemSelectionModel::Rows);
    if (!sel.isEmpty())
        m_table->selectionModel()->setCurrentIndex(sel.indexes().first(),
                                                   QItemSelectionModel::NoUpdate);
}

std::vector<std::uint64_t> DlqBrowserView::selectedIds() const
{
    std::vector<std::uint64_t> ids;
    for (const QModelIndex& p : m_table->selectionModel()->selectedRows())
        ids.push_back(m_model->entry(m_proxy->mapToSource(p).row()).id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

bool DlqBrowserView::exportSelected(const QString& path, QString* error) const
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error) *error = f.errorString();
        return false;
    }
    for (std::uint64_t id : selectedIds()) {
        const DlqEntry* e = m_model->find(id);
        if (!e) continue;
        const std::string line = dlqEntryToJsonLine(*e) + "\n";
        if (f.write(line.data(), static_cast<qint64>(line.size())) !=
            static_cast<qint64>(line.size())) {
            if (error) *error = f.errorString();
            return false;
        }
    }
    return true;
}

void DlqBrowserView::editReplayText(std::uint64_t id, const QString& text)
{
    m_model->setEditedText(id, text.toStdString());
    updateDetail();
}

void DlqBrowserView::setReplayAvailable(bool available, const QString& reason)
{
    m_replayAvailable = available;
    m_replayReason = reason;
    updateButtons();
}

void DlqBrowserView::setReplayResult(std::uint64_t id, bool ok, const QString& note)
{
    m_model->setReplayState(id, ok ? DlqEntry::Replay::Replayed : DlqEntry::Replay::Failed,
                            note.toStdString());
    updateDetail();
}

QString DlqBrowserView::hexText() const
{
    return m_hex->toPlainText();
}
QString DlqBrowserView::plainText() const
{
    return m_text->toPlainText();
}
QString DlqBrowserView::headersText() const
{
    return m_headers->toPlainText();
}
QString DlqBrowserView::metaText() const
{
    return m_meta->text();
}

void DlqBrowserView::updateDetail()
{
    const auto ids = selectedIds();
    const DlqEntry* e = ids.size() == 1 ? m_model->find(ids.front()) : nullptr;
    if (!e) {
        m_meta->setText(ids.empty()
                            ? tr("Select a record.")
                            : tr("%n records selected.", nullptr, static_cast<int>(ids.size())));
        m_hex->clear();
        m_text->clear();
        m_headers->clear();
        m_tabs->setTabText(m_tabs->indexOf(m_headers), tr("Headers"));
        m_record->clear();
        return;
    }
    QString meta = tr("<b>%1</b> at node <b>%2</b> · %3")
                       .arg(QString::fromStdString(e->errorClass).toHtmlEscaped(),
                            QString::fromStdString(e->nodeId).toHtmlEscaped(),
                            QString::fromStdString(runtime::formatTimestamp(e->errorTimeMs)));
    const std::string pos = e->sourcePosition();
    if (!pos.empty()) meta += tr(" · from %1").arg(QString::fromStdString(pos).toHtmlEscaped());
    if (e->rawTimestampMs) meta += tr(" · Kafka time %1").arg(isoUtcWithMs(*e->rawTimestampMs));
    meta += QStringLiteral("<br/>") + QString::fromStdString(e->message).toHtmlEscaped();
    if (!e->rawNote.empty())
        meta += QStringLiteral("<br/><span style='color:#c0392b'>%1</span>")
                    .arg(QString::fromStdString(e->rawNote).toHtmlEscaped());
    if (e->replay == DlqEntry::Replay::Failed)
        meta += QStringLiteral("<br/><span style='color:#c0392b'>%1</span>")
                    .arg(QString::fromStdString(e->replayNote).toHtmlEscaped());
    m_meta->setText(meta);
    const std::string raw = e->rawValue.value_or(std::string());
    m_hex->setPlainText(e->rawValue ? QString::fromStdString(hexDump(raw)) : tr("(no raw bytes)"));
    QString text = e->rawValue ? QString::fromStdString(bytesAsText(raw)) : tr("(no raw bytes)");
    if (e->rawKey)
        text = tr("key: %1\nvalue: %2").arg(QString::fromStdString(bytesAsText(*e->rawKey)), text);
    m_text->setPlainText(text);
    m_headers->setPlainText(headerLines(*e));
    m_tabs->setTabText(m_tabs->indexOf(m_headers),
                       e->rawHeaders.empty() ? tr("Headers")
                                             : tr("Headers (%1)").arg(e->rawHeaders.size()));
    QString rec = QString::fromStdString(e->replayText());
    if (e->editedText) rec = tr("(edited)\n") + rec;
    m_record->setPlainText(rec);
}

void DlqBrowserView::updateButtons()
{
    const bool any = !selectedIds().empty();
    m_export->setEnabled(any);
    m_edit->setEnabled(selectedIds().size() == 1);
    m_replay->setEnabled(any && m_replayAvailable);
    m_replay->setToolTip(m_replayAvailable ? tr("Feed the selected records back into the running "
                                                "pipeline at the node that failed them")
                                           : m_replayReason);
}

void DlqBrowserView::updateCount()
{
    // %Ln: plural forms per language, numbers in the user's locale.
    auto n = [](auto count) { return static_cast<int>(std::min<qulonglong>(count, INT_MAX)); };
    QString text = tr("%Ln error records", nullptr, n(m_model->count()));
    if (m_proxy->rowCount() != m_model->count())
        text += tr(", %Ln shown", nullptr, n(m_proxy->rowCount()));
    if (m_missed) text += tr(" · %Ln not captured (capture buffer full)", nullptr, n(m_missed));
    if (m_model->dropped()) text += tr(" · %Ln oldest dropped", nullptr, n(m_model->dropped()));
    m_count->setText(text);
}

void DlqBrowserView::onExportClicked()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export dead letters"),
                                                      QStringLiteral("dead-letters.jsonl"),
                                                      tr("JSON Lines (*.jsonl)"));
    if (path.isEmpty()) return;
    QString err;
    if (!exportSelected(path, &err)) m_count->setText(tr("Could not write %1: %2").arg(path, err));
}

void DlqBrowserView::onEditClicked()
{
    const auto ids = selectedIds();
    if (ids.size() != 1) return;
    const DlqEntry* e = m_model->find(ids.front());
    if (!e) return;
    QDialog dlg(this);
    dlg.setWindowTitle(e->replaysRawBytes() ? tr("Fix the raw value") : tr("Fix the record"));
    auto* l = new QVBoxLayout(&dlg);
    l->addWidget(new QLabel(e->replaysRawBytes()
                                ? tr("The source parses this text again on replay:")
                                : tr("This record (JSON) re-enters node '%1' on replay:")
                                      .arg(QString::fromStdString(e->nodeId)),
                            &dlg));
    auto* edit = new QPlainTextEdit(QString::fromStdString(e->replayText()), &dlg);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    l->addWidget(edit);
    auto* bb = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dlg);
    connect(bb, &QDialogButtonBox::accepted, &dlg, &QDialog::accept);
    connect(bb, &QDialogButtonBox::rejected, &dlg, &QDialog::reject);
    l->addWidget(bb);
    dlg.resize(640, 320);
    if (dlg.exec() == QDialog::Accepted) editReplayText(ids.front(), edit->toPlainText());
}

} // namespace sw::widgets
