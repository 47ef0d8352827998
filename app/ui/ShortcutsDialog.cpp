#include "ui/ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace sw::app {

namespace {
QString plainText(const QAction* a)
{
    QString t = a->text();
    t.remove(QStringLiteral("\u2026"));
    t.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    t.remove(QLatin1Char('&'));
    t.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    return t.trimmed();
}

QString shortcutText(const QAction* a)
{
    QStringList keys;
    for (const QKeySequence& k : a->shortcuts())
        if (!k.isEmpty()) keys << k.toString(QKeySequence::NativeText);
    keys.removeDuplicates();
    return keys.join(QStringLiteral(", "));
}

/// Adds the actions of `menu` (and its submenus) that have a shortcut; returns how many.
int addMenu(QTreeWidgetItem* group, const QMenu* menu, QSet<const QAction*>& seen)
{
    int n = 0;
    for (QAction* a : menu->actions()) {
        if (a->menu()) {
            n += addMenu(group, a->menu(), seen);
            continue;
        }
        if (a->isSeparator() || a->shortcuts().isEmpty() || seen.contains(a)) continue;
        seen.insert(a);
        auto* item = new QTreeWidgetItem(group, {plainText(a), shortcutText(a)});
        item->setData(0, Qt::UserRole, a->objectName());
        ++n;
    }
    return n;
}
} // namespace

ShortcutsDialog::ShortcutsDialog(QWidget* window, QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("shortcutsTree"));
    m_tree->setHeaderLabels({tr("Action"), tr("Shortcut")});
    m_tree->setRootIsDecorated(false);
    m_tree->setSelectionMode(QAbstractItemView::NoSelection);
    fill(window);
    m_tree->expandAll();
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tree);
    layout->addWidget(buttons);
    resize(520, 600);
}

void ShortcutsDialog::fill(QWidget* window)
{
    QSet<const QAction*> seen;
    auto group = [this](const QString& title) {
        auto* g = new QTreeWidgetItem(m_tree, {title});
        QFont f = g->font(0);
        f.setBold(true);
        g->setFont(0, f);
        g->setFirstColumnSpanned(true);
        return g;
    };
    if (auto* bar = window->findChild<QMenuBar*>()) {
        for (QAction* top : bar->actions()) {
            if (!top->menu()) continue;
            QTreeWidgetItem* g = group(plainText(top));
            if (addMenu(g, top->menu(), seen) == 0) delete g;
        }
    }
    // Shortcuts of actions that are in no menu (canvas-only keys).
    QTreeWidgetItem* other = group(tr("Other"));
    for (QAction* a : window->findChildren<QAction*>()) {
        if (seen.contains(a) || a->shortcuts().isEmpty()) continue;
        seen.insert(a);
        new QTreeWidgetItem(other, {plainText(a), shortcutText(a)});
    }
    if (other->childCount() == 0) delete other;
}

} // namespace sw::app
