#pragma once
// The node palette: every catalog type under its category, with icon and search. Drag a type onto
// the canvas, or double-click (Enter) to add it at the view centre.
#include <QWidget>

#include "catalog/NodeType.h"

class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace sw::widgets {

class NodePalette : public QWidget {
    Q_OBJECT
public:
    explicit NodePalette(QWidget* parent = nullptr);

    QLineEdit* searchBox() const { return m_search; }
    QTreeWidget* tree() const { return m_tree; }
    /// The item of a catalog type (for tests and keyboard focus), or nullptr.
    QTreeWidgetItem* itemForType(const QString& type) const;
    static QString typeOf(const QTreeWidgetItem* item);
    /// A catalog category's title in the user's language.
    static QString categoryTitle(runtime::Category c);

public Q_SLOTS:
    void setFilter(const QString& text);

Q_SIGNALS:
    /// The user asked to add a node of this type (double-click or Enter).
    void nodeTypeActivated(const QString& type);

private:
    void populate();
    void activateFirstVisible();

    QLineEdit* m_search;
    QTreeWidget* m_tree;
};

} // namespace sw::widgets
