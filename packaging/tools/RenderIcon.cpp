// sw_render_icon: renders an SVG icon to the hicolor PNG sizes at build time (Qt Svg, no extra
// tool). Usage: sw_render_icon IN.svg OUTDIR NAME SIZE... writes OUTDIR/<S>x<S>/NAME.png.
#include <cstdio>

#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    if (argc < 5) {
        std::fputs("usage: sw_render_icon IN.svg OUTDIR NAME SIZE...\n", stderr);
        return 2;
    }
    QSvgRenderer svg(QString::fromLocal8Bit(argv[1]));
    if (!svg.isValid()) {
        std::fprintf(stderr, "sw_render_icon: cannot read %s\n", argv[1]);
        return 1;
    }
    const QDir out(QString::fromLocal8Bit(argv[2]));
    const QString name = QString::fromLocal8Bit(argv[3]);
    for (int i = 4; i < argc; ++i) {
        const int size = QByteArray(argv[i]).toInt();
        if (size <= 0) {
            std::fprintf(stderr, "sw_render_icon: bad size %s\n", argv[i]);
            return 2;
        }
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        svg.render(&p, QRectF(0, 0, size, size));
        p.end();
        const QString dir = QStringLiteral("%1x%1").arg(size);
        if (!out.mkpath(dir) ||
            !image.save(out.filePath(dir + QLatin1Char('/') + name + QStringLiteral(".png")))) {
            std::fprintf(stderr, "sw_render_icon: cannot write %s/%s\n", argv[2], qPrintable(dir));
            return 1;
        }
    }
    return 0;
}
