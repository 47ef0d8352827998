#pragma once
// The event inspector's view: a live table of records captured on one edge (columns from the
// edge schema, event time, key), a detail pane with the selected record as pretty JSON, an
// expression filter, pause (keeps what was captured; counts what arrived meanwhile and was not
// kept), clear and copy-as-JSON. Fed with addRecords(); knows nothing of the engine.
#include <cstdint>
#include <vector>

#include <QWidget>

#include "metrics/Tap.h"
#include "types/Schema.h"

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableView;
class QToolButton;

namespace sw::widgets {

class RecordFilterProxy;
class RecordTableModel;

class InspectorView : public QWidget {
    Q_OBJECT
public:
    explicit InspectorView(QWidget* parent = nullptr);

    /// What is inspected ("orders.out → dedup.in") and its columns. Clears the table.
    void setSource(const QString& title, const runtime::Schema& schema,
                   std::vector<int> keyColumns);
    /// Bound on rows kept in the table (default 10,000).
    void setMaxRows(std::size_t n);

    /// New records from the tap, oldest first. While paused they are counted, not kept.
    void addRecords(const std::vector<runtime::TappedRecord>& records);

    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    void clear();
    /// Compiles and applies a filter; false (and an error shown) when it does not compile.
    bool setFilterText(const QString& text);
    /// Selected rows (in view order) as a JSON array; also copied to the clipboard.
    QString copySelectionAsJson();
    /// The text the detail pane shows.
    QString detailText() const;

    RecordTableModel* model() const { return m_model; }
    RecordFilterProxy* proxy() const { return m_proxy; }
    QTableView* table() const { return m_table; }
    /// Rows in the table (captured and not evicted).
    int capturedCount() const;
    /// Rows passing the filter.
    int shownCount() const;
    /// Records that arrived while paused (not kept).
    std::uint64_t notKeptWhilePaused() const { return m_notKept; }
    /// Records the bounded capture buffer overwrote before they were read.
    std::uint64_t missed() const { return m_missed; }

private:
    void fitColumns();
    void updateStatus();
    void updateDetail();
    void onFilterEdited();

    RecordTableModel* m_model = nullptr;
    RecordFilterProxy* m_proxy = nullptr;
    QLabel* m_title = nullptr;
    QLineEdit* m_filter = nullptr;
    QLabel* m_filterError = nullptr;
    QToolButton* m_pause = nullptr;
    QToolButton* m_clear = nullptr;
    QToolButton* m_copy = nullptr;
    QTableView* m_table = nullptr;
    QPlainTextEdit* m_detail = nullptr;
    QLabel* m_status = nullptr;
    bool m_paused = false;
    bool m_haveSeq = false;
    bool m_follow = true;
    std::uint64_t m_nextSeq = 0;
    std::uint64_t m_notKept = 0;
    std::uint64_t m_missed = 0;
};

} // namespace sw::widgets
