#pragma once
// The DLQ browser (a dock's content): collects every error record of the runs from the run
// controller's errors-port capture, shows them (widgets/dlq/DlqBrowserView) and replays selected
// ones into the running pipeline at the node that failed them, marking them replayed.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <QWidget>

namespace sw::widgets {
class DlqBrowserView;
}

namespace sw::app {

class RunController;
struct TapBatch;

class DlqBrowser : public QWidget {
    Q_OBJECT
public:
    explicit DlqBrowser(RunController* controller, QWidget* parent = nullptr);

    widgets::DlqBrowserView* view() const { return m_view; }
    /// Replays entries by id; returns how many were injected. Each is marked replayed or failed.
    int replay(const std::vector<std::uint64_t>& ids);

Q_SIGNALS:
    /// The count of error records changed (for a dock title badge).
    void countChanged(int count);

private:
    void onTapBatch(const TapBatch& batch);
    void updateAvailability();

    RunController* m_controller;
    widgets::DlqBrowserView* m_view;
    std::map<std::string, std::uint64_t> m_nextSeq; // per errors port, per run
    int m_run = 0;
};

} // namespace sw::app
