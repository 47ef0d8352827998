#include "ui/MainWindow.h"

#include <algorithm>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>

#include "canvas/NodeCanvas.h"
#include "canvas/PipelineScene.h"
#include "document/Document.h"
#include "files/AppPaths.h"
#include "files/RecentFiles.h"
#include "files/RecoveryManager.h"
#include "palette/NodePalette.h"
#include "problems/ProblemsView.h"
#include "properties/PropertyEditor.h"
#include "run/RunAndDebug.h"
#include "ui/Resources.h"
#include "ui/Theme.h"

namespace sw::app {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_doc(std::make_unique<Document>()),
      m_recent(std::make_unique<RecentFiles>())
{
    ensureResources();
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/streamwright.svg")));
    setAcceptDrops(true);
    setDockOptions(AnimatedDocks | AllowTabbedDocks);
    m_scene = new widgets::PipelineScene(m_doc.get(), this);
    m_canvas = new widgets::NodeCanvas(m_scene, this);
    m_canvas->setObjectName(QStringLiteral("canvas"));
    // The canvas, or the start page in its place while no pipeline is open.
    m_central = new QStackedWidget(this);
    m_central->setObjectName(QStringLiteral("central"));
    m_central->addWidget(m_canvas);
    setCentralWidget(m_central);
    applyStyle();
    createDocks();
    createActions();
    createMenus();
    createToolBar();
    createStatusBar();
    createExportAndRun();
    connectDocument();
    createStartPage();
    m_recovery = std::make_unique<RecoveryManager>(m_doc.get());
    readSettings();
    updateTitle();
    updateActions();
    updateStatus();
}

MainWindow::~MainWindow()
{
    // Views hold pointers into the document: destroy them first. The scene emits
    // selectionChanged while its items go away, so stop listening to it before that.
    m_scene->disconnect(this);
    m_doc->disconnect(this);
    delete m_run; // stops a running pipeline; its overlays sit on the scene
    delete m_properties;
    delete m_problems;
    delete m_canvas;
    delete m_scene;
}

void MainWindow::createDocks()
{
    m_palette = new widgets::NodePalette(this);
    auto* paletteDock = new QDockWidget(tr("Nodes"), this);
    paletteDock->setObjectName(QStringLiteral("paletteDock"));
    paletteDock->setWidget(m_palette);
    addDockWidget(Qt::LeftDockWidgetArea, paletteDock);

    m_properties = new widgets::PropertyEditor(m_doc.get(), this);
    auto* propDock = new QDockWidget(tr("Properties"), this);
    propDock->setObjectName(QStringLiteral("propertiesDock"));
    propDock->setWidget(m_properties);
    addDockWidget(Qt::RightDockWidgetArea, propDock);

    m_problems = new widgets::ProblemsView(m_doc.get(), this);
    auto* problemsDock = new QDockWidget(tr("Problems"), this);
    problemsDock->setObjectName(QStringLiteral("problemsDock"));
    problemsDock->setWidget(m_problems);
    addDockWidget(Qt::BottomDockWidgetArea, problemsDock);

    connect(m_palette, &widgets::NodePalette::nodeTypeActivated, this,
            &MainWindow::addNodeAtCenter);
    connect(m_problems, &widgets::ProblemsView::problemActivated, this,
            &MainWindow::onProblemActivated);
    connect(m_problems, &widgets::ProblemsView::countsChanged, this, [this] { updateStatus(); });
}

void MainWindow::createStatusBar()
{
    m_validationLabel = new QLabel(this);
    m_countLabel = new QLabel(this);
    m_zoomLabel = new QLabel(this);
    m_zoomLabel->setMinimumWidth(
        QFontMetrics(font()).horizontalAdvance(QStringLiteral("Zoom 400%")) + 8);
    statusBar()->addPermanentWidget(m_validationLabel);
    statusBar()->addPermanentWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_zoomLabel);
    connect(m_canvas, &widgets::NodeCanvas::zoomChanged, this, [this] { updateStatus(); });
    connect(m_scene, &widgets::PipelineScene::hint, this, [this](const QString& text) {
        if (text.isEmpty())
            statusBar()->clearMessage();
        else
            statusBar()->showMessage(text);
    });
    connect(m_scene, &widgets::PipelineScene::connectionRefused, this,
            [this](const QString& reason) {
                statusBar()->showMessage(tr("Cannot connect: %1").arg(reason), 8000);
            });
}

void MainWindow::connectDocument()
{
    connect(m_doc.get(), &Document::modifiedChanged, this, [this] { updateTitle(); });
    connect(m_doc.get(), &Document::filePathChanged, this, [this] { updateTitle(); });
    connect(m_doc.get(), &Document::changed, this, [this] { updateStatus(); });
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &MainWindow::onSelectionChanged);
    connect(m_canvas, &widgets::NodeCanvas::filesDropped, this, [this](const QList<QUrl>& urls) {
        QTimer::singleShot(0, this, [this, urls] { openDroppedUrls(urls); });
    });
}

void MainWindow::updateTitle()
{
    setWindowTitle(QStringLiteral("%1[*] \u2014 Streamwright").arg(m_doc->displayName()));
    setWindowModified(m_doc->isModified());
    setWindowFilePath(m_doc->filePath());
}

void MainWindow::updateStatus()
{
    int errors = m_problems->errorCount();
    int warnings = m_problems->warningCount();
    QString v;
    if (errors == 0 && warnings == 0)
        v = tr("\u2714 Valid");
    else if (errors == 0)
        v = tr("%n warning(s)", nullptr, warnings);
    else
        v = tr("%n error(s)", nullptr, errors) +
            (warnings ? QStringLiteral(", ") + tr("%n warning(s)", nullptr, warnings) : QString());
    m_validationLabel->setText(v);
    m_validationLabel->setToolTip(tr("Validation: see the Problems panel"));
    const auto& p = m_doc->pipeline();
    m_countLabel->setText(tr("%n node(s)", nullptr, static_cast<int>(p.nodes.size())) +
                          QStringLiteral(" \u00b7 ") +
                          tr("%n connection(s)", nullptr, static_cast<int>(p.edges.size())));
    m_zoomLabel->setText(tr("Zoom %1%").arg(qRound(m_canvas->zoom() * 100)));
}

void MainWindow::onSelectionChanged()
{
    auto ids = m_scene->selectedNodeIds();
    m_properties->setNode(ids.size() == 1 ? QString::fromStdString(ids.front()) : QString());
    updateActions();
}

void MainWindow::onProblemActivated(const QString& nodeId, const QString& property)
{
    if (!nodeId.isEmpty() && m_doc->node(nodeId.toStdString())) {
        m_scene->selectNodes({nodeId.toStdString()});
        m_canvas->ensureNodeVisible(nodeId);
    } else {
        m_scene->clearSelection();
    }
    m_properties->setNode(nodeId);
    if (!property.isEmpty()) m_properties->focusProperty(property);
}

void MainWindow::addNodeAtCenter(const QString& type)
{
    std::string t = type.toStdString();
    QPointF pos = m_canvas->placementFor(m_canvas->viewCenter(), t);
    // Do not stack repeated additions exactly on top of each other.
    for (int i = 0; i < 20; ++i) {
        bool taken =
            std::any_of(m_doc->pipeline().nodes.begin(), m_doc->pipeline().nodes.end(),
                        [&](const runtime::NodeSpec& n) { return QPointF(n.x, n.y) == pos; });
        if (!taken) break;
        pos += QPointF(40, 40);
    }
    std::string id = m_doc->addNode(t, pos);
    if (!id.empty()) m_scene->selectNodes({id});
    m_canvas->setFocus();
}

void MainWindow::showError(const QString& title, const QString& text)
{
    m_lastError = text;
    statusBar()->showMessage(text, 10000);
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box.setObjectName(QStringLiteral("errorBox"));
    box.exec();
}

void MainWindow::applyStyle()
{
    m_scene->setCanvasStyle(widgets::CanvasStyle::fromPalette(palette()));
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange) applyStyle();
    if (event->type() == QEvent::ThemeChange) Theme::systemThemeChanged(*qApp);
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    writeSettings();
    event->accept();
}

void MainWindow::readSettings()
{
    auto s = makeSettings();
    if (!restoreGeometry(s->value(QStringLiteral("mainWindow/geometry")).toByteArray())) {
        if (QScreen* sc = screen()) setGeometry(firstRunGeometry(sc->availableGeometry()));
    }
    m_restoredLayout = restoreState(s->value(QStringLiteral("mainWindow/state")).toByteArray());
    // First run: docks sized for the window once it has its final size (restored layouts keep
    // the user's sizes).
    if (!m_restoredLayout) QTimer::singleShot(0, this, [this] { fitDocksToWindow(); });
}

void MainWindow::fitDocksToWindow()
{
    // The canvas keeps at least half the window in each direction.
    auto dock = [this](const char* name) {
        return findChild<QDockWidget*>(QString::fromLatin1(name));
    };
    QDockWidget* palette = dock("paletteDock");
    QDockWidget* props = dock("propertiesDock");
    QDockWidget* problems = dock("problemsDock");
    const int w = width(), h = height();
    if (palette && props) {
        // Wide enough for the palette's names and the property fields (narrower clips them);
        // on a small window both shrink so the canvas keeps half of it.
        int left = std::clamp(w * 18 / 100, 190, 240), right = std::clamp(w * 27 / 100, 280, 340);
        const int budget = w / 2 - 12;
        if (left + right > budget) {
            left = left * budget / (left + right);
            right = budget - left;
        }
        resizeDocks({palette, props}, {left, right}, Qt::Horizontal);
    }
    if (problems) resizeDocks({problems}, {std::clamp(h * 18 / 100, 110, 170)}, Qt::Vertical);
}

void MainWindow::writeSettings()
{
    auto s = makeSettings();
    s->setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    s->setValue(QStringLiteral("mainWindow/state"), saveState());
}

} // namespace sw::app
