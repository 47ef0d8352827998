#include "palette/NodePalette.h"

#include <QAction>
#include <QHeaderView>
#include <QLineEdit>
#include <QMimeData>
#include <QStyledItemDelegate>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "canvas/NodeCanvas.h"
#include "catalog/Catalog.h"
#include "common/NodeIcons.h"

namespace sw::widgets {

namespace {

constexpr int kTypeRole = Qt::UserRole + 1;
constexpr int kSearchRole = Qt::UserRole + 2;

/// Rows tall enough for the icons (QTreeWidgetItem size hints need a width, which we don't want).
class RowDelegate : public QStyledItemDelegate {
public:
    RowDelegate(int height, QObject* parent) : QStyledItemDelegate(parent), m_height(height) {}
    QSize sizeHint(const QStyleOptionViewItem& o, const QModelIndex& i) const override
    {
        QSize s = QStyledItemDelegate::sizeHint(o, i);
        s.setHeight(std::max(s.height(), m_height));
        return s;
    }

private:
    int m_height;
};

/// Tree that drags node types as kNodeTypeMime.
class PaletteTree : public QTreeWidget {
public:
    using QTreeWidget::QTreeWidget;

protected:
    QStringList mimeTypes() const override { return {QString::fromLatin1(kNodeTypeMime)}; }
    QMimeData* mimeData(const QList<QTreeWidgetItem*>& items) const override
    {
        if (items.isEmpty() || NodePalette::typeOf(items.front()).isEmpty()) return nullptr;
        auto* mime = new QMimeData;
        mime->setData(kNodeTypeMime, NodePalette::typeOf(items.front()).toUtf8());
        return mime;
    }
};

} // namespace

NodePalette::NodePalette(QWidget* parent) : QWidget(parent)
{
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search nodes"));
    m_search->setClearButtonEnabled(true);
    m_search->setObjectName(QStringLiteral("paletteSearch"));
    m_tree = new PaletteTree(this);
    m_tree->setObjectName(QStringLiteral("paletteTree"));
    m_tree->setHeaderHidden(true);
    m_tree->setRootIsDecorated(true);
    m_tree->setIndentation(12);
    m_tree->setIconSize(QSize(20, 20));
    m_tree->setDragEnabled(true);
    m_tree->setDragDropMode(QAbstractItemView::DragOnly);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setUniformRowHeights(true);
    m_tree->setFrameShape(QFrame::NoFrame);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->setSpacing(6);
    layout->addWidget(m_search);
    layout->addWidget(m_tree);
    populate();
    connect(m_search, &QLineEdit::textChanged, this, &NodePalette::setFilter);
    connect(m_search, &QLineEdit::returnPressed, this, &NodePalette::activateFirstVisible);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        if (QString t = typeOf(item); !t.isEmpty()) Q_EMIT nodeTypeActivated(t);
    });
}

QString NodePalette::typeOf(const QTreeWidgetItem* item)
{
    return item ? item->data(0, kTypeRole).toString() : QString();
}

QTreeWidgetItem* NodePalette::itemForType(const QString& type) const
{
    for (int c = 0; c < m_tree->topLevelItemCount(); ++c) {
        QTreeWidgetItem* cat = m_tree->topLevelItem(c);
        for (int i = 0; i < cat->childCount(); ++i)
            if (typeOf(cat->child(i)) == type) return cat->child(i);
    }
    return nullptr;
}

QString NodePalette::categoryTitle(runtime::Category c)
{
    // The catalog's category names (runtime::toString) in the user's language.
    switch (c) {
    case runtime::Category::Sources:
        return tr("Sources");
    case runtime::Category::Transforms:
        return tr("Transforms");
    case runtime::Category::Windows:
        return tr("Windows");
    case runtime::Category::Joins:
        return tr("Joins");
    case runtime::Category::Quality:
        return tr("Quality");
    case runtime::Category::Sinks:
        return tr("Sinks");
    }
    return QString::fromStdString(std::string(runtime::toString(c)));
}

void NodePalette::populate()
{
    using runtime::Category;
    const auto& catalog = runtime::Catalog::instance();
    const int rowHeight =
        std::max(m_tree->iconSize().height() + 6, m_tree->fontMetrics().height() + 8);
    m_tree->setItemDelegate(new RowDelegate(rowHeight, m_tree));
    for (Category c : {Category::Sources, Category::Transforms, Category::Windows, Category::Joins,
                       Category::Quality, Category::Sinks}) {
        auto* cat = new QTreeWidgetItem(m_tree, {categoryTitle(c)});
        cat->setFlags(Qt::ItemIsEnabled);
        QFont f = cat->font(0);
        f.setBold(true);
        cat->setFont(0, f);
        for (const auto& t : catalog.types()) {
            if (t.category != c) continue;
            auto* item = new QTreeWidgetItem(cat, {QString::fromStdString(t.displayName)});
            item->setIcon(0, nodeIcon(t.icon));
            item->setData(0, kTypeRole, QString::fromStdString(t.name));
            item->setData(
                0, kSearchRole,
                QString::fromStdString(t.displayName + " " + t.name + " " + t.description));
            item->setToolTip(0, QStringLiteral("<b>%1</b> <tt>%2</tt><br/>%3")
                                    .arg(QString::fromStdString(t.displayName).toHtmlEscaped(),
                                         QString::fromStdString(t.name).toHtmlEscaped(),
                                         QString::fromStdString(t.description).toHtmlEscaped()));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        }
        cat->setExpanded(true);
    }
}

void NodePalette::setFilter(const QString& text)
{
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (int c = 0; c < m_tree->topLevelItemCount(); ++c) {
        QTreeWidgetItem* cat = m_tree->topLevelItem(c);
        int visible = 0;
        for (int i = 0; i < cat->childCount(); ++i) {
            QTreeWidgetItem* item = cat->child(i);
            QString hay = item->data(0, kSearchRole).toString();
            bool match = std::all_of(words.begin(), words.end(), [&](const QString& w) {
                return hay.contains(w, Qt::CaseInsensitive);
            });
            item->setHidden(!match);
            visible += match ? 1 : 0;
        }
        cat->setHidden(visible == 0);
        if (!words.isEmpty()) cat->setExpanded(true);
    }
}

void NodePalette::activateFirstVisible()
{
    for (int c = 0; c < m_tree->topLevelItemCount(); ++c) {
        QTreeWidgetItem* cat = m_tree->topLevelItem(c);
        if (cat->isHidden()) continue;
        for (int i = 0; i < cat->childCount(); ++i)
            if (!cat->child(i)->isHidden()) {
                m_tree->setCurrentItem(cat->child(i));
                Q_EMIT nodeTypeActivated(typeOf(cat->child(i)));
                return;
            }
    }
}

} // namespace sw::widgets
