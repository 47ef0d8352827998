#pragma once
// The DLQ browser's view: every error record of the runs with reason, node, source position,
// time and message; the selected record's raw bytes as hex and as text, its original Kafka
// timestamp and headers (values as text when UTF-8, else hex), and its record JSON;
// filters by reason and node; export of the selected records as JSON Lines; editing the replay
// text and asking for a replay (the owner performs it and reports back with setReplayResult).
#include <cstdint>
#include <vector>

#include <QWidget>

#include "dlq/DlqEntry.h"

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;

namespace sw::widgets {

class DlqFilterProxy;
class DlqTableModel;

class DlqBrowserView : public QWidget {
    Q_OBJECT
public:
    explicit DlqBrowserView(QWidget* parent = nullptr);

    DlqTableModel* model() const { return m_model; }
    DlqFilterProxy* proxy() const { return m_proxy; }
    QTableView* table() const { return m_table; }

    void addEntries(std::vector<DlqEntry> entries);
    void clear();
    /// Records that did not reach the browser (capture buffer overwrote them).
    void addMissed(std::uint64_t n);
    std::uint64_t missed() const { return m_missed; }

    /// Filters ("" = all).
    void setReasonFilter(const QString& reason);
    void setNodeFilter(const QString& node);
    /// Selects the entries with these ids (others are deselected).
    void selectIds(const std::vector<std::uint64_t>& ids);
    std::vector<std::uint64_t> selectedIds() const;

    /// Writes the selected entries as JSON Lines. False (with `error`) when the file fails.
    bool exportSelected(const QString& path, QString* error = nullptr) const;
    /// Sets the text a replay of `id` feeds back (a fixed raw value or record JSON).
    void editReplayText(std::uint64_t id, const QString& text);
    /// Whether Replay can run now (a pipeline is running), with the reason shown when not.
    void setReplayAvailable(bool available, const QString& reason = {});
    void setReplayResult(std::uint64_t id, bool ok, const QString& note);

    QString hexText() const;
    QString plainText() const;
    /// The Headers tab: one "name  text|hex  value" line per header, or why there are none.
    QString headersText() const;
    /// The summary above the tabs (rich text): reason, node, times, position, message, notes.
    QString metaText() const;

Q_SIGNALS:
    void replayRequested(const std::vector<std::uint64_t>& ids);

private:
    void updateFilters();
    void updateDetail();
    void updateButtons();
    void updateCount();
    void onExportClicked();
    void onEditClicked();

    DlqTableModel* m_model = nullptr;
    DlqFilterProxy* m_proxy = nullptr;
    QComboBox* m_reason = nullptr;
    QComboBox* m_node = nullptr;
    QLabel* m_count = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_meta = nullptr;
    QTabWidget* m_tabs = nullptr;
    QPlainTextEdit* m_hex = nullptr;
    QPlainTextEdit* m_text = nullptr;
    QPlainTextEdit* m_headers = nullptr;
    QPlainTextEdit* m_record = nullptr;
    QPushButton* m_export = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_replay = nullptr;
    bool m_replayAvailable = false;
    QString m_replayReason;
    std::uint64_t m_missed = 0;
};

} // namespace sw::widgets
