#include "ui/StartPage.h"

#include <QCommandLinkButton>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollArea>
#include <QUrl>
#include <QVBoxLayout>

#include "files/AppPaths.h"
#include "files/DocumentIo.h"
#include "files/RecentFiles.h"

namespace sw::app {

namespace {
/// A command link whose height follows its actual width: QCommandLinkButton's size hint wraps
/// the description at 190 px, which leaves tall, mostly empty buttons in a wide column.
class LinkButton : public QCommandLinkButton {
public:
    LinkButton(const QString& title, const QString& description)
        : QCommandLinkButton(title, description)
    {
        setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    }
    QSize sizeHint() const override
    {
        QSize s = QCommandLinkButton::sizeHint();
        if (width() > s.width()) s.setHeight(heightForWidth(width()));
        return s;
    }

protected:
    void resizeEvent(QResizeEvent* event) override
    {
        QCommandLinkButton::resizeEvent(event);
        if (event->oldSize().width() != width()) updateGeometry();
    }
};

QLabel* heading(const QString& text, QWidget* parent, int pointDelta = 2)
{
    auto* l = new QLabel(text, parent);
    QFont f = l->font();
    f.setBold(true);
    f.setPointSize(f.pointSize() + pointDelta);
    l->setFont(f);
    return l;
}

void clearLayout(QVBoxLayout* layout)
{
    while (QLayoutItem* item = layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
}

QString docLink(const QString& file, const QString& title)
{
    const QString dir = docsDir();
    const QUrl url = dir.isEmpty() ? QUrl(QStringLiteral(SW_HOMEPAGE_URL "/blob/main/docs/") + file)
                                   : QUrl::fromLocalFile(QDir(dir).filePath(file));
    return QStringLiteral("<a href=\"%1\">%2</a>").arg(url.toString(), title.toHtmlEscaped());
}
} // namespace

StartPage::StartPage(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("startPage"));
    auto* content = new QWidget;
    content->setObjectName(QStringLiteral("startPageContent"));
    content->setMaximumWidth(980);

    auto* newButton = new QPushButton(tr("New Pipeline"), content);
    newButton->setObjectName(QStringLiteral("startNew"));
    auto* openButton = new QPushButton(tr("Open\u2026"), content);
    openButton->setObjectName(QStringLiteral("startOpen"));
    connect(newButton, &QPushButton::clicked, this, &StartPage::newRequested);
    connect(openButton, &QPushButton::clicked, this, &StartPage::openRequested);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(newButton);
    buttons->addWidget(openButton);
    buttons->addStretch();

    auto* tagline = new QLabel(tr("Design streaming pipelines, run them on the embedded runtime "
                                  "and export them to Flink SQL and Kubernetes."),
                               content);
    tagline->setWordWrap(true);

    auto* docs = new QLabel(content);
    docs->setObjectName(QStringLiteral("startDocs"));
    docs->setOpenExternalLinks(true);
    docs->setWordWrap(true);
    docs->setText(
        QStringList{docLink(QStringLiteral("pipeline-format.md"), tr("Pipeline file format")),
                    docLink(QStringLiteral("kafka.md"), tr("Kafka and the embedded broker")),
                    docLink(QStringLiteral("export.md"), tr("Export for production"))}
            .join(QStringLiteral(" \u00b7 ")));

    m_recent = new QVBoxLayout;
    m_examples = new QVBoxLayout;
    auto* recentColumn = new QVBoxLayout;
    recentColumn->addWidget(heading(tr("Recent Files"), content));
    recentColumn->addLayout(m_recent);
    recentColumn->addStretch();
    auto* examplesColumn = new QVBoxLayout;
    examplesColumn->addWidget(heading(tr("Examples"), content));
    examplesColumn->addLayout(m_examples);
    examplesColumn->addStretch();
    // Side by side when there is room, else stacked (see resizeEvent). Nested layouts inherit
    // the spacing of their parent, so the lists set their own.
    for (QVBoxLayout* l : {recentColumn, examplesColumn, m_recent, m_examples})
        l->setSpacing(6);
    m_columns = new QBoxLayout(QBoxLayout::LeftToRight);
    m_columns->setSpacing(24);
    m_columns->addLayout(recentColumn, 2);
    m_columns->addLayout(examplesColumn, 3);

    auto* v = new QVBoxLayout(content);
    v->setContentsMargins(24, 24, 24, 24);
    v->addWidget(heading(tr("Welcome to Streamwright"), content, 8));
    v->addWidget(tagline);
    v->addSpacing(12);
    v->addLayout(buttons);
    v->addSpacing(20);
    v->addLayout(m_columns);
    v->addSpacing(20);
    v->addWidget(heading(tr("Documentation"), content));
    v->addWidget(docs);
    v->addStretch(1);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* holder = new QWidget;
    auto* h = new QHBoxLayout(holder);
    h->addStretch(1);
    h->addWidget(content, 20);
    h->addStretch(1);
    scroll->setWidget(holder);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    refresh();
}

void StartPage::refresh()
{
    fillRecent();
    fillExamples();
}

void StartPage::resizeEvent(QResizeEvent* event)
{
    const bool wide = width() >= kSideBySideWidth;
    m_columns->setDirection(wide ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
    m_columns->setStretch(0, wide ? 2 : 0);
    m_columns->setStretch(1, wide ? 3 : 0);
    QWidget::resizeEvent(event);
}

void StartPage::showEvent(QShowEvent* event)
{
    refresh();
    QWidget::showEvent(event);
}

void StartPage::fillRecent()
{
    clearLayout(m_recent);
    const QStringList files = RecentFiles().files();
    for (const QString& f : files) {
        auto* b = new LinkButton(QFileInfo(f).fileName(), QDir::toNativeSeparators(f));
        b->setObjectName(QStringLiteral("recent:") + f);
        connect(b, &QCommandLinkButton::clicked, this, [this, f] { Q_EMIT openFileRequested(f); });
        m_recent->addWidget(b);
    }
    if (files.isEmpty())
        m_recent->addWidget(new QLabel(tr("No recent files yet: open an example, or start a "
                                          "new pipeline.")));
    for (int i = 0; i < m_recent->count(); ++i)
        if (auto* l = qobject_cast<QLabel*>(m_recent->itemAt(i)->widget())) l->setWordWrap(true);
}

void StartPage::fillExamples()
{
    clearLayout(m_examples);
    const QDir dir(examplesDir());
    const QStringList files =
        dir.entryList({QStringLiteral("*.pipeline.json")}, QDir::Files, QDir::Name);
    for (const QString& f : files) {
        const QString path = dir.filePath(f);
        QString title = f;
        title.chop(QStringLiteral(".pipeline.json").size());
        auto loaded = loadPipeline(path);
        const QString description =
            loaded ? QString::fromStdString(loaded->settings.description) : QString();
        auto* b = new LinkButton(title, exampleSummary(f, description));
        b->setObjectName(QStringLiteral("example:") + title);
        connect(b, &QCommandLinkButton::clicked, this,
                [this, path] { Q_EMIT openExampleRequested(path); });
        m_examples->addWidget(b);
    }
    if (files.isEmpty()) m_examples->addWidget(new QLabel(tr("No examples found.")));
}

QString StartPage::exampleSummary(const QString& fileName, const QString& fileDescription)
{
    // The shipped examples, described in one translatable line; other files in the folder show
    // the first sentence of their own description.
    static const struct {
        const char* file;
        const char* summary;
    } kShipped[] = {
        {"clickstream-sessions.pipeline.json",
         QT_TR_NOOP(
             "Per-user sessions of a clickstream, bots filtered out, into a JSON Lines file")},
        {"nexmark-q5.pipeline.json",
         QT_TR_NOOP("Nexmark Q5: bids per auction in hopping windows, on the console")},
        {"orders-lake.pipeline.json",
         QT_TR_NOOP("Orders archived exactly once as Avro files in hourly partitions")},
        {"orders-to-lake-and-alerts.pipeline.json",
         QT_TR_NOOP("Orders to a data lake, large-order alerts, revenue into Redis")},
        {"orders-kafka.pipeline.json",
         QT_TR_NOOP("Orders through Kafka topics: deduplicated, revenue per category, "
                    "dead letters")},
        {"orders.pipeline.json",
         QT_TR_NOOP("Revenue per category in 5-minute windows into SQLite, with a dead-letter "
                    "queue")},
    };
    for (const auto& e : kShipped)
        if (fileName == QLatin1String(e.file)) return tr(e.summary);
    QString line = fileDescription.section(QStringLiteral(". "), 0, 0);
    if (line.size() > 110) line = line.left(107) + QStringLiteral("\u2026");
    return line;
}

} // namespace sw::app
