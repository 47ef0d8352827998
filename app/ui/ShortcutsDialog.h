#pragma once
// Help > Keyboard Shortcuts: every shortcut of the window's actions, grouped by menu, read from
// the QActions themselves (so the list cannot drift from what the keys do).
#include <QDialog>

class QMenuBar;
class QTreeWidget;

namespace sw::app {

class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ShortcutsDialog(QWidget* window, QWidget* parent = nullptr);

    QTreeWidget* tree() const { return m_tree; }

private:
    void fill(QWidget* window);

    QTreeWidget* m_tree = nullptr;
};

} // namespace sw::app
