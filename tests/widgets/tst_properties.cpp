// The property editor generated from the catalog, driven by keyboard and mouse.
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

#include "../app/TestUtil.h"
#include "catalog/Catalog.h"
#include "catalog/PropertyAccess.h"
#include "document/Document.h"
#include "properties/PipelineSettingsForm.h"
#include "properties/PropertyEditor.h"
#include "properties/fields/ExpressionField.h"
#include "properties/fields/FieldListField.h"
#include "properties/fields/NumberField.h"
#include "properties/fields/SimpleFields.h"
#include "properties/fields/TableFields.h"
#include "ui/Resources.h"

using namespace sw;
using widgets::PropertyEditor;

class TestProperties : public QObject {
    Q_OBJECT

    std::unique_ptr<app::Document> m_doc;
    std::unique_ptr<PropertyEditor> m_editor;
    std::string m_gen, m_filter;

    void settle() { QTest::qWait(20); }

    void typeInto(QWidget* w, const QString& text)
    {
        w->setFocus();
        QTest::keyClick(w, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(w, text);
        QTest::keyClick(w, Qt::Key_Return);
        settle();
    }

    nlohmann::json prop(const std::string& node, const std::string& name) const
    {
        return m_doc->nodeProperty(node, name);
    }

private Q_SLOTS:
    void initTestCase() { app::ensureResources(); }

    void init()
    {
        m_doc = std::make_unique<app::Document>();
        m_gen = m_doc->addNode("generator", {0, 0});
        m_filter = m_doc->addNode("filter", {300, 0});
        m_doc->addEdge({{m_gen, "out"}, {m_filter, "in"}});
        m_editor = std::make_unique<PropertyEditor>(m_doc.get());
        m_editor->resize(380, 900);
        m_editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
        m_editor->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_editor.get()));
    }

    void cleanup()
    {
        m_editor.reset();
        m_doc.reset();
    }

    void everyCatalogPropertyGetsTheRightEditor()
    {
        using T = runtime::PropertyType;
        for (const auto& t : runtime::Catalog::instance().types()) {
            auto id = m_doc->addNode(t.name, {0, 600});
            m_editor->setNode(QString::fromStdString(id));
            settle();
            for (const auto& p : t.properties) {
                widgets::PropertyField* f = m_editor->field(QString::fromStdString(p.name));
                QVERIFY2(f, (t.name + "." + p.name).c_str());
                const char* expected = nullptr;
                switch (p.type) {
                case T::String:
                case T::Path:
                case T::Topic:
                    expected = "sw::widgets::TextField";
                    break;
                case T::Int:
                case T::Double:
                    expected = "sw::widgets::NumberField";
                    break;
                case T::Bool:
                    expected = "sw::widgets::BoolField";
                    break;
                case T::Duration:
                    expected = "sw::widgets::DurationField";
                    break;
                case T::Choice:
                    expected = "sw::widgets::ChoiceField";
                    break;
                case T::Expression:
                    expected = "sw::widgets::ExpressionField";
                    break;
                case T::Field:
                    expected = "sw::widgets::ColumnField";
                    break;
                case T::FieldList:
                    expected = "sw::widgets::FieldListField";
                    break;
                case T::Aggregates:
                    expected = "sw::widgets::AggregatesField";
                    break;
                case T::Columns:
                    expected = "sw::widgets::ColumnsField";
                    break;
                case T::SchemaDef:
                    expected = "sw::widgets::SchemaDefField";
                    break;
                case T::KeyValue:
                    expected = "sw::widgets::KeyValueField";
                    break;
                }
                QCOMPARE(QString::fromLatin1(f->metaObject()->className()),
                         QString::fromLatin1(expected));
                // The editor shows the effective value (the catalog default when unset).
                QCOMPARE(f->value(), propertyValue(*m_doc->node(id), p.name));
            }
        }
    }

    void durationsAreTypedAndCanonicalised()
    {
        m_editor->setNode(QString::fromStdString(m_gen));
        auto* f = qobject_cast<widgets::DurationField*>(
            m_editor->field(QStringLiteral("max_out_of_orderness")));
        QVERIFY(f);
        int steps = m_doc->undoStack()->count();
        typeInto(f->lineEdit(), QStringLiteral("5 minutes"));
        QCOMPARE(prop(m_gen, "max_out_of_orderness"), nlohmann::json("5 min"));
        QCOMPARE(m_doc->undoStack()->count(), steps + 1);
        QVERIFY(m_editor->message(QStringLiteral("max_out_of_orderness")).isEmpty());
        // Not a duration: explained inline, the model keeps "5 min".
        typeInto(f->lineEdit(), QStringLiteral("5 fortnights"));
        QCOMPARE(prop(m_gen, "max_out_of_orderness"), nlohmann::json("5 min"));
        QVERIFY2(m_editor->message(QStringLiteral("max_out_of_orderness"))
                     .contains(QStringLiteral("not a duration")),
                 qPrintable(m_editor->message(QStringLiteral("max_out_of_orderness"))));
        QCOMPARE(m_doc->undoStack()->count(), steps + 1);
        // Undo returns the previous value to model and editor.
        m_doc->undoStack()->undo();
        settle();
        QVERIFY(prop(m_gen, "max_out_of_orderness").is_null());
        QCOMPARE(
            f->lineEdit()->text(),
            QString::fromStdString(
                propertyValue(*m_doc->node(m_gen), "max_out_of_orderness").get<std::string>()));
        QVERIFY(m_editor->message(QStringLiteral("max_out_of_orderness")).isEmpty());
    }

    void numbersOutOfRangeAreExplainedNotWritten()
    {
        m_editor->setNode(QString::fromStdString(m_gen));
        auto* f =
            qobject_cast<widgets::NumberField*>(m_editor->field(QStringLiteral("duplicate_ratio")));
        QVERIFY(f);
        typeInto(f->spinBox(), QStringLiteral("1.5"));
        QVERIFY(prop(m_gen, "duplicate_ratio").is_null());
        QVERIFY2(m_editor->message(QStringLiteral("duplicate_ratio"))
                     .contains(QStringLiteral("between 0 and 1")),
                 qPrintable(m_editor->message(QStringLiteral("duplicate_ratio"))));
        typeInto(f->spinBox(), QStringLiteral("0.25"));
        QCOMPARE(prop(m_gen, "duplicate_ratio"), nlohmann::json(0.25));
        QVERIFY(m_editor->message(QStringLiteral("duplicate_ratio")).isEmpty());
        // Arrow keys step within the range.
        auto* rate = qobject_cast<widgets::NumberField*>(
            m_editor->field(QStringLiteral("events_per_second")));
        rate->spinBox()->setFocus();
        QTest::keyClick(rate->spinBox(), Qt::Key_Up);
        settle();
        QCOMPARE(prop(m_gen, "events_per_second"), nlohmann::json(1001));
    }

    void expressionErrorsAreUnderlinedAtTheirColumn()
    {
        m_editor->setNode(QString::fromStdString(m_filter));
        settle();
        auto* f =
            qobject_cast<widgets::ExpressionField*>(m_editor->field(QStringLiteral("condition")));
        QVERIFY(f);
        QVERIFY(f->edit()->document()->toPlainText().isEmpty() || true);
        auto before = prop(m_filter, "condition");
        // Unknown column at column 14 of the text.
        typeInto(f->edit(), QStringLiteral("amount > 10 + amout"));
        QString msg = m_editor->message(QStringLiteral("condition"));
        QVERIFY2(msg.contains(QStringLiteral("amout")) && msg.contains(QStringLiteral("column 15")),
                 qPrintable(msg));
        QCOMPARE(f->edit()->errorPosition(), 14);
        QCOMPARE(prop(m_filter, "condition"), before); // never written
        // A syntax error.
        typeInto(f->edit(), QStringLiteral("amount > "));
        QVERIFY(!m_editor->message(QStringLiteral("condition")).isEmpty());
        QVERIFY(f->edit()->errorPosition() >= 0);
        QCOMPARE(prop(m_filter, "condition"), before);
        // A good one is applied and the underline goes.
        typeInto(f->edit(), QStringLiteral("amount > 10 AND category = 'books'"));
        QCOMPARE(prop(m_filter, "condition"), nlohmann::json("amount > 10 AND category = 'books'"));
        QCOMPARE(f->edit()->errorPosition(), -1);
        QVERIFY(m_editor->message(QStringLiteral("condition")).isEmpty());
    }

    void columnPickersListTheInputSchema()
    {
        auto dedup = m_doc->addNode("dedup", {600, 0});
        m_doc->addEdge({{m_filter, "out"}, {dedup, "in"}});
        m_editor->setNode(QString::fromStdString(dedup));
        settle();
        auto* keys =
            qobject_cast<widgets::FieldListField*>(m_editor->field(QStringLiteral("keys")));
        QVERIFY(keys);
        const runtime::Schema* in = m_doc->inputSchema(dedup, 0);
        QVERIFY(in);
        QCOMPARE(keys->list()->count(), static_cast<int>(in->size()));
        for (int i = 0; i < keys->list()->count(); ++i)
            QCOMPARE(keys->list()->item(i)->text(),
                     QString::fromStdString((*in)[static_cast<std::size_t>(i)].name));
        // Check two columns by clicking their check boxes: order of checking is kept.
        auto click = [&](const QString& name) {
            auto items = keys->list()->findItems(name, Qt::MatchExactly);
            QVERIFY(!items.isEmpty());
            QRect r = keys->list()->visualItemRect(items.front());
            QTest::mouseClick(keys->list()->viewport(), Qt::LeftButton, {},
                              QPoint(r.left() + 10, r.center().y()));
            settle();
        };
        click(QStringLiteral("customer_id"));
        click(QStringLiteral("order_id"));
        QCOMPARE(prop(dedup, "keys"), nlohmann::json::array({"customer_id", "order_id"}));
        // A single-column picker (no catalog node uses one yet: the sources' timestamp_column
        // is a plain string there) lists the input schema and refuses unknown columns.
        runtime::PropertySpec spec;
        spec.name = "column";
        spec.type = runtime::PropertyType::Field;
        spec.required = true;
        widgets::ColumnField column(spec, nullptr);
        column.setSchema(m_doc->inputSchema(m_filter, 0));
        column.show();
        QVERIFY(column.combo()->findText(QStringLiteral("event_time")) >= 0);
        QSignalSpy edited(&column, &widgets::PropertyField::edited);
        QSignalSpy invalid(&column, &widgets::PropertyField::invalid);
        typeInto(column.combo()->lineEdit(), QStringLiteral("nope"));
        QVERIFY(edited.isEmpty());
        QVERIFY(!invalid.isEmpty());
        QVERIFY(invalid.last().at(0).toString().contains(QStringLiteral("no column 'nope'")));
        typeInto(column.combo()->lineEdit(), QStringLiteral("event_time"));
        QCOMPARE(edited.size(), 1);
        QCOMPARE(edited.last().at(0).value<nlohmann::json>(), nlohmann::json("event_time"));
    }

    void aggregatesAndKeyValueTables()
    {
        auto w = m_doc->addNode("tumbling-window", {600, 0});
        m_doc->addEdge({{m_filter, "out"}, {w, "in"}});
        m_editor->setNode(QString::fromStdString(w));
        settle();
        auto* agg =
            qobject_cast<widgets::AggregatesField*>(m_editor->field(QStringLiteral("aggregates")));
        QVERIFY(agg);
        QCOMPARE(agg->table()->rowCount(), 1); // the default COUNT(*)
        agg->addDefaultRow();
        settle();
        QCOMPARE(prop(w, "aggregates").size(), 2u);
        // SUM over * is not a value: explained, not written.
        auto* fn = qobject_cast<QComboBox*>(agg->table()->cellWidget(1, 0));
        fn->setCurrentText(QStringLiteral("SUM"));
        Q_EMIT fn->activated(fn->currentIndex());
        settle();
        QVERIFY(m_editor->message(QStringLiteral("aggregates"))
                    .contains(QStringLiteral("needs a column")));
        QCOMPARE(prop(w, "aggregates")[1]["function"], nlohmann::json("COUNT"));
        auto* col = qobject_cast<QComboBox*>(agg->table()->cellWidget(1, 1));
        QVERIFY(col->findText(QStringLiteral("amount")) >= 0);
        col->setCurrentIndex(col->findText(QStringLiteral("amount")));
        Q_EMIT col->activated(col->currentIndex());
        settle();
        QCOMPARE(prop(w, "aggregates")[1],
                 (nlohmann::json{{"function", "SUM"}, {"column", "amount"}, {"as", "cnt_2"}}));

        auto k = m_doc->addNode("kafka-sink", {900, 0});
        m_editor->setNode(QString::fromStdString(k));
        m_editor->focusProperty(QStringLiteral("properties")); // advanced: expands
        settle();
        auto* kv =
            qobject_cast<widgets::KeyValueField*>(m_editor->field(QStringLiteral("properties")));
        QVERIFY(kv && kv->isVisible());
        kv->addDefaultRow();
        settle();
        QVERIFY(m_editor->message(QStringLiteral("properties"))
                    .contains(QStringLiteral("key is empty")));
        kv->table()->item(0, 0)->setText(QStringLiteral("sasl.password"));
        kv->table()->item(0, 1)->setText(QStringLiteral("hunter2"));
        settle();
        QCOMPARE(prop(k, "properties"), (nlohmann::json{{"sasl.password", "hunter2"}}));
        QVERIFY(m_editor->message(QStringLiteral("properties")).isEmpty());
    }

    void validationProblemsShowUnderTheProperty()
    {
        auto k = m_doc->addNode("kafka-source", {0, 300});
        m_editor->setNode(QString::fromStdString(k));
        settle();
        QVERIFY2(m_editor->message(QStringLiteral("topic")).contains(QStringLiteral("required")),
                 qPrintable(m_editor->message(QStringLiteral("topic"))));
        auto* topic = qobject_cast<widgets::TextField*>(m_editor->field(QStringLiteral("topic")));
        typeInto(topic->editorWidget(), QStringLiteral("Orders"));
        QCOMPARE(prop(k, "topic"), nlohmann::json("Orders"));
        // A naming-convention warning replaces the error.
        QVERIFY(!m_editor->message(QStringLiteral("topic")).contains(QStringLiteral("required")));
        m_editor->focusProperty(QStringLiteral("group_id"));
        QVERIFY(m_editor->field(QStringLiteral("group_id"))->editorWidget()->hasFocus());
    }

    void choicesChecksLabelAndSettingsAreUndoable()
    {
        m_editor->setNode(QString::fromStdString(m_gen));
        auto* kind = qobject_cast<widgets::ChoiceField*>(m_editor->field(QStringLiteral("kind")));
        auto* combo = qobject_cast<QComboBox*>(kind->editorWidget());
        combo->setCurrentText(QStringLiteral("clickstream"));
        Q_EMIT combo->activated(combo->currentIndex());
        QCOMPARE(prop(m_gen, "kind"), nlohmann::json("clickstream"));
        auto* meta = m_editor->field(QStringLiteral("kind"));
        QVERIFY(meta);
        typeInto(m_editor->labelEdit(), QStringLiteral("clicks"));
        QCOMPARE(QString::fromStdString(m_doc->node(m_gen)->label), QStringLiteral("clicks"));
        m_editor->setNode({});
        settle();
        auto* form = m_editor->settingsForm();
        QVERIFY(form);
        typeInto(form->checkpointEdit(), QStringLiteral("90 seconds"));
        QCOMPARE(m_doc->pipeline().settings.checkpointIntervalMs, 90000);
        typeInto(form->checkpointEdit(), QStringLiteral("soon"));
        QVERIFY(form->message(QStringLiteral("checkpoint_interval"))
                    .contains(QStringLiteral("not a duration")));
        QCOMPARE(m_doc->pipeline().settings.checkpointIntervalMs, 90000);
        std::string s3 = runtime::serializePipeline(m_doc->pipeline());
        m_doc->undoStack()->undo();
        m_doc->undoStack()->undo();
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->pipeline().settings.checkpointIntervalMs, 10000);
        QVERIFY(m_doc->node(m_gen)->label.empty());
        QVERIFY(prop(m_gen, "kind").is_null());
        m_doc->undoStack()->redo();
        m_doc->undoStack()->redo();
        m_doc->undoStack()->redo();
        QCOMPARE(runtime::serializePipeline(m_doc->pipeline()), s3);
    }

    void recoverySettingsAreEditedValidatedAndUndoable()
    {
        m_editor->setNode({});
        settle();
        auto* form = m_editor->settingsForm();
        QVERIFY(form);
        const auto& s = m_doc->pipeline().settings;
        QVERIFY(!form->maxRestartDelayEdit()->isEnabled()); // fixed-delay (the default)
        form->restartCombo()->setCurrentText(QStringLiteral("exponential-delay"));
        Q_EMIT form->restartCombo()->activated(form->restartCombo()->currentIndex());
        QVERIFY(s.restartStrategy.kind == runtime::RestartStrategy::Kind::ExponentialDelay);
        QVERIFY(form->maxRestartDelayEdit()->isEnabled());
        typeInto(form->restartDelayEdit(), QStringLiteral("2 s"));
        QCOMPARE(s.restartStrategy.delayMs, 2000);
        typeInto(form->maxRestartDelayEdit(), QStringLiteral("1 s"));
        QVERIFY(form->message(QStringLiteral("restart_strategy"))
                    .contains(QStringLiteral("must not be shorter")));
        QCOMPARE(s.restartStrategy.maxDelayMs, 60000); // not applied
        typeInto(form->maxRestartDelayEdit(), QStringLiteral("30 s"));
        QVERIFY(form->message(QStringLiteral("restart_strategy")).isEmpty());
        QCOMPARE(s.restartStrategy.maxDelayMs, 30000);
        typeInto(form->retainedSpin(), QStringLiteral("5"));
        QCOMPARE(s.retainedCheckpoints, 5);
        // The file says so, and reads back the same.
        const std::string text = runtime::serializePipeline(m_doc->pipeline());
        const auto json = nlohmann::json::parse(text);
        QCOMPARE(json["pipeline"]["restart_strategy"]["type"], nlohmann::json("exponential-delay"));
        QCOMPARE(json["pipeline"]["retained_checkpoints"], nlohmann::json(5));
        form->restartCombo()->setCurrentText(QStringLiteral("none"));
        Q_EMIT form->restartCombo()->activated(form->restartCombo()->currentIndex());
        QVERIFY(!form->restartDelayEdit()->isEnabled());
        QVERIFY(s.restartStrategy.kind == runtime::RestartStrategy::Kind::None);
        m_doc->undoStack()->undo();
        QVERIFY(s.restartStrategy.kind == runtime::RestartStrategy::Kind::ExponentialDelay);
        while (m_doc->undoStack()->canUndo())
            m_doc->undoStack()->undo();
        QVERIFY(s.restartStrategy == runtime::RestartStrategy{});
        QCOMPARE(s.retainedCheckpoints, 3);
    }
};

QTEST_MAIN(TestProperties)
#include "tst_properties.moc"
