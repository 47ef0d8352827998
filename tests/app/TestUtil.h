#pragma once
// Small helpers shared by the designer tests.
#include <QFile>
#include <QMouseEvent>
#include <QString>
#include <QTest>
#include <QWidget>
#include <QtCore/qfloat16.h> // QCOMPARE on nlohmann::json probes every qCompare overload

#include "catalog/PipelineLoader.h"

inline QString sourcePath(const QString& rel)
{
    return QStringLiteral(SW_SOURCE_DIR "/") + rel;
}

inline sw::runtime::PipelineSpec loadExample(const QString& name)
{
    auto r =
        sw::runtime::loadPipelineFile(sourcePath(QStringLiteral("examples/") + name).toStdString());
    if (!r) qFatal("cannot load example %s: %s", qPrintable(name), r.error().toString().c_str());
    return *r;
}

inline QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// A mouse move with buttons held (QTest::mouseMove does not carry them).
inline void dragMove(QWidget* w, QPoint pos, Qt::MouseButtons buttons = Qt::LeftButton,
                     Qt::KeyboardModifiers mods = Qt::NoModifier)
{
    QMouseEvent ev(QEvent::MouseMove, QPointF(pos), QPointF(w->mapToGlobal(pos)), Qt::NoButton,
                   buttons, mods);
    QApplication::sendEvent(w, &ev);
}

/// Press, several intermediate moves, release: a real drag as a user makes it.
inline void drag(QWidget* w, QPoint from, QPoint to, Qt::MouseButton button = Qt::LeftButton,
                 Qt::KeyboardModifiers mods = Qt::NoModifier)
{
    QTest::mousePress(w, button, mods, from);
    for (int i = 1; i <= 8; ++i)
        dragMove(w, from + (to - from) * i / 8, button, mods);
    QTest::mouseRelease(w, button, mods, to);
}
