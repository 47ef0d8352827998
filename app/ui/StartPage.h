#pragma once
// The start page, shown in place of the canvas when no pipeline is open: New / Open, recent
// files, the shipped examples with a one-line description each, and links to the docs.
#include <QWidget>

class QBoxLayout;
class QVBoxLayout;

namespace sw::app {

class StartPage : public QWidget {
    Q_OBJECT
public:
    explicit StartPage(QWidget* parent = nullptr);

    /// Re-reads the recent files and the examples folder.
    void refresh();
    /// The one-line description shown for a shipped example (translated), by file name.
    static QString exampleSummary(const QString& fileName, const QString& fileDescription);

Q_SIGNALS:
    void newRequested();
    void openRequested();
    void openFileRequested(const QString& path);
    void openExampleRequested(const QString& path);

protected:
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void fillRecent();
    void fillExamples();

    static constexpr int kSideBySideWidth = 760;
    QBoxLayout* m_columns = nullptr;
    QVBoxLayout* m_recent = nullptr;
    QVBoxLayout* m_examples = nullptr;
};

} // namespace sw::app
